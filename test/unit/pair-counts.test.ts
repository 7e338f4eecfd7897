import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairCounts } from '../../src/core/pair-counts.js';

function entriesOf(counts: PairCounts): Array<{ group: number; days: number; count: number }> {
  const entries: Array<{ group: number; days: number; count: number }> = [];
  counts.forEach((group, days, count) => entries.push({ group, days, count }));
  return entries;
}

describe('PairCounts', () => {
  it('is empty at first', () => {
    expect(entriesOf(new PairCounts())).toEqual([]);
  });

  it('adds up each pair, leaves out pairs that come back to 0, and lists by group then days', () => {
    const counts = new PairCounts();
    counts.add(2, 5, 1);
    counts.add(0, 7, 1);
    counts.add(2, -3, 2);
    counts.add(2, 5, 4);
    counts.add(1, 0, 1);
    counts.add(1, 0, -1); // taken away again: no entry
    expect(entriesOf(counts)).toEqual([
      { group: 0, days: 7, count: 1 },
      { group: 2, days: -3, count: 2 },
      { group: 2, days: 5, count: 5 },
    ]);
  });

  it('keeps every pair as it grows', () => {
    const counts = new PairCounts();
    for (let group = 0; group < 5000; group++) counts.add(group, group % 7, group + 1);
    const entries = entriesOf(counts);
    expect(entries).toHaveLength(5000);
    expect(entries.every((entry) => entry.days === entry.group % 7 && entry.count === entry.group + 1)).toBe(true);
  });

  it('agrees with a Map over any adds', () => {
    const add = fc.tuple(fc.nat({ max: 5000 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(add, { maxLength: 3000 }), fc.array(fc.nat({ max: 2999 }), { maxLength: 200 }), (adds, repeats) => {
        // Repeats of earlier pairs, so that most pairs are met more than once.
        const all = [...adds, ...repeats.filter((at) => at < adds.length).map((at) => adds[at]!)];
        const counts = new PairCounts();
        const oracle = new Map<string, number>();
        for (const [group, days, count] of all) {
          counts.add(group, days, count);
          oracle.set(`${group} ${days}`, (oracle.get(`${group} ${days}`) ?? 0) + count);
        }
        const expected = [...oracle]
          .filter(([, count]) => count !== 0)
          .map(([key, count]) => {
            const [group, days] = key.split(' ').map(Number) as [number, number];
            return { group, days, count };
          })
          .sort((a, b) => a.group - b.group || a.days - b.days);
        expect(entriesOf(counts)).toEqual(expected);
        const unordered: Array<{ group: number; days: number; count: number }> = [];
        counts.forEachUnordered((group, days, count) => unordered.push({ group, days, count }));
        expect(unordered.sort((a, b) => a.group - b.group || a.days - b.days)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
