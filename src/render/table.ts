// The report on the terminal: the authority table laid out like the published one (by outcome, or
// the volume layout), then the users' section and a summary of response times and user notice.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Report, ReportRow } from '../core/report.js';
import type { UsersSection } from '../core/users-section.js';
import { CATEGORY_SHORT, OUTCOME_SHORT, REPORT_TITLE, USER_CATEGORY_SHORT } from './labels.js';
import type { ReportSection } from './sections.js';
import { dropBodyRules, TABLE_STYLE } from './table-style.js';
import { countText } from './figure-text.js';

export interface TableOptions {
  chalk: ChalkInstance;
  section: ReportSection;
  /** The terminal's width, when the table goes to one: a wider table is split per category. */
  width?: number;
}

/** "35 (38%)", with the count padded so that counts and percents each line up down the column. */
function rowCells(row: ReportRow, countWidth: number): string[] {
  return row.cells.map((cell) => {
    const percent = cell.percent === null ? '' : `(${cell.percent}%)`;
    return `${countText(cell).padStart(countWidth)} ${percent.padStart(6)}`.trimEnd();
  });
}


export function describeLedger(report: Pick<Report, 'ledger' | 'period' | 'userRequests'>): string {
  const { ledger } = report;
  if (!ledger) return 'Row counts are not shown under disclosure control (they are on standard error).';
  const parts = [`${ledger.read} rows read`, `${ledger.counted - report.userRequests} authority requests counted`];
  if (report.userRequests > 0) parts.push(`${report.userRequests} user requests counted (reported apart)`);
  parts.push(`${ledger.invalid} invalid`, `${ledger.duplicate} duplicate`, `${ledger.outsidePeriod} outside ${report.period.label}`);
  return parts.join(' · ');
}

/** The outcome table for some categories: all of them side by side, or one alone when space is short. */
function outcomesTable(report: Report, chalk: ChalkInstance, categories: Report['categories'] = report.categories): string {
  const { outcomes, total } = report;
  const shown = (row: ReportRow) => ({ ...row, cells: row.cells.filter((cell) => categories.includes(cell.category)) });
  const table = new Table({
    style: TABLE_STYLE,
    colAligns: ['left', ...categories.flatMap(() => outcomes.map(() => 'right' as const)), 'right'],
  });
  table.push(
    [
      { content: '', rowSpan: 2 },
      ...categories.map((category) => ({
        content: chalk.bold(CATEGORY_SHORT[category]),
        colSpan: outcomes.length,
        hAlign: 'center' as const,
      })),
      { content: chalk.bold('Total'), rowSpan: 2, vAlign: 'bottom' as const },
    ],
    categories.flatMap(() => outcomes.map((outcome) => ({ content: chalk.bold(OUTCOME_SHORT[outcome]), hAlign: 'right' as const }))),
  );
  const countWidth = Math.max(0, ...[...report.rows, total].flatMap((row) => row.cells.map((cell) => countText(cell).length)));
  // The Total column is always the row's total across both categories: the base of the percentages.
  for (const row of report.rows) table.push([row.name, ...rowCells(shown(row), countWidth), countText(row.total)]);
  table.push([chalk.bold('TOTAL'), ...rowCells(shown(total), countWidth).map((text) => chalk.bold(text)), chalk.bold(countText(total.total))]);
  return dropBodyRules(table.toString());
}

