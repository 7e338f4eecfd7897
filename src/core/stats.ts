// Order statistics over a histogram (value → how many times), so that response times of millions of
// requests need memory for the distinct day counts only.

/** The median: the middle value, or the mean of the two middle values for an even count. */
export function medianOf(histogram: ReadonlyMap<number, number>): number | null {
  const total = countOf(histogram);
  if (total === 0) return null;
  const lower = valueAtRank(histogram, Math.floor((total + 1) / 2));
  const upper = valueAtRank(histogram, Math.floor(total / 2) + 1);
  return (lower + upper) / 2;
}

/** The p-th percentile by the nearest-rank method: the smallest value with at least p % of values at or below it. */
export function percentileOf(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const total = countOf(histogram);
  if (total === 0) return null;
  return valueAtRank(histogram, Math.max(1, Math.ceil((p / 100) * total)));
}

function countOf(histogram: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const count of histogram.values()) total += count;
  return total;
}

/** The value at 1-based rank `rank` in sorted order. */
function valueAtRank(histogram: ReadonlyMap<number, number>, rank: number): number {
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value)!;
    if (seen >= rank) return value;
  }
  throw new RangeError(`rank ${rank} is beyond the ${seen} values`);
}

/** The histograms of several groups added up into one. */
export function addHistograms(groups: Iterable<{ histogram: ReadonlyMap<number, number> }>): Map<number, number> {
  const sum = new Map<number, number>();
  for (const { histogram } of groups) for (const [days, count] of histogram) sum.set(days, (sum.get(days) ?? 0) + count);
  return sum;
}
