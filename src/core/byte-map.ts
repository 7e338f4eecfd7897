// A small map from byte strings to values that looks a key up in place, in a larger byte array,
// without making a string of it: for the values of enumerated columns, which repeat row after row.

const EMPTY = 0;

export class ByteMap<T> {
  private slots: Int32Array;
  private mask: number;
  /** The stored keys (each four times, see setMissed), as bytes and as 32-bit words. */
  private arena = new Uint8Array(1 << 12);
  private arenaWords = new Int32Array(this.arena.buffer, 0, this.arena.length >> 2);
  private used = 0;
  private readonly hashes: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: T[] = [];
  /** The slot a missed lookup ended on, for set(). */
  private missSlot = -1;
  private missHash = 0;

  constructor(private readonly limit = 20_000) {
    this.slots = new Int32Array(64);
    this.mask = 63;
  }

  get size(): number {
    return this.values.length;
  }

  /** A hash of the length and a few bytes (first, second, middle, last two): O(1); lookups compare whole keys. */
  private static hash(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    let h = Math.imul(length, 0x9e3779b1);
    if (length > 0) {
      h = Math.imul(h ^ bytes[start]!, 0x01000193);
      h = Math.imul(h ^ bytes[end - 1]!, 0x01000193);
      h = Math.imul(h ^ bytes[start + (length >> 1)]!, 0x01000193);
      if (length > 2) {
        h = Math.imul(h ^ bytes[start + 1]!, 0x01000193);
        h = Math.imul(h ^ bytes[end - 2]!, 0x01000193);
      }
    }
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) | 0;
  }

  /**
   * get() for bytes whose buffer is also seen as 32-bit words (`words`, from the buffer's start;
   * `bytes` starting at byte `base` of it): the key is compared four bytes at a time, against the copy
   * of the stored key that has the same alignment.
   */
  getAligned(bytes: Uint8Array, words: Int32Array, base: number, start: number, end: number): T | undefined {
    const hash = ByteMap.hash(bytes, start, end);
    const length = end - start;
    const slots = this.slots;
    const mask = this.mask;
    const absolute = base + start;
    const align = absolute & 3;
    const head = Math.min(length, (4 - align) & 3);
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === EMPTY) break;
      const index = entry - 1;
      if (this.hashes[index] === hash && this.lengths[index] === length) {
        const arena = this.arena;
        const arenaWords = this.arenaWords;
        // The copy for this alignment: its offset in the arena ≡ the key's address (mod 4).
        const offset = this.offsets[index]! + align * ((length + 7) & ~3) + align;
        let same = true;
        let i = 0;
        for (; i < head; i++) {
          if (arena[offset + i] !== bytes[start + i]) {
            same = false;
            break;
          }
        }
        if (same) {
          for (let a = (offset + i) >> 2, b = (absolute + i) >> 2; i + 4 <= length; i += 4, a++, b++) {
            if (arenaWords[a] !== words[b]) {
              same = false;
              break;
            }
          }
        }
        if (same) {
          for (; i < length; i++) {
            if (arena[offset + i] !== bytes[start + i]) {
              same = false;
              break;
            }
          }
        }
        if (same) return this.values[index];
      }
      slot = (slot + 1) & mask;
    }
    this.missSlot = slot;
    this.missHash = hash;
    return undefined;
  }

  /** The value of `bytes[start, end)`, or undefined. */
  get(bytes: Uint8Array, start: number, end: number): T | undefined {
    const hash = ByteMap.hash(bytes, start, end);
    const length = end - start;
    const slots = this.slots;
    const mask = this.mask;
    const arena = this.arena;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === EMPTY) break;
      const index = entry - 1;
      if (this.hashes[index] === hash && this.lengths[index] === length) {
        const offset = this.offsets[index]!;
        let same = true;
        for (let i = 0; i < length; i++) {
          if (arena[offset + i] !== bytes[start + i]) {
            same = false;
            break;
          }
        }
        if (same) return this.values[index];
      }
      slot = (slot + 1) & mask;
    }
    this.missSlot = slot;
    this.missHash = hash;
    return undefined;
  }

  /** Stores the value of the key get() has just missed (unless the map is full). */
  setMissed(bytes: Uint8Array, start: number, end: number, value: T): void {
    if (this.values.length >= this.limit) return;
    const length = end - start;
    // Four copies of the key, the copy a (0-3) at an offset ≡ a (mod 4): see getAligned().
    const region = (length + 7) & ~3;
    const size = 4 * region;
    if (this.used + size > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, (this.used + size + 3) & ~3));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
      this.arenaWords = new Int32Array(next.buffer, 0, next.length >> 2);
    }
    const key = bytes.subarray(start, end);
    for (let align = 0; align < 4; align++) this.arena.set(key, this.used + align * region + align);
    const index = this.values.length;
    this.hashes.push(this.missHash);
    this.offsets.push(this.used);
    this.lengths.push(length);
    this.values.push(value);
    this.used += size;
    this.slots[this.missSlot] = index + 1;
    if ((index + 1) * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(capacity).fill(EMPTY); // written before read: see zeroedWords in id-registry.ts
    const mask = capacity - 1;
    for (let index = 0; index < this.values.length; index++) {
      let slot = this.hashes[index]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
