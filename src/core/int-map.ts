// A map from non-negative 31-bit integers to non-negative integers, in one typed array (key and
// value side by side, linear probing): for the cell numbers a row is looked up by. A JavaScript Map
// of tens of thousands of numbers spreads an entry over several arrays, and a row then waits for
// several cache misses instead of one.

const EMPTY = -1;

export class IntMap {
  /** Per slot: key, value; EMPTY keys are free. */
  private table = new Int32Array(2 * 1024).fill(EMPTY);
  private mask = 1023;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value of `key` (0 ≤ key < 2^31), or -1. */
  get(key: number): number {
    const table = this.table;
    const mask = this.mask;
    for (let slot = IntMap.slotOf(key, mask); ; slot = (slot + 1) & mask) {
      const resident = table[2 * slot]!;
      if (resident === key) return table[2 * slot + 1]!;
      if (resident === EMPTY) return -1;
    }
  }

  /** Sets `key` (0 ≤ key < 2^31, not in the map yet) to `value` (≥ 0). */
  add(key: number, value: number): void {
    if (key < 0 || key > 0x7fffffff) throw new RangeError(`IntMap key out of range: ${key}`);
    const table = this.table;
    const mask = this.mask;
    let slot = IntMap.slotOf(key, mask);
    while (table[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
    table[2 * slot] = key;
    table[2 * slot + 1] = value;
    if (++this.count * 2 > mask) this.grow();
  }

  private static slotOf(key: number, mask: number): number {
    const h = Math.imul(key, 0x9e3779b1);
    return (h ^ (h >>> 16)) & mask;
  }

  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array(2 * (this.mask + 1)).fill(EMPTY);
    this.count = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at] !== EMPTY) this.add(old[at]!, old[at + 1]!);
  }
}
