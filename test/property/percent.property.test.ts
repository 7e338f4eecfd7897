import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholePercents } from '../../src/core/percent.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// Counts up to 2^31 - 1, up to 20 cells: count * 100 stays far below 2^53.
const counts = fc.array(fc.oneof(fc.nat({ max: 20 }), fc.nat()), { minLength: 1, maxLength: 20 });

describe('wholePercents (property)', () => {
  it('sums to 100, each share within 1 of the exact one, zero counts get 0', () => {
    fc.assert(
      fc.property(counts, (values) => {
        const total = sum(values);
        fc.pre(total > 0);
        const result = wholePercents(values);
        expect(result).toHaveLength(values.length);
        expect(sum(result)).toBe(100);
        values.forEach((count, index) => {
          const share = result[index]!;
          const floor = Math.floor((count * 100) / total);
          const exact = (count * 100) % total === 0;
          expect(Number.isInteger(share)).toBe(true);
          // floor or ceil of the exact share; an exact share is never rounded
          expect(exact ? [floor] : [floor, floor + 1]).toContain(share);
          if (count === 0) expect(share).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('rounds up the largest remainders, equal remainders the earlier cell first', () => {
    fc.assert(
      fc.property(counts, (values) => {
        const total = sum(values);
        fc.pre(total > 0);
        const result = wholePercents(values);
        const remainder = (index: number) => (values[index]! * 100) % total;
        const up = (index: number) => result[index]! > Math.floor((values[index]! * 100) / total);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (up(i) && !up(j)) {
              // i got the point and j did not: i's remainder is larger, or equal and earlier
              expect(remainder(i) > remainder(j) || (remainder(i) === remainder(j) && i < j)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('depends only on the proportions: scaling every count changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 1000 }), (values, factor) => {
        expect(wholePercents(values.map((value) => value * factor))).toEqual(wholePercents(values));
      }),
      { numRuns: 200 },
    );
  });

  it('gives all zeros for all-zero counts', () => {
    fc.assert(
      fc.property(fc.nat({ max: 30 }), (length) => {
        expect(wholePercents(new Array<number>(length).fill(0))).toEqual(new Array<number>(length).fill(0));
      }),
    );
  });
});
