// The report's tables as the publication prints them: one per category, one row per country and a
// TOTAL row, each outcome as a count and a percentage of the country's total requests (both
// categories, all outcomes), so that a country's percentages in the two tables add up to 100.
import type { Report, ReportRow } from '../../core/report.js';
import type { AuthorityCategory } from '../../core/schema.js';
import { CATEGORY_TITLES, OUTCOME_TITLES } from '../labels.js';
import type { TableColumn, TableSpec } from './data-table.js';
import { formatCount, formatPercent } from './format.js';
import type { PageFrame } from './page-frame.js';
import { STYLES } from './theme.js';

export const COLUMN_LABELS = { country: 'Country', count: 'Requests', percent: '%', total: 'All requests' } as const;

/** The figures of one row in one category: per outcome its count and percentage, then the row's total. */
export function rowFigures(report: Report, row: ReportRow, category: AuthorityCategory): string[] {
  const cells = row.cells.filter((cell) => cell.category === category);
  return [...cells.flatMap((cell) => [formatCount(cell.count), formatPercent(cell.percent)]), formatCount(row.total)];
}

export function countryTableSpec(frame: PageFrame, report: Report, category: AuthorityCategory): TableSpec {
  const padding = 8;
  const names = [...report.rows.map((row) => row.name), report.total.name, COLUMN_LABELS.country];
  const longest = Math.max(...names.map((name) => frame.widthOf(name, STYLES.tableTotal)));
  // The country column takes what its longest name needs, within a quarter to a third of the width;
  // longer names wrap onto a second line.
  const nameWidth = Math.min(Math.max(longest + padding, frame.width * 0.3), frame.width * 0.36);
  const totalWidth = Math.max(frame.widthOf(COLUMN_LABELS.total, STYLES.tableHead), frame.widthOf(formatCount(report.total.total), STYLES.tableTotal)) + padding + 6;
  const groupWidth = (frame.width - nameWidth - totalWidth) / report.outcomes.length;
  const percentWidth = Math.max(frame.widthOf('100%', STYLES.tableTotal) + padding + 4, groupWidth * 0.5);
  const columns: TableColumn[] = [
    { width: nameWidth, align: 'left' },
    ...report.outcomes.flatMap((): TableColumn[] => [
      { width: groupWidth - percentWidth, align: 'right' },
      { width: percentWidth, align: 'right' },
    ]),
    { width: totalWidth, align: 'right' },
  ];
  return {
    caption: CATEGORY_TITLES[category],
    columns,
    header: [
      [{ text: '' }, ...report.outcomes.map((outcome) => ({ text: OUTCOME_TITLES[outcome], span: 2 })), { text: '' }],
      [
        { text: COLUMN_LABELS.country },
        ...report.outcomes.flatMap(() => [{ text: COLUMN_LABELS.count }, { text: COLUMN_LABELS.percent }]),
        { text: COLUMN_LABELS.total },
      ],
    ],
    rows: [
      ...report.rows.map((row) => ({ cells: [row.name, ...rowFigures(report, row, category)] })),
      { cells: [report.total.name, ...rowFigures(report, report.total, category)], total: true },
    ],
    rowHeaders: true,
    zebra: true,
  };
}
