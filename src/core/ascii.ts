/** The string of ASCII bytes. Spread as arguments in slices: one call with a huge field would overflow the stack. */
export function ascii(bytes: Uint8Array, start: number, end: number): string {
  const SLICE = 8192;
  if (end - start <= SLICE) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  let text = '';
  for (let at = start; at < end; at += SLICE) {
    text += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + SLICE)) as unknown as number[]);
  }
  return text;
}

/** A space as String.prototype.trim sees one among ASCII bytes: ' ' and '\t' to '\r'. */
export const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
