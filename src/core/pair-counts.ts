// Counts by a pair of integers — a decision-time group and a number of days — in one table of typed
// arrays with linear probing. The pairs are sparse (most groups see a few distinct day counts), so an
// array or a map per group cost more memory and time than the counts themselves.

const EMPTY = 0;

export class PairCounts {
  // Small at first, so that it grows within the first rows (see IntMap's table).
  /** Per slot: the group plus one (0: empty), the days, the count. */
  private groups = new Int32Array(16);
  private days = new Int32Array(16);
  private counts = new Float64Array(16);
  private mask = 15;
  private size = 0;

  /** Adds `count` to the pair (`group` ≥ 0, `days` any 32-bit integer). */
  add(group: number, days: number, count: number): void {
    const key = group + 1;
    const mask = this.mask;
    let slot = PairCounts.slotOf(key, days, mask);
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

  /**
   * Calls `each` for every pair with a count other than 0, by group, then by days (groups are
   * numbered from 0 without gaps: a counting sort, no comparisons).
   */
  forEach(each: (group: number, days: number, count: number) => void): void {
    const { groups, days, counts } = this;
    let groupCount = 0;
    for (let slot = 0; slot <= this.mask; slot++) if (groups[slot]! > groupCount) groupCount = groups[slot]!;
    // starts[g + 1]: how many slots group g has; then, summed, where group g ends in `order` (and
    // starts[g] where it starts).
    const starts = new Int32Array(groupCount + 1);
    for (let slot = 0; slot <= this.mask; slot++) if (groups[slot] !== EMPTY) starts[groups[slot]!]!++;
    for (let group = 1; group <= groupCount; group++) starts[group]! += starts[group - 1]!;
    const order = new Int32Array(this.size);
    const next = starts.slice(0, groupCount);
    for (let slot = 0; slot <= this.mask; slot++) if (groups[slot] !== EMPTY) order[next[groups[slot]! - 1]!++] = slot;
    for (let group = 0; group < groupCount; group++) {
      const from = starts[group]!;
      const to = starts[group + 1]!;
      // A group has a few day counts: insertion sort.
      for (let i = from + 1; i < to; i++) {
        const slot = order[i]!;
        let j = i - 1;
        for (; j >= from && days[order[j]!]! > days[slot]!; j--) order[j + 1] = order[j]!;
        order[j + 1] = slot;
      }
      for (let i = from; i < to; i++) {
        const slot = order[i]!;
        if (counts[slot] !== 0) each(group, days[slot]!, counts[slot]!);
      }
    }
  }

  /** Calls `each` for every pair with a count other than 0, in no particular order. */
  forEachUnordered(each: (group: number, days: number, count: number) => void): void {
    const { groups, days, counts } = this;
    for (let slot = 0; slot <= this.mask; slot++) {
      if (groups[slot] !== EMPTY && counts[slot] !== 0) each(groups[slot]! - 1, days[slot]!, counts[slot]!);
    }
  }

  // Inserts without add(), as IntMap.grow does (and for the same reason: compiling time).
  private grow(): void {
    const { groups, days, counts } = this;
    const capacity = (this.mask + 1) * 2;
    const mask = capacity - 1;
    // Filled, so that each page is first written rather than first read (see zeroedWords in id-registry.ts).
    const newGroups = new Int32Array(capacity).fill(EMPTY);
    const newDays = new Int32Array(capacity).fill(0);
    const newCounts = new Float64Array(capacity).fill(0);
    for (let old = 0; old < groups.length; old++) {
      const key = groups[old]!;
      if (key === EMPTY) continue;
      let slot = PairCounts.slotOf(key, days[old]!, mask);
      while (newGroups[slot] !== EMPTY) slot = (slot + 1) & mask;
      newGroups[slot] = key;
      newDays[slot] = days[old]!;
      newCounts[slot] = counts[old]!;
    }
    this.groups = newGroups;
    this.days = newDays;
    this.counts = newCounts;
    this.mask = mask;
  }

  /** Where the pair (`key` = group + 1, `days`) is looked for first. */
  private static slotOf(key: number, days: number, mask: number): number {
    const slot = (Math.imul(key, 0x9e3779b1) ^ Math.imul(days, 0x85ebca6b)) >>> 0;
    return (slot ^ (slot >>> 15)) & mask;
  }
}
