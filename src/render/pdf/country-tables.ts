// The report's tables as the publication prints them: one per category, one row per country and a
// TOTAL row, each outcome as a count and a percentage of the country's total requests (both
// categories, all outcomes), so that a country's percentages in the two tables add up to 100.
// Under disclosure control a figure prints as the core says ("< 5", "withheld", "0–249"); with bands
// there are no percentage columns. The volume layout is one table of three counts per country.
import type { Report, ReportRow } from '../../core/report.js';
import type { AuthorityCategory, Outcome } from '../../core/schema.js';
import { percentText } from '../figure-text.js';
import { CATEGORY_TITLES, OUTCOME_TITLES } from '../labels.js';
import type { TableColumn, TableSpec } from './data-table.js';
import { showsPercents } from './disclosure.js';
import { formatFigure } from './format.js';
import type { PageFrame } from './page-frame.js';
import { STYLES, type TextStyle } from './theme.js';

export const COLUMN_LABELS = { country: 'Country', count: 'Requests', countShort: 'No.', percent: '%', total: 'All requests' } as const;

/** The figures of one row in one category: per outcome its count and percentage, then the row's total. */
export function rowFigures(row: ReportRow, category: AuthorityCategory, percents = true): string[] {
  const cells = row.cells.filter((cell) => cell.category === category);
  return [...cells.flatMap((cell) => (percents ? [formatFigure(cell), percentText(cell)] : [formatFigure(cell)])), formatFigure(row.total)];
}

interface Layout {
  countLabel: string;
  columns: TableColumn[];
}

/**
 * Column widths: each number column is as wide as its label and its widest figure, and an outcome's
 * pair of columns as wide as the longest word of its title. The country column takes what its
 * longest name needs (at most a third of the width), then space left over widens it up to 30% and
 * after that the outcome columns. When all five outcomes leave the names too little room, the count
 * columns are labelled "No." instead of "Requests"; a name that still does not fit wraps.
 */
function layoutColumns(frame: PageFrame, report: Report): Layout {
  const padding = 8;
  const widest = (texts: string[], style: TextStyle) => Math.max(...texts.map((text) => frame.widthOf(text, style))) + padding;
  const counts = [report.total, ...report.rows].flatMap((row) => row.cells.map(formatFigure));
  const names = [...report.rows.map((row) => row.name), report.total.name, COLUMN_LABELS.country];
  const nameNeeds = Math.min(widest(names, STYLES.tableTotal), frame.width * 0.45);
  const percentWidth = showsPercents(report) ? widest(['100%'], STYLES.tableTotal) + 2 : 0;
  // Without disclosure control the TOTAL row's total is the widest; with it any row's may be ("withheld").
  const totals = [report.total, ...(report.disclosure ? report.rows : [])].map((row) => formatFigure(row.total));
  const totalWidth = Math.max(widest([COLUMN_LABELS.total], STYLES.tableHead), widest(totals, STYLES.tableTotal)) + 6;
  const titleWords = (outcome: Outcome) => OUTCOME_TITLES[outcome].split(/\s+/);
  const measure = (countLabel: string) => {
    const countWidth = Math.max(widest([countLabel], STYLES.tableHead), widest(counts, STYLES.tableTotal));
    // Extra width an outcome's pair of columns needs so that no word of its title is broken.
    const groupExtra = report.outcomes.map((outcome) => Math.max(0, widest(titleWords(outcome), STYLES.tableHead) - countWidth - percentWidth));
    const numbersWidth = report.outcomes.length * (countWidth + percentWidth) + groupExtra.reduce((sum, extra) => sum + extra, 0) + totalWidth;
    return { countLabel, countWidth, groupExtra, numbersWidth };
  };
  let choice = measure(COLUMN_LABELS.count);
  if (frame.width - choice.numbersWidth < nameNeeds) choice = measure(COLUMN_LABELS.countShort);
  let nameWidth = Math.max(Math.min(nameNeeds, frame.width - choice.numbersWidth), frame.width * 0.12);
  let spare = Math.max(0, frame.width - nameWidth - choice.numbersWidth);
  const toName = Math.min(spare, Math.max(0, frame.width * 0.3 - nameWidth));
  nameWidth += toName;
  spare -= toName;
  const perGroup = spare / report.outcomes.length;
  return {
    countLabel: choice.countLabel,
    columns: [
      { width: nameWidth, align: 'left' },
      ...report.outcomes.flatMap((_, index): TableColumn[] => {
        const extra = choice.groupExtra[index]! + perGroup;
        if (!showsPercents(report)) return [{ width: choice.countWidth + extra, align: 'right' }];
        return [
          { width: choice.countWidth + extra / 2, align: 'right' },
          { width: percentWidth + extra / 2, align: 'right' },
        ];
      }),
      { width: totalWidth, align: 'right' },
    ],
  };
}

/** The label of the count columns, as the tables print it (the definitions name it too). */
export function countLabel(frame: PageFrame, report: Report): string {
  return layoutColumns(frame, report).countLabel;
}

export function countryTableSpec(frame: PageFrame, report: Report, category: AuthorityCategory): TableSpec {
  const { columns, countLabel } = layoutColumns(frame, report);
  const percents = showsPercents(report);
  const span = percents ? 2 : 1;
  return {
    caption: CATEGORY_TITLES[category],
    columns,
    header: [
      [{ text: '' }, ...report.outcomes.map((outcome) => ({ text: OUTCOME_TITLES[outcome], span })), { text: '' }],
      [
        { text: COLUMN_LABELS.country },
        ...report.outcomes.flatMap(() => (percents ? [{ text: countLabel }, { text: COLUMN_LABELS.percent }] : [{ text: countLabel }])),
        { text: COLUMN_LABELS.total },
      ],
    ],
    rows: [
      ...report.rows.map((row) => ({ cells: [row.name, ...rowFigures(row, category, percents)] })),
      { cells: [report.total.name, ...rowFigures(report.total, category, percents)], total: true },
    ],
    rowHeaders: true,
    zebra: true,
  };
}
