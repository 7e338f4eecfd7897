// The summary: the key figures, requests and outcomes per category, and the change from the
// previous period when the logs hold it.
import type { Report } from '../../core/report.js';
import { CATEGORY_SHORT, OUTCOME_SHORT } from '../labels.js';
import { heading, paragraph } from './blocks.js';
import { drawTable, type TableColumn } from './data-table.js';
import { categorySummaries, changeLines, type ChangeLine } from './figures.js';
import { formatChange, formatCount, formatPercent, formatSpan } from './format.js';
import type { PageFrame } from './page-frame.js';
import { COLOURS, SPACE, STYLES } from './theme.js';

type StructureElement = PDFKit.PDFStructureElement;

export function drawSummary(frame: PageFrame, parent: StructureElement, report: Report, organisation: string): void {
  const section = frame.element(parent, 'Sect');
  heading(frame, section, 'H2', 'Summary', 120);
  drawKeyFigures(frame, section, report);

  const countries = report.rows.length;
  const requests = report.total.total;
  const sentences = [
    `From ${formatSpan(report.period)}, ${organisation} received ${formatCount(requests)} ${requests === 1 ? 'request' : 'requests'} ` +
      `from law enforcement and government authorities in ${formatCount(countries)} ${countries === 1 ? 'country' : 'countries'}.`,
  ];
  if (report.userRequests > 0) {
    sentences.push(
      `Users’ own requests about their data (${formatCount(report.userRequests)}) are reported apart and are not counted in these figures.`,
    );
  }
  paragraph(frame, section, sentences.join(' '));

  const lines = categorySummaries(report);
  const outcomeColumns = report.outcomes.length * 2;
  const labelWidth = frame.width * 0.3;
  const fixedWidth = 58;
  const rest = (frame.width - labelWidth - 2 * fixedWidth) / outcomeColumns;
  const columns: TableColumn[] = [
    { width: labelWidth, align: 'left' },
    { width: fixedWidth, align: 'right' },
    { width: fixedWidth, align: 'right' },
    ...report.outcomes.flatMap((): TableColumn[] => [
      { width: rest * 1.15, align: 'right' },
      { width: rest * 0.85, align: 'right' },
    ]),
  ];
  drawTable(frame, section, {
    caption: 'Requests and outcomes by category',
    columns,
    header: [
      [{ text: '' }, { text: '' }, { text: '' }, ...report.outcomes.map((outcome) => ({ text: OUTCOME_SHORT[outcome], span: 2 }))],
      [{ text: 'Category' }, { text: 'Requests' }, { text: 'Share of all' }, ...report.outcomes.flatMap(() => [{ text: 'Requests' }, { text: '% of category' }])],
    ],
    rows: lines.map((line) => ({
      cells: [
        line.category ? CATEGORY_SHORT[line.category] : 'All requests',
        formatCount(line.requests),
        formatPercent(line.shareOfAll),
        ...line.outcomes.flatMap((outcome) => [formatCount(outcome.count), formatPercent(outcome.percent)]),
      ],
      total: line.category === null,
    })),
    rowHeaders: true,
  });
  frame.y += 4;
  paragraph(
    frame,
    section,
    'In this table, the percentage of an outcome is its share of the category’s requests. In the tables by country, percentages are shares of each country’s total requests.',
    { style: STYLES.note },
  );

  const changes = changeLines(report);
  if (report.comparison && changes.length > 0) {
    frame.y += SPACE.paragraph;
    drawChanges(frame, section, report, changes);
  }
  section.end();
}

function drawKeyFigures(frame: PageFrame, parent: StructureElement, report: Report): void {
  const summaries = categorySummaries(report);
  const tiles = [
    { value: formatCount(report.total.total), label: 'requests from authorities' },
    { value: formatCount(report.rows.length), label: report.rows.length === 1 ? 'country' : 'countries' },
    ...summaries
      .filter((line) => line.category !== null)
      .map((line) => ({ value: formatCount(line.requests), label: `requests for ${CATEGORY_SHORT[line.category!].toLowerCase()}` })),
  ];
  const gap = 14;
  const width = (frame.width - gap * (tiles.length - 1)) / tiles.length;
  const valueHeight = frame.lineHeight(STYLES.figure);
  const height = 8 + valueHeight + Math.max(...tiles.map((tile) => frame.heightOf(tile.label, STYLES.figureLabel, width))) + 4;
  frame.ensure(height);
  const top = frame.y;
  tiles.forEach((tile, index) => {
    const x = frame.left + index * (width + gap);
    frame.artifact(() => frame.rule(x, x + width, top, 1.6, COLOURS.accent));
    frame.leaf(parent, 'P', () => {
      frame.text(tile.value, x, top + 7, STYLES.figure);
      frame.text(tile.label, x, top + 7 + valueHeight, STYLES.figureLabel, { width });
    });
  });
  frame.y = top + height + SPACE.paragraph + 4;
}

function drawChanges(frame: PageFrame, parent: StructureElement, report: Report, changes: ChangeLine[]): void {
  const comparison = report.comparison!;
  const subject = (line: ChangeLine) =>
    line.subject === 'total' ? 'All requests' : line.subject === 'countries' ? 'Countries' : CATEGORY_SHORT[line.subject];
  const number = (frame.width * 0.52) / 4;
  drawTable(frame, parent, {
    caption: `Change from ${comparison.period.label}`,
    columns: [
      { width: frame.width * 0.48, align: 'left' },
      { width: number, align: 'right' },
      { width: number, align: 'right' },
      { width: number, align: 'right' },
      { width: number, align: 'right' },
    ],
    header: [[{ text: 'Requests' }, { text: comparison.period.label }, { text: report.period.label }, { text: 'Change' }, { text: 'Change (%)' }]],
    rows: changes.filter((line) => line.subject !== 'countries').map((line) => ({
      cells: [
        subject(line),
        formatCount(line.previous),
        formatCount(line.current),
        formatChange(line.change),
        line.relative === null ? 'new' : `${formatChange(line.relative)}%`,
      ],
      total: line.subject === 'total',
    })),
    rowHeaders: true,
  });
  const countries = changes.find((line) => line.subject === 'countries');
  if (countries) {
    frame.y += 4;
    paragraph(
      frame,
      parent,
      `Requests came from ${formatCount(countries.current)} ${countries.current === 1 ? 'country' : 'countries'} in ${report.period.label}, ` +
        `and from ${formatCount(countries.previous)} in ${comparison.period.label}. A change in percent is relative to ${comparison.period.label}.`,
      { style: STYLES.note },
    );
  }
}
