// A map from non-negative 31-bit integers to non-negative integers, in one typed array (key and
// value side by side, linear probing): for the cell numbers a row is looked up by. A JavaScript Map
// of tens of thousands of numbers spreads an entry over several arrays, and a row then waits for
// several cache misses instead of one.

const EMPTY = -1;

export class IntMap {
  // Small at first, so that it grows within the first rows: optimised code built before the first
  // grow() would be thrown away by it (and compiled again), as V8 had taken the table for a constant
  // and had never seen grow() called.
  /** Per slot: key, value; EMPTY keys are free. */
  private table = new Int32Array(2 * 16).fill(EMPTY);
  private mask = 15;
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

  // Inserts without add(): a loop this long is compiled on the fly (on-stack replacement), and with
  // add() inlined — and grow() within it, and add() within that — compiling it took 20–45 ms of a
  // compiler thread each time, on a machine whose two cores are busy reading.
  private grow(): void {
    const old = this.table;
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(2 * (mask + 1)).fill(EMPTY);
    for (let at = 0; at < old.length; at += 2) {
      const key = old[at]!;
      if (key === EMPTY) continue;
      let slot = IntMap.slotOf(key, mask);
      while (table[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
      table[2 * slot] = key;
      table[2 * slot + 1] = old[at + 1]!;
    }
    this.table = table;
    this.mask = mask;
  }
}
