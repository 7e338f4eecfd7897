// The list of periods present in the logs as table, CSV and JSON.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { PeriodCount } from '../core/periods-list.js';
import { csvLine } from './csv-cell.js';
import { dropBodyRules, TABLE_STYLE } from './table-style.js';

export function renderPeriodsTable(periods: readonly PeriodCount[], chalk: ChalkInstance): string {
  const table = new Table({
    style: TABLE_STYLE,
    colAligns: ['left', 'left', 'left', 'right', 'right'],
  });
  table.push(['Period', 'Heading', 'Days', 'Authority requests', 'User requests'].map((text) => chalk.bold(text)));
  for (const period of periods) {
    table.push([period.period, period.label, `${period.start} – ${period.end}`, String(period.authorityRequests), String(period.userRequests)]);
  }
  return `${dropBodyRules(table.toString(), false)}\n`;
}

export function renderPeriodsCsv(periods: readonly PeriodCount[]): string {
  const lines = [csvLine(['period', 'label', 'start', 'end', 'authority_requests', 'user_requests'])];
  for (const period of periods) {
    lines.push(csvLine([period.period, period.label, period.start, period.end, period.authorityRequests, period.userRequests]));
  }
  return `${lines.join('\r\n')}\r\n`;
}
