import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntMap } from '../../src/core/int-map.js';

describe('IntMap', () => {
  it('gives -1 for a key it does not hold, and the value for one it does', () => {
    const map = new IntMap();
    expect(map.get(0)).toBe(-1);
    map.add(0, 7);
    map.add(2 ** 31 - 1, 0);
    expect(map.get(0)).toBe(7);
    expect(map.get(2 ** 31 - 1)).toBe(0);
    expect(map.get(1)).toBe(-1);
    expect(map.size).toBe(2);
  });

  it('refuses a key it cannot hold', () => {
    expect(() => new IntMap().add(-1, 0)).toThrow(RangeError);
    expect(() => new IntMap().add(2 ** 31, 0)).toThrow(RangeError);
  });

  it('agrees with a Map over any keys, through its growth', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 600, maxLength: 3000 }), fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 100 }), (keys, others) => {
        const map = new IntMap();
        const oracle = new Map<number, number>();
        keys.forEach((key, index) => {
          map.add(key, index);
          oracle.set(key, index);
        });
        expect(map.size).toBe(oracle.size);
        for (const key of [...keys, ...others]) expect(map.get(key)).toBe(oracle.get(key) ?? -1);
      }),
      { numRuns: 40 },
    );
  });
});
