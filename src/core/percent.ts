// Whole percents that add up to exactly 100: the largest remainder (Hamilton) method, in integer
// arithmetic so that no floating-point rounding can move a figure.

/**
 * Shares of `counts` in whole percents of their sum. Each share is rounded down, and the points still
 * missing to reach 100 go to the largest remainders; equal remainders go to the earlier cell, so the
 * result is stable. All zeros when the sum is zero.
 */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((count) => Math.floor((count * 100) / total));
  const remainders = counts.map((count, index) => ({ index, remainder: (count * 100) % total }));
  let missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (missing === 0) break;
    floors[index]! += 1;
    missing--;
  }
  return floors;
}
