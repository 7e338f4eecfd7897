// Request ids seen so far, to find the same request twice across files. The only state that grows
// with the number of rows, so it is compact: no strings are kept, only a 64-bit hash of each id, a
// 32-bit hash of the request's content and where it was first seen — 16 bytes a request in one
// typed array, a hash table with linear probing filled up to 90 %. 5 million ids take 89 MB.
// (Robin Hood hashing was tried: its moves on insert cost more than the shorter probes gained.)
//
// Two different ids are taken for one when their 64-bit hashes collide: for 10 million distinct ids
// the chance is about 3 in a million. Two different contents of one id are taken for the same when
// their 32-bit hashes collide (1 in 4 billion per repeated id).
import { HASH_OUT, hashRange } from './hash.js';

export interface Location {
  file: string;
  line: number;
}

export type IdCheck =
  | { kind: 'new' }
  | { kind: 'duplicate'; first: Location } // same id, same content
  | { kind: 'conflict'; first: Location }; // same id, different content

export const ID_NEW = 0;
export const ID_DUPLICATE = 1;
export const ID_CONFLICT = 2;

export interface IdRegistry {
  /** Checks an id by its hash (see hashRange) and content hash; registers it when new. ID_NEW, ID_DUPLICATE or ID_CONFLICT. */
  checkHash(idLow: number, idHigh: number, signature: number, file: string, line: number): number;
  /**
   * checkHash with idLow, idHigh and signature read from `words[at, at + 3)`: 32-bit values passed
   * to a call are boxed (a heap number each), values read from a typed array are not.
   */
  checkWords(words: Int32Array, at: number, file: string, line: number): number;
  /** Where the id of the last duplicate or conflict was first seen. */
  first(): Location;
  /** The same check, from the id's text and the content's hash. */
  check(id: string, signature: number, at: Location): IdCheck;
  /**
   * Reads the table where the ids at `words[from]`, `words[from + stride]`, … would be (`count` of
   * them, within `words`): touching a batch of ids before checking them lets their cache misses
   * overlap. Returns a small number (kept by the caller, so that the reads are not optimised away).
   */
  touchWords(words: Int32Array, from: number, count: number, stride: number): number;
  /** Makes room for this many ids in all (no effect when there is room already). */
  reserve(ids: number): void;
  readonly size: number;
  /** Bytes held by the table. */
  readonly bytes: number;
}

const MAX_LOAD = 0.9;
const WORDS = 4; // idLow, idHigh, signature, position

export function createIdRegistry(initialCapacity = 1 << 12): IdRegistry {
  let capacity = initialCapacity;
  let table = new Uint32Array(capacity * WORDS);
  let size = 0;
  let limit = Math.floor(capacity * MAX_LOAD);
  // Positions: a file's lines are numbered from its base, so that one 32-bit word locates a row.
  const segmentFiles: string[] = [];
  const segmentBases: number[] = [];
  let currentFile: string | undefined;
  let currentBase = 0;
  let maxPosition = 0;
  let firstPosition = 0;

  const home = (low: number): number => Math.floor(((low >>> 0) * capacity) / 4294967296);

  const scratch = new Int32Array(3);

  /** Places an entry (known to be absent) at the first empty slot from its home: linear probing. */
  function insertRaw(t: Uint32Array, cap: number, low: number, high: number, sig: number, position: number): void {
    let slot = Math.floor((low * cap) / 4294967296);
    for (;;) {
      const at = slot * WORDS;
      if (t[at] === 0 && t[at + 1] === 0) {
        t[at] = low;
        t[at + 1] = high;
        t[at + 2] = sig;
        t[at + 3] = position;
        return;
      }
      if (++slot === cap) slot = 0;
    }
  }

  function resize(newCapacity: number): void {
    const old = table;
    const next = new Uint32Array(newCapacity * WORDS);
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at] !== 0 || old[at + 1] !== 0) insertRaw(next, newCapacity, old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
    table = next;
    capacity = newCapacity;
    limit = Math.floor(capacity * MAX_LOAD);
  }

  function positionOf(file: string, line: number): number {
    if (file !== currentFile) {
      currentFile = file;
      currentBase = segmentFiles.length === 0 ? 0 : maxPosition + 1;
      segmentFiles.push(file);
      segmentBases.push(currentBase);
    }
    const position = currentBase + line;
    if (position > 0xffffffff) throw new Error('more than 4,294,967,295 lines of logs in one run');
    if (position > maxPosition) maxPosition = position;
    return position;
  }

  function locationOf(position: number): Location {
    let lo = 0;
    let hi = segmentBases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segmentBases[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return { file: segmentFiles[lo]!, line: position - segmentBases[lo]! };
  }

  function check(words: Int32Array, wordsAt: number, file: string, line: number): number {
    const low = words[wordsAt]! >>> 0;
    const high = words[wordsAt + 1]! >>> 0;
    const t = table;
    const cap = capacity;
    let slot = home(low);
    for (;;) {
      const at = slot * WORDS;
      const residentLow = t[at]!;
      const residentHigh = t[at + 1]!;
      if (residentLow === low && residentHigh === high) {
        firstPosition = t[at + 3]!;
        return t[at + 2] === words[wordsAt + 2]! >>> 0 ? ID_DUPLICATE : ID_CONFLICT;
      }
      if (residentLow === 0 && residentHigh === 0) {
        const position = positionOf(file, line);
        if (size >= limit) {
          resize(Math.ceil(capacity * 1.5));
          insertRaw(table, capacity, low, high, words[wordsAt + 2]! >>> 0, position);
        } else {
          t[at] = low;
          t[at + 1] = high;
          t[at + 2] = words[wordsAt + 2]!;
          t[at + 3] = position;
        }
        size++;
        return ID_NEW;
      }
      if (++slot === cap) slot = 0;
    }
  }

  const registry: IdRegistry = {
    checkHash(idLow, idHigh, signature, file, line) {
      scratch[0] = idLow;
      scratch[1] = idHigh;
      scratch[2] = signature;
      return check(scratch, 0, file, line);
    },
    checkWords: check,
    touchWords(words, from, count, stride) {
      const t = table;
      const end = Math.min(words.length, from + count * stride);
      let read = 0;
      for (let at = from; at < end; at += stride) read ^= t[home(words[at]! >>> 0) * WORDS]!;
      return read & 1;
    },
    first() {
      return locationOf(firstPosition);
    },
    check(id, signature, at) {
      hashRange(id, 0, id.length);
      const verdict = registry.checkHash(HASH_OUT[0]!, HASH_OUT[1]!, signature, at.file, at.line);
      if (verdict === ID_NEW) return { kind: 'new' };
      return { kind: verdict === ID_DUPLICATE ? 'duplicate' : 'conflict', first: registry.first() };
    },
    reserve(ids) {
      const needed = Math.ceil(ids / MAX_LOAD) + 1;
      if (needed > capacity) resize(needed);
    },
    get size() {
      return size;
    },
    get bytes() {
      return table.byteLength;
    },
  };
  return registry;
}
