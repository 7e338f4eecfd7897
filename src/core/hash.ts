// 64-bit string hashing without allocation: two independent 32-bit murmur3-style hashes over the
// UTF-16 code units of `text[start, end)`. Used for the compact id registry (the id) and for the
// signature of a request's content. The same characters give the same hash on every thread.

/** The result of the last hash: [low, high]. Read both right after the call. */
export const HASH_OUT = new Int32Array(2);

const C1 = 0xcc9e2d51 | 0;
const C2 = 0x1b873593 | 0;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Hashes `text[start, end)` into HASH_OUT (both words; never both zero). Two code units are mixed at
 * a time, as one 32-bit value (the first in the low half): half the steps of one a unit.
 */
export function hashRange(text: string, start: number, end: number): void {
  let h1 = 0x9747b28c | 0;
  let h2 = 0x2f1d3a5b | 0;
  let i = start;
  for (; i + 1 < end; i += 2) {
    const k = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    h1 = mix32(h1, k);
    h2 = (Math.imul(h2 ^ k, 0x01000193) + (h1 >>> 7)) | 0;
  }
  if (i < end) {
    const k = text.charCodeAt(i);
    h1 = mix32(h1, k);
    h2 = (Math.imul(h2 ^ k, 0x01000193) + (h1 >>> 7)) | 0;
  }
  storePair(h1, h2, end - start);
}

/** Finishes the two running hashes of `length` units into HASH_OUT (never both zero). */
function storePair(h1: number, h2: number, length: number): void {
  const low = fmix(h1 ^ length);
  let high = fmix(h2 ^ Math.imul(length, 0x27d4eb2f) ^ low);
  if (low === 0 && high === 0) high = 1;
  HASH_OUT[0] = low;
  HASH_OUT[1] = high;
}

/** A 32-bit hash of a whole string. */
export function hashString32(text: string): number {
  hashRange(text, 0, text.length);
  return HASH_OUT[0]!;
}

/** Mixes one 32-bit value into a running 32-bit hash (order matters). */
export function mix32(h: number, value: number): number {
  let k = Math.imul(value | 0, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function finish32(h: number): number {
  return fmix(h);
}

/** hashRange over bytes: the same hash as the string of those bytes when they are ASCII. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): void {
  let h1 = 0x9747b28c | 0;
  let h2 = 0x2f1d3a5b | 0;
  let i = start;
  for (; i + 1 < end; i += 2) {
    const k = bytes[i]! | (bytes[i + 1]! << 16);
    h1 = mix32(h1, k);
    h2 = (Math.imul(h2 ^ k, 0x01000193) + (h1 >>> 7)) | 0;
  }
  if (i < end) {
    const k = bytes[i]!;
    h1 = mix32(h1, k);
    h2 = (Math.imul(h2 ^ k, 0x01000193) + (h1 >>> 7)) | 0;
  }
  storePair(h1, h2, end - start);
}
