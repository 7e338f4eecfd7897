import { describe, expect, it } from 'vitest';
import { wholePercents } from '../../src/core/percent.js';

describe('wholePercents', () => {
  it.each([
    // The published 2020 reference: technical approved/rejected, user data approved/rejected.
    ['Russia 2020', [35, 31, 0, 27], [38, 33, 0, 29]],
    ['France 2020', [10, 0, 0, 1], [91, 0, 0, 9]],
    ['TOTAL 2020', [101, 31, 0, 28], [63, 19, 0, 18]],
    ['South Korea 2020', [23, 0, 0, 0], [100, 0, 0, 0]],
  ])('%s: %j → %j', (_name, counts, expected) => {
    expect(wholePercents(counts)).toEqual(expected);
  });

  it.each([
    [[1], [100]],
    [[7], [100]],
    [[1, 1], [50, 50]],
    [[1, 2], [33, 67]],
    [[2, 1], [67, 33]],
    // equal remainders: the earlier cell gets the point
    [[1, 1, 1], [34, 33, 33]],
    [[2, 2, 2], [34, 33, 33]],
    [[1, 1, 1, 1, 1, 1], [17, 17, 17, 17, 16, 16]],
    [[1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]],
    [[0, 1, 1, 1], [0, 34, 33, 33]],
    // zero counts never receive a point
    [[0, 7, 0], [0, 100, 0]],
    [[0, 1, 0, 2, 0], [0, 33, 0, 67, 0]],
    // exact shares need no rounding
    [[1, 3], [25, 75]],
    [[50, 25, 25], [50, 25, 25]],
    // tiny share next to a huge one
    [[1, 999], [0, 100]],
    [[5, 995], [1, 99]],
    [[1_000_000_000, 1, 1], [100, 0, 0]],
    // the largest remainder wins over the earlier cell
    [[1, 2, 4], [14, 29, 57]],
  ])('%j → %j', (counts, expected) => {
    const result = wholePercents(counts);
    expect(result).toEqual(expected);
    expect(result.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('gives all zeros when everything is zero', () => {
    expect(wholePercents([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    expect(wholePercents([0])).toEqual([0]);
    expect(wholePercents([])).toEqual([]);
  });

  it('does not modify its input', () => {
    const counts = Object.freeze([3, 1, 2]);
    expect(wholePercents(counts)).toEqual([50, 17, 33]);
    expect(counts).toEqual([3, 1, 2]);
  });
});
