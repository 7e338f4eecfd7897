// One CSV cell, RFC 4180, and safe to open in a spreadsheet: text that starts with = + - @, a tab or
// a carriage return would be run as a formula, so it gets a leading apostrophe (OWASP's advice).

export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers are written as they are: a negative change is data, not a formula. */
export function csvLine(cells: ReadonlyArray<string | number>): string {
  return cells.map((cell) => (typeof cell === 'number' ? String(cell) : csvText(cell))).join(',');
}
