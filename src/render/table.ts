// The report as a terminal table, laid out like the published one: per category, per outcome, the
// count and the share of the country's requests.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Ledger } from '../core/intake.js';
import type { Report, ReportRow } from '../core/report.js';
import { CATEGORY_SHORT, OUTCOME_SHORT, REPORT_TITLE } from './labels.js';

export interface TableOptions {
  chalk: ChalkInstance;
}

/** "35 (38%)", with the count padded so that counts and percents each line up down the column. */
function rowCells(row: ReportRow, countWidth: number): string[] {
  return row.cells.map((cell) => `${String(cell.count).padStart(countWidth)} ${`(${cell.percent}%)`.padStart(6)}`);
}

export function describeLedger(ledger: Ledger, report: Pick<Report, 'period' | 'userRequests'>): string {
  const parts = [
    `${ledger.read} rows read`,
    `${ledger.counted - report.userRequests} authority requests counted`,
  ];
  if (report.userRequests > 0) parts.push(`${report.userRequests} user requests counted (reported apart)`);
  parts.push(`${ledger.invalid} invalid`, `${ledger.duplicate} duplicate`, `${ledger.outsidePeriod} outside ${report.period.label}`);
  return parts.join(' · ');
}

/**
 * cli-table3 draws a rule under every row; a report reads better with rules only under the header
 * and above the TOTAL row, so the rules in between are dropped.
 */
function dropBodyRules(text: string): string {
  const lines = text.split('\n');
  const rules = lines.flatMap((line, index) => (line.startsWith('├') ? [index] : []));
  const keep = new Set([rules[0], rules[rules.length - 1]]);
  return lines.filter((line, index) => !line.startsWith('├') || keep.has(index)).join('\n');
}

export function renderTable(report: Report, { chalk }: TableOptions): string {
  const outcomes = report.outcomes;
  const table = new Table({
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    colAligns: ['left', ...report.categories.flatMap(() => outcomes.map(() => 'right' as const)), 'right'],
  });
  table.push(
    [
      { content: '', rowSpan: 2 },
      ...report.categories.map((category) => ({
        content: chalk.bold(CATEGORY_SHORT[category]),
        colSpan: outcomes.length,
        hAlign: 'center' as const,
      })),
      { content: chalk.bold('Total'), rowSpan: 2, vAlign: 'bottom' as const },
    ],
    report.categories.flatMap(() => outcomes.map((outcome) => ({ content: chalk.bold(OUTCOME_SHORT[outcome]), hAlign: 'right' as const }))),
  );
  const total = report.total;
  const countWidth = String(Math.max(0, ...total.cells.map((cell) => cell.count))).length;
  for (const row of report.rows) table.push([row.name, ...rowCells(row, countWidth), String(row.total)]);
  table.push([chalk.bold('TOTAL'), ...rowCells(total, countWidth).map((text) => chalk.bold(text)), chalk.bold(String(total.total))]);

  const title = `${chalk.bold(REPORT_TITLE)} · ${chalk.bold(report.period.label)} (${report.period.start} – ${report.period.end})`;
  const countries = `${report.rows.length} ${report.rows.length === 1 ? 'country' : 'countries'}`;
  const notes = [
    `${total.total} requests from ${countries}. Percentages are shares of the country's total requests (both categories, all outcomes).`,
    describeLedger(report.ledger, report),
  ];
  return `${title}\n${dropBodyRules(table.toString())}\n${notes.map((note) => chalk.dim(note)).join('\n')}\n`;
}
