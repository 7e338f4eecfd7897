// Counts by a pair of integers — a decision-time group and a number of days — in one table of typed
// arrays with linear probing. The pairs are sparse (most groups see a few distinct day counts), so an
// array or a map per group cost more memory and time than the counts themselves.

const EMPTY = 0;

export class PairCounts {
  /** Per slot: the group plus one (0: empty), the days, the count. */
  private groups = new Int32Array(1024);
  private days = new Int32Array(1024);
  private counts = new Float64Array(1024);
  private mask = 1023;
  private size = 0;

  /** Adds `count` to the pair (`group` ≥ 0, `days` any 32-bit integer). */
  add(group: number, days: number, count: number): void {
    const key = group + 1;
    const mask = this.mask;
    let slot = (Math.imul(key, 0x9e3779b1) ^ Math.imul(days, 0x85ebca6b)) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    for (;;) {
      const resident = this.groups[slot]!;
      if (resident === key && this.days[slot] === days) {
        this.counts[slot]! += count;
        return;
      }
      if (resident === EMPTY) break;
      slot = (slot + 1) & mask;
    }
    this.groups[slot] = key;
    this.days[slot] = days;
    this.counts[slot] = count;
    if (++this.size * 2 > mask) this.grow();
  }

  /** Every pair with a count other than 0, by group, then by days. */
  entries(): Array<{ group: number; days: number; count: number }> {
    const entries: Array<{ group: number; days: number; count: number }> = [];
    for (let slot = 0; slot <= this.mask; slot++) {
      const key = this.groups[slot]!;
      if (key !== EMPTY && this.counts[slot] !== 0) entries.push({ group: key - 1, days: this.days[slot]!, count: this.counts[slot]! });
    }
    return entries.sort((a, b) => a.group - b.group || a.days - b.days);
  }

  private grow(): void {
    const { groups, days, counts } = this;
    const capacity = (this.mask + 1) * 2;
    this.groups = new Int32Array(capacity);
    this.days = new Int32Array(capacity);
    this.counts = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let slot = 0; slot < groups.length; slot++) if (groups[slot] !== EMPTY) this.add(groups[slot]! - 1, days[slot]!, counts[slot]!);
  }
}
