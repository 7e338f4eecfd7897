// The summary: the key figures, requests and outcomes per category, and the change from the
// previous period when the logs hold it. Under disclosure control it prints the figures as the
// tables do, leaves out shares it cannot compute, and has no comparison (the core drops it).
import type { Figure, Report } from '../../core/report.js';
import { CATEGORY_SHORT, OUTCOME_SHORT } from '../labels.js';
import { heading, paragraph } from './blocks.js';
import { drawTable, type TableColumn } from './data-table.js';
import { showsPercents } from './disclosure.js';
import { categorySummaries, changeLines, type ChangeLine } from './figures.js';
import { formatChange, formatCount, formatFigure, formatPercent, formatSpan } from './format.js';
import type { PageFrame } from './page-frame.js';
import { COLOURS, SPACE, STYLES } from './theme.js';

type StructureElement = PDFKit.PDFStructureElement;

export function drawSummary(frame: PageFrame, parent: StructureElement, report: Report, organisation: string): void {
  const section = frame.element(parent, 'Sect');
  heading(frame, section, 'H2', 'Summary', 120);
  drawKeyFigures(frame, section, report);

  const countries = report.rows.length;
  const sentences = [
    `From ${formatSpan(report.period)}, ${organisation} received ${requestsText(report.total.total)} ` +
      `from law enforcement and government authorities in ${formatCount(countries)} ${countries === 1 ? 'country' : 'countries'}.`,
  ];
  if (report.userRequests > 0) {
    sentences.push(
      `Users’ own requests about their data (${formatCount(report.userRequests)}) are reported apart and are not counted in these figures.`,
    );
  }
  paragraph(frame, section, sentences.join(' '));

  // One column per outcome, "count (percent)": it stays readable with all five outcomes. Number
  // columns are as wide as their label or widest figure; the category names get the rest.
  // With bands there is no percentage at all, so no "Share of all" column.
  const lines = categorySummaries(report);
  const percents = showsPercents(report);
  const headers = ['Category', 'Requests', ...(percents ? ['Share of all'] : []), ...report.outcomes.map((outcome) => OUTCOME_SHORT[outcome])];
  const rows = lines.map((line) => ({
    cells: [
      line.category ? CATEGORY_SHORT[line.category] : 'All requests',
      formatFigure(line.requests),
      ...(percents ? [line.shareOfAll === null ? '–' : formatPercent(line.shareOfAll)] : []),
      ...line.outcomes.map((outcome) => (outcome.percent === null ? formatFigure(outcome.count) : `${formatFigure(outcome.count)} (${formatPercent(outcome.percent)})`)),
    ],
    total: line.category === null,
  }));
  const numberWidths = headers.slice(1).map((header, index) =>
    Math.max(frame.widthOf(header, STYLES.tableHead), ...rows.map((row) => frame.widthOf(row.cells[index + 1]!, STYLES.tableTotal))) + 12,
  );
  const spare = Math.max(0, frame.width - numberWidths.reduce((sum, width) => sum + width, 0) - frame.width * 0.3);
  const columns: TableColumn[] = [
    { width: frame.width - numberWidths.reduce((sum, width) => sum + width, 0) - spare, align: 'left' },
    ...numberWidths.map((width): TableColumn => ({ width: width + spare / numberWidths.length, align: 'right' })),
  ];
  drawTable(frame, section, {
    caption: 'Requests and outcomes by category',
    columns,
    header: [headers.map((text) => ({ text }))],
    rows,
    rowHeaders: true,
  });
  frame.y += 4;
  paragraph(frame, section, summaryNote(report), { style: STYLES.note });

  const changes = changeLines(report);
  if (report.comparison && changes.length > 0) {
    frame.y += SPACE.paragraph;
    drawChanges(frame, section, report, changes);
  }
  section.end();
}

/** "160 requests", "< 5 requests", "requests (their number withheld)". */
function requestsText(figure: Figure): string {
  if (figure.count !== null && figure.display === undefined) return `${formatCount(figure.count)} ${figure.count === 1 ? 'request' : 'requests'}`;
  return figure.display === 'withheld' ? 'requests (their number withheld)' : `${formatFigure(figure)} requests`;
}

function summaryNote(report: Report): string {
  const byCountry = report.layout === 'volume' ? '' : ' In the tables by country, percentages are shares of each country’s total requests.';
  if (!report.disclosure) return `In this table, the percentage after each outcome is its share of the category’s requests.${byCountry}`;
  if (!showsPercents(report)) return 'Counts are shown as ranges, as the definitions explain. Outcomes of all requests together are not given (“–”): a sum of ranges is no range of the same width.';
  return (
    'In this table, the percentage after each outcome is its share of the category’s requests, given where none of those counts is withheld.' +
    `${byCountry} A “–” stands for a figure withheld, or one that would give a withheld figure back; the definitions explain.`
  );
}

function drawKeyFigures(frame: PageFrame, parent: StructureElement, report: Report): void {
  const summaries = categorySummaries(report);
  const tiles = [
    { value: formatFigure(report.total.total), label: 'requests from authorities' },
    { value: formatCount(report.rows.length), label: report.rows.length === 1 ? 'country' : 'countries' },
    ...summaries
      .filter((line) => line.category !== null)
      .map((line) => ({ value: formatFigure(line.requests), label: `requests for ${CATEGORY_SHORT[line.category!].toLowerCase()}` })),
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
