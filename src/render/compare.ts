// The comparison of two periods as table, CSV and JSON.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { CompareReport, CompareRow } from '../core/compare.js';
import { csvLine } from './csv-cell.js';
import { CATEGORY_SHORT } from './labels.js';
import { dropBodyRules, TABLE_STYLE } from './table-style.js';

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function relative(row: CompareRow): string {
  if (row.changePercent === null) return row.current === 0 ? '–' : 'new';
  return `${signed(row.changePercent)}%`;
}

function categoryLabel(category: CompareRow['category']): string {
  return category === 'all' ? 'All requests' : CATEGORY_SHORT[category];
}

export function renderCompareTable(report: CompareReport, chalk: ChalkInstance): string {
  const groups = ['technical-expertise', 'user-data', 'all'] as const;
  const table = new Table({ style: TABLE_STYLE, colAligns: ['left', ...groups.flatMap(() => ['right', 'right', 'right'] as const)] });
  table.push(
    [
      { content: chalk.bold('Country'), rowSpan: 2, vAlign: 'bottom' as const },
      ...groups.map((group) => ({ content: chalk.bold(categoryLabel(group)), colSpan: 3, hAlign: 'center' as const })),
    ],
    groups.flatMap(() => [report.period.label, report.with.label, 'Change']).map((text) => chalk.bold(text)),
  );
  const byCountry = new Map<string, CompareRow[]>();
  for (const row of [...report.rows, ...report.total]) byCountry.set(row.name, [...(byCountry.get(row.name) ?? []), row]);
  for (const [name, rows] of byCountry) {
    const status = rows[0]!.status;
    const label = status === 'new' ? `${name} ${chalk.green('(new)')}` : status === 'gone' ? `${name} ${chalk.red('(gone)')}` : name;
    const cells = groups.flatMap((group) => {
      const row = rows.find((candidate) => candidate.category === group)!;
      return [String(row.current), String(row.previous), `${signed(row.change)} ${relative(row).padStart(7)}`];
    });
    table.push(rows[0]!.code === null ? [name, ...cells].map((text) => chalk.bold(text)) : [label, ...cells]);
  }
  const notes = [
    `New in ${report.period.label}: ${report.countriesNew.join(', ') || 'none'}.`,
    `Gone since ${report.with.label}: ${report.countriesGone.join(', ') || 'none'}.`,
  ];
  const title = `${report.period.label} compared with ${report.with.label}: requests per country and category`;
  return `${chalk.bold(title)}\n${dropBodyRules(table.toString())}\n${notes.map((note) => chalk.dim(note)).join('\n')}\n`;
}

export function renderCompareCsv(report: CompareReport): string {
  const lines = [csvLine(['period', 'with', 'country_code', 'country', 'category', 'count', 'count_with', 'change', 'change_percent', 'status'])];
  for (const row of [...report.rows, ...report.total]) {
    lines.push(
      csvLine([report.period.id, report.with.id, row.code ?? '', row.name, row.category, row.current, row.previous, row.change, row.changePercent ?? '', row.status]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
