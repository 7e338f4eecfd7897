// Long-form CSV: one row per country × category × outcome, then the TOTAL rows. Tidy data that pipes
// into xsv, Miller, DuckDB or a spreadsheet without reshaping.
import type { Report } from '../core/report.js';
import { csvLine } from './csv-cell.js';

export const CSV_COLUMNS = ['period', 'country_code', 'country', 'category', 'outcome', 'count', 'percent'] as const;

export function renderCsv(report: Report): string {
  const lines = [csvLine(CSV_COLUMNS)];
  for (const row of [...report.rows, report.total]) {
    for (const cell of row.cells) {
      lines.push(csvLine([report.period.id, row.code ?? '', row.name, cell.category, cell.outcome, cell.count, cell.percent]));
    }
  }
  // CRLF, as RFC 4180 says; every CSV reader accepts it.
  return `${lines.join('\r\n')}\r\n`;
}
