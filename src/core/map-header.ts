// A log's header row → the index of each column: matched by its spellings (and the config's aliases),
// with a problem for a column named twice, a required column missing (and which cell may hold it), or
// a header that is one cell because the file is not comma-separated.
import type { Problem } from './problem.js';
import { REQUIRED_COLUMNS, type Column } from './schema.js';
import type { ColumnIndex } from './validate-row.js';
import { matchColumn } from './vocabulary.js';

export interface MappedHeader {
  columns: ColumnIndex;
  /** Header cells no column matched, trimmed, in order (blank ones left out). */
  ignored: string[];
  /** When any, the file's rows cannot be read. */
  problems: Problem[];
}

export function mapHeader(cells: readonly string[], aliases: ReadonlyMap<string, Column> | undefined, file: string, line: number): MappedHeader {
  const columns: ColumnIndex = {};
  const ignored: string[] = [];
  const problems: Problem[] = [];
  const separator = otherSeparator(cells);
  if (separator) {
    // One header cell holding the column names: the file is not comma-separated.
    problems.push({
      severity: 'error', code: 'missing-column', file, line,
      message: `the header is one column, "${cells[0]!.trim().slice(0, 60)}": the file looks separated by ${separator}, not commas; save it as comma-separated CSV (UTF-8)`,
    });
    return { columns, ignored, problems };
  }
  const seen = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const column = matchColumn(cell, aliases);
    if (!column) {
      if (cell.trim()) ignored.push(cell.trim());
      return;
    }
    const first = seen.get(column);
    if (first !== undefined) {
      problems.push({
        severity: 'error', code: 'duplicate-column', file, line, column,
        message: `header cells ${first + 1} ("${cells[first]}") and ${index + 1} ("${cell}") both name column ${column}; keep one`,
      });
      return;
    }
    seen.set(column, index);
    columns[column] = index;
  });
  for (const column of REQUIRED_COLUMNS) {
    if (columns[column] === undefined) {
      const candidate = cells.find((cell) => !matchColumn(cell, aliases) && LOOKS_LIKE[column]?.test(cell));
      const hint = candidate ? `; if "${candidate.trim()}" holds it, map it in the config: "columns": { "${candidate.trim()}": "${column}" }` : '';
      problems.push({
        severity: 'error', code: 'missing-column', file, line, column,
        message: `required column "${column}" is missing; the header has: ${cells.map((c) => c.trim()).join(', ')}${hint}`,
      });
    }
  }
  return { columns, ignored, problems };
}

/** Header names a case-system export may use for a required column, to suggest a mapping. */
const LOOKS_LIKE: Partial<Record<Column, RegExp>> = {
  id: /\b(id|number|no|ref|reference|case)\b/i,
  received: /receiv|date|opened|submitted/i,
  country: /country|nation|jurisdiction/i,
  outcome: /outcome|status|result|decision|disposition/i,
};

/** "semicolons" or "tabs" when a one-cell header is really several columns joined by another separator. */
function otherSeparator(cells: readonly string[]): string | undefined {
  if (cells.length !== 1) return undefined;
  const header = cells[0]!;
  if (header.split(';').length > 2) return 'semicolons';
  if (header.split('\t').length > 2) return 'tabs';
  if (header.split('|').length > 2) return 'vertical bars';
  return undefined;
}
