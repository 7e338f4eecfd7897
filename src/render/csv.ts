// CSV, one table per output: long form where the data is counts (one row per country × category ×
// outcome, then the TOTAL rows), one row per category where it is statistics. Tidy data that pipes
// into xsv, Miller, DuckDB or a spreadsheet without reshaping.
import type { Figure, Report } from '../core/report.js';
import { csvLine } from './csv-cell.js';
import type { ReportSection } from './sections.js';

export const CSV_COLUMNS = ['period', 'country_code', 'country', 'category', 'outcome', 'count', 'percent'] as const;
export const VOLUME_CSV_COLUMNS = ['period', 'country_code', 'country', 'category', 'count', 'percent'] as const;

// CRLF, as RFC 4180 says; every CSV reader accepts it.
function document(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

/** count and percent; a withheld count is what the report prints instead ("< 5", "0–249"), its percent empty. */
function figureCells(figure: Figure): [string | number, string | number] {
  return [figure.count ?? figure.display ?? '', figure.percent ?? ''];
}

function authorityCsv(report: Report): string {
  const lines: string[] = [];
  const rows = [...report.rows, report.total];
  if (report.layout === 'volume') {
    lines.push(csvLine(VOLUME_CSV_COLUMNS));
    for (const row of rows) {
      for (const category of report.categories) {
        const figure = row.categories[category];
        lines.push(csvLine([report.period.id, row.code ?? '', row.name, category, ...figureCells(figure)]));
      }
    }
    return document(lines);
  }
  lines.push(csvLine(CSV_COLUMNS));
  for (const row of rows) {
    for (const cell of row.cells) {
      lines.push(csvLine([report.period.id, row.code ?? '', row.name, cell.category, cell.outcome, ...figureCells(cell)]));
    }
  }
  return document(lines);
}

function usersCsv(report: Report): string {
  const reasons = Object.keys(report.users.total.rejectedBy);
  const header = ['period', 'country_code', 'country', 'category', 'received', 'fulfilled', 'rejected', ...reasons.map((reason) => `rejected_${reason.replace(/-/g, '_')}`), 'pending', 'median_days'];
  const lines = [csvLine(header)];
  const add = (code: string, name: string, rows: Report['users']['rows']) => {
    for (const row of rows) {
      lines.push(
        csvLine([report.period.id, code, name, row.category, row.received, row.fulfilled, row.rejected, ...reasons.map((reason) => row.rejectedBy[reason as keyof typeof row.rejectedBy]), row.pending, row.medianDays ?? '']),
      );
    }
  };
  for (const country of report.users.byCountry ?? []) add(country.code, country.name, country.rows);
  add('', 'ALL', report.users.rows);
  return document(lines);
}

function timingCsv(report: Report): string {
  const lines = [csvLine(['period', 'requester', 'category', 'decided', 'median_days', 'p90_days'])];
  for (const time of report.responseTimes) {
    lines.push(csvLine([report.period.id, time.requester, time.category, time.decided ?? '', time.medianDays ?? '', time.p90Days ?? '']));
  }
  return document(lines);
}

function noticesCsv(report: Report): string {
  const lines = [csvLine(['period', 'user_notified', 'count'])];
  // Withheld under disclosure control: the header alone says there is nothing to publish.
  if (!report.notices) return document(lines);
  const { notified, notNotified, notPermitted, notRecorded } = report.notices;
  for (const [notice, count] of [['yes', notified], ['no', notNotified], ['not-permitted', notPermitted], ['not-recorded', notRecorded]] as const) {
    lines.push(csvLine([report.period.id, notice, count]));
  }
  return document(lines);
}

export function renderCsv(report: Report, section: ReportSection = 'authorities'): string {
  switch (section) {
    case 'all':
    case 'authorities':
      return authorityCsv(report);
    case 'users':
      return usersCsv(report);
    case 'timing':
      return timingCsv(report);
    case 'notices':
      return noticesCsv(report);
  }
}
