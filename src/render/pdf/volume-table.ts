// The volume layout (as the H1 2021 publication prints it): one table, per country its total
// requests and, of them, those for user data and those for technical information and expertise.
import type { Report, ReportRow } from '../../core/report.js';
import type { TableColumn, TableSpec } from './data-table.js';
import { formatFigure } from './format.js';
import type { PageFrame } from './page-frame.js';
import { STYLES } from './theme.js';

export const VOLUME_LABELS = {
  total: 'Total requests',
  userData: 'of which user data',
  technical: 'of which technical',
} as const;

/** The row's three figures, in the publication's order: total, user data, technical. */
export function volumeFigures(row: ReportRow): string[] {
  return [row.total, row.categories['user-data'], row.categories['technical-expertise']].map(formatFigure);
}

export function volumeTableSpec(frame: PageFrame, report: Report): TableSpec {
  const labels = [VOLUME_LABELS.total, VOLUME_LABELS.userData, VOLUME_LABELS.technical];
  const rows = [
    ...report.rows.map((row) => ({ cells: [row.name, ...volumeFigures(row)] })),
    { cells: [report.total.name, ...volumeFigures(report.total)], total: true },
  ];
  // Each number column as wide as its label or widest figure; the names take what is left, but no
  // more than they need plus a little, so that the figures stay near the names they belong to.
  const numbers = labels.map((label, index) =>
    Math.max(frame.widthOf(label, STYLES.tableHead), ...rows.map((row) => frame.widthOf(row.cells[index + 1]!, STYLES.tableTotal))) + 24,
  );
  const numbersWidth = numbers.reduce((sum, width) => sum + width, 0);
  const nameNeeds = Math.max(...rows.map((row) => frame.widthOf(row.cells[0]!, STYLES.tableTotal))) + 8;
  const nameWidth = Math.min(frame.width - numbersWidth, Math.max(nameNeeds, frame.width * 0.4));
  const spare = (frame.width - numbersWidth - nameWidth) / numbers.length;
  const columns: TableColumn[] = [
    { width: nameWidth, align: 'left' },
    ...numbers.map((width): TableColumn => ({ width: width + spare, align: 'right' })),
  ];
  return {
    caption: `Requests from authorities by country, ${report.period.label}`,
    columns,
    header: [['Country', ...labels].map((text) => ({ text }))],
    rows,
    rowHeaders: true,
    zebra: true,
  };
}