/** Both categories side by side when the terminal is wide enough, else one table per category. */
function fittedOutcomesTable(report: Report, chalk: ChalkInstance, width: number | undefined): string {
  const whole = outcomesTable(report, chalk);
  const widest = Math.max(...whole.split('\n').map((line) => stripAnsi(line).length));
  if (width === undefined || widest <= width) return whole;
  return report.categories.map((category) => outcomesTable(report, chalk, [category])).join('\n');
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function volumeTable(report: Report, chalk: ChalkInstance): string {
  const table = new Table({ style: TABLE_STYLE, colAligns: ['left', 'right', 'right', 'right'] });
  table.push(['', 'Total requests', 'of which user data', 'of which technical'].map((text) => chalk.bold(text)));
  const cells = (row: ReportRow) => [countText(row.total), countText(row.categories['user-data']), countText(row.categories['technical-expertise'])];
  for (const row of report.rows) table.push([row.name, ...cells(row)]);
  table.push(['TOTAL', ...cells(report.total)].map((text) => chalk.bold(text)));
  return dropBodyRules(table.toString());
}

function authoritySection(report: Report, chalk: ChalkInstance, width: number | undefined): string {
  const title = `${chalk.bold(REPORT_TITLE)} · ${chalk.bold(report.period.label)} (${report.period.start} – ${report.period.end})`;
  const countries = `${report.rows.length} ${report.rows.length === 1 ? 'country' : 'countries'}`;
  const notes =
    report.layout === 'volume' || report.disclosure?.method === 'bands'
      ? [`${countText(report.total.total)} requests from ${countries}.`]
      : [`${countText(report.total.total)} requests from ${countries}. Percentages are shares of the country's total requests (both categories, all outcomes).`];
  if (report.disclosure) notes.push(describeDisclosure(report.disclosure));
  notes.push(describeLedger(report));
  const table = report.layout === 'volume' ? volumeTable(report, chalk) : fittedOutcomesTable(report, chalk, width);
  return `${title}\n${table}\n${notes.map((note) => chalk.dim(note)).join('\n')}\n`;
}

export function describeDisclosure(disclosure: NonNullable<Report['disclosure']>): string {
  return disclosure.method === 'bands'
    ? `Counts are shown in bands of ${disclosure.width}, without percentages.`
    : `Counts from 1 to ${disclosure.threshold - 1} are shown as "< ${disclosure.threshold}"; further cells are withheld so that none can be computed back from the totals.`;
}

function days(value: number | null): string {
  return value === null ? '–' : String(value);
}

function usersTable(users: UsersSection, chalk: ChalkInstance): string {
  const table = new Table({ style: TABLE_STYLE, colAligns: ['left', 'right', 'right', 'right', 'right', 'right'] });
  table.push(['', 'Received', 'Fulfilled', 'Rejected', 'Pending', 'Median days'].map((text) => chalk.bold(text)));
  for (const row of users.rows) {
    table.push([USER_CATEGORY_SHORT[row.category], row.received, row.fulfilled, row.rejected, row.pending, days(row.medianDays)].map(String));
  }
  const { total } = users;
  table.push(['TOTAL', total.received, total.fulfilled, total.rejected, total.pending, days(total.medianDays)].map((text) => chalk.bold(String(text))));
  const reasons = Object.entries(total.rejectedBy)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason}`);
  const lines = [dropBodyRules(table.toString())];
  if (reasons.length > 0) lines.push(chalk.dim(`Rejected: ${reasons.join(', ')}.`));
  for (const country of users.byCountry ?? []) {
    const received = country.rows.reduce((sum, row) => sum + row.received, 0);
    const parts = country.rows.filter((row) => row.received > 0).map((row) => `${row.received} ${USER_CATEGORY_SHORT[row.category].toLowerCase()}`);
    lines.push(`  ${country.name}: ${received} (${parts.join(', ')})`);
  }
  return `${chalk.bold("Users' requests")} (the organisation's own users exercising their privacy rights)\n${lines.join('\n')}\n`;
}

function daysText(value: number | null): string {
  return value === null ? '–' : `${value} ${value === 1 ? 'day' : 'days'}`;
}

function timingSummary(report: Report, chalk: ChalkInstance): string {
  const lines = report.responseTimes
    .filter((time) => time.medianDays !== null)
    .map((time) => {
      const label = time.requester === 'authorities' ? CATEGORY_SHORT[time.category as keyof typeof CATEGORY_SHORT] : `Users: ${USER_CATEGORY_SHORT[time.category as keyof typeof USER_CATEGORY_SHORT]}`;
      // Under disclosure control the authorities' decided counts are withheld (null).
      const decided = time.decided === null ? '' : `${time.decided} decided, `;
      return `  ${label}: ${decided}median ${daysText(time.medianDays)}, 90th percentile ${daysText(time.p90Days)}`;
    });
  if (lines.length === 0) lines.push('  No request was decided in this period.');
  return `${chalk.bold('Response times')} (from received to decided)\n${lines.join('\n')}\n`;
}

function noticeSummary(report: Report, chalk: ChalkInstance): string {
  const line = report.notices
    ? `${report.notices.notified} notified, ${report.notices.notNotified} not notified, ${report.notices.notPermitted} not permitted by law, ${report.notices.notRecorded} not recorded`
    : 'not shown under disclosure control';
  return `${chalk.bold('User notice')} (authorities' requests for user data): ${line}\n`;
}

export function renderTable(report: Report, { chalk, section, width }: TableOptions): string {
  const parts: string[] = [];
  if (section === 'all' || section === 'authorities') parts.push(authoritySection(report, chalk, width));
  if ((section === 'all' && report.userRequests > 0) || section === 'users') parts.push(usersTable(report.users, chalk));
  if (section === 'all' || section === 'timing') parts.push(timingSummary(report, chalk));
  if (section === 'all' || section === 'notices') parts.push(noticeSummary(report, chalk));
  return parts.join('\n');
}
