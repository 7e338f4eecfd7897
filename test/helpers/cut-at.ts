// Cuts a text or a list into consecutive parts at arbitrary points (property tests: reading in
// chunks, splitting rows across files). Points beyond the end wrap; repeated points give empty parts.

/** The parts of `whole` between the cut points (each taken modulo length + 1), in order. */
export function cutAt(whole: string, cuts: readonly number[]): string[];
export function cutAt<T>(whole: readonly T[], cuts: readonly number[]): T[][];
export function cutAt<T>(whole: string | readonly T[], cuts: readonly number[]): (string | T[])[] {
  const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
  const parts: (string | T[])[] = [];
  let start = 0;
  for (const point of points) {
    parts.push(whole.slice(start, point));
    start = point;
  }
  parts.push(whole.slice(start));
  return parts;
}
