// Whole percents that add up to exactly 100: the largest remainder (Hamilton) method, in integer
// arithmetic so that no floating-point rounding can move a figure.

/**
 * Shares of `counts` in whole percents of their sum. Each share is rounded down, and the points still
 * missing to reach 100 go to the largest remainders; equal remainders go to the earlier cell, so the
 * result is stable. All zeros when the sum is zero.
 */
export function wholePercents(counts: readonly number[]): number[] {
  return apportion(counts, 100);
}

/** Shares of `counts` in thousandths, so that one-decimal percents (share / 10) add up to exactly 100.0. */
export function perMille(counts: readonly number[]): number[] {
  return apportion(counts, 1000);
}

/** Hamilton's method: `scale` units shared in proportion to `counts`, each share a whole number. */
function apportion(counts: readonly number[], scale: number): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((count) => Math.floor((count * scale) / total));
  const remainders = counts.map((count, index) => ({ index, remainder: (count * scale) % total }));
  let missing = scale - floors.reduce((sum, value) => sum + value, 0);
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (missing === 0) break;
    floors[index]! += 1;
    missing--;
  }
  return floors;
}
