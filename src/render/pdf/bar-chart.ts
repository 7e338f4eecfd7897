// Requests per country as a horizontal stacked bar chart, drawn with pdfkit's vector graphics.
// Horizontal bars leave room for long country names; the category sets the hue of a segment and
// the outcome its shade (in the volume layout, which has no outcomes, the category alone). With
// many countries the chart continues on the next page with its own legend and axis, the bars never
// thinner than a readable minimum. It is drawn from exact counts only: never under disclosure control.
import { compareNames } from '../../core/country.js';
import type { Report, ReportRow } from '../../core/report.js';
import { CATEGORY_SHORT, OUTCOME_SHORT } from '../labels.js';
import { exactCount } from './figures.js';
import { formatCount } from './format.js';
import type { PageFrame } from './page-frame.js';
import { COLOURS, segmentColour, STYLES } from './theme.js';

type StructureElement = PDFKit.PDFStructureElement;

const MAX_PITCH = 18;
const MIN_PITCH = 12;
/** Countries that must fit below the legend before a chart starts on the current page. */
const MIN_ROWS = 6;
const LEGEND_LINE = 13;
const AXIS_HEIGHT = 30;

/** A step of 1, 2 or 5 × 10ⁿ that gives about five ticks up to `max`. */
export function tickStep(max: number): number {
  const rough = Math.max(max, 1) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  return Math.max(1, step);
}

/** Countries by total requests, largest first; ties in alphabetical order. */
export function chartOrder(rows: readonly ReportRow[]): ReportRow[] {
  return [...rows].sort((a, b) => exactCount(b.total) - exactCount(a.total) || compareNames(a.name, b.name));
}

interface Swatch {
  colour: string;
  label: string;
}

/** Legend lines: per category its outcomes' shades, or (volume layout) one line of the categories. */
function legendOf(report: Report): { title: string; swatches: Swatch[] }[] {
  if (report.layout === 'volume') {
    return [{ title: 'Requests', swatches: report.categories.map((category) => ({ colour: segmentColour(category, 'approved'), label: CATEGORY_SHORT[category] })) }];
  }
  return report.categories.map((category) => ({
    title: CATEGORY_SHORT[category],
    swatches: report.outcomes.map((outcome) => ({ colour: segmentColour(category, outcome), label: OUTCOME_SHORT[outcome] })),
  }));
}

/** A bar's segments, left to right, in the legend's colours. */
function segmentsOf(report: Report, row: ReportRow): { count: number; colour: string }[] {
  if (report.layout === 'volume') {
    return report.categories.map((category) => ({ count: exactCount(row.categories[category]), colour: segmentColour(category, 'approved') }));
  }
  return row.cells.map((cell) => ({ count: exactCount(cell), colour: segmentColour(cell.category, cell.outcome) }));
}

function legendHeightOf(report: Report): number {
  return legendOf(report).length * LEGEND_LINE + 18;
}

/**
 * The height that must be free for the chart to start, to keep a heading of `reserved` points with
 * it; pass the same `reserved` to drawBarChart.
 */
export function chartStartHeight(frame: PageFrame, report: Report, reserved = 0): number {
  const fixed = legendHeightOf(report) + AXIS_HEIGHT;
  const whole = fixed + report.rows.length * MIN_PITCH;
  return whole + reserved <= frame.pageHeight ? whole : fixed + Math.min(MIN_ROWS, report.rows.length) * MIN_PITCH;
}

export function drawBarChart(frame: PageFrame, parent: StructureElement, report: Report, title: string, reserved = 0): void {
  const rows = chartOrder(report.rows);
  if (rows.length === 0) return;
  const legend = legendOf(report);
  const legendHeight = legendHeightOf(report);
  const fixed = legendHeight + AXIS_HEIGHT;

  const maxTotal = Math.max(...rows.map((row) => exactCount(row.total)));
  const step = tickStep(maxTotal);
  const axisMax = Math.max(step, Math.ceil(maxTotal / step) * step);
  const labelWidth = Math.min(Math.max(...rows.map((row) => frame.widthOf(row.name, STYLES.chartLabel))) + 10, frame.width * 0.42);
  const valueWidth = frame.widthOf(formatCount(maxTotal), STYLES.chartValue) + 8;
  const plotLeft = frame.left + labelWidth;
  const plotWidth = frame.width - labelWidth - valueWidth;
  const scale = (value: number) => (value / axisMax) * plotWidth;

  // One chunk when all countries fit on a page at a readable pitch (on this page, or else on the
  // next, with the heading kept above); otherwise as many per page as fit, at the minimum pitch.
  let pitch = MIN_PITCH;
  if (fixed + rows.length * MIN_PITCH + reserved <= frame.pageHeight) {
    frame.ensure(fixed + rows.length * MIN_PITCH);
    pitch = Math.min(MAX_PITCH, (frame.remaining - fixed) / rows.length);
  }

  let first = 0;
  while (first < rows.length) {
    let fit = Math.floor((frame.remaining - fixed) / pitch);
    if (fit < Math.min(MIN_ROWS, rows.length - first)) {
      frame.newPage();
      fit = Math.floor((frame.remaining - fixed) / pitch);
    }
    const chunk = rows.slice(first, first + Math.max(1, fit));
    const top = frame.y;
    const continued = first > 0;
    const described = chunk.map((row) => `${row.name} ${formatCount(exactCount(row.total))}`).join(', ');
    const stacked = report.layout === 'volume' ? 'category' : 'category and outcome';
    const alt =
      `${continued ? `${title} (continued). ` : `${title}: horizontal bar chart, stacked by ${stacked}. `}` +
      `Requests per country: ${described}. The tables give every figure.`;
    frame.leaf(parent, 'Figure', () => drawChunk(chunk, top, continued), { alt });
    frame.y = top + legendHeight + chunk.length * pitch + AXIS_HEIGHT;
    first += chunk.length;
  }

  function drawChunk(chunk: ReportRow[], top: number, continued: boolean): void {
    legend.forEach((line, index) => {
      const y = top + index * LEGEND_LINE;
      let x = frame.left;
      const label = `${line.title}${continued && index === 0 ? ' (continued)' : ''}`;
      frame.text(label, x, y, STYLES.chartAxisTitle);
      x += Math.max(frame.widthOf(label, STYLES.chartAxisTitle) + 10, labelWidth - 8);
      for (const swatch of line.swatches) {
        frame.fillRect(x, y + 1.2, 8, 7, swatch.colour);
        frame.text(swatch.label, x + 11, y, STYLES.chartAxis);
        x += 11 + frame.widthOf(swatch.label, STYLES.chartAxis) + 14;
      }
    });
    const plotTop = top + legendHeight;
    const plotBottom = plotTop + chunk.length * pitch;

    // Grid and tick labels first, so that the bars sit on top of the grid.
    frame.text('Country', plotLeft - 6, plotTop - 10, STYLES.chartAxisTitle, { align: 'right' });
    for (let value = 0; value <= axisMax; value += step) {
      const x = plotLeft + scale(value);
      frame.doc.save().moveTo(x, plotTop).lineTo(x, plotBottom).lineWidth(value === 0 ? 0.7 : 0.4).strokeColor(value === 0 ? COLOURS.muted : COLOURS.grid).stroke().restore();
      frame.text(formatCount(value), x, plotBottom + 3, STYLES.chartAxis, { align: 'center' });
    }
    frame.rule(plotLeft, plotLeft + plotWidth, plotBottom, 0.7, COLOURS.muted);
    frame.text('Number of requests', plotLeft + plotWidth / 2, plotBottom + 15, STYLES.chartAxisTitle, { align: 'center' });

    const labelHeight = frame.lineHeight(STYLES.chartLabel);
    chunk.forEach((row, index) => {
      const rowTop = plotTop + index * pitch;
      const barHeight = Math.min(11, pitch * 0.62);
      const barTop = rowTop + (pitch - barHeight) / 2;
      frame.text(frame.fit(row.name, STYLES.chartLabel, labelWidth - 10), plotLeft - 6, rowTop + (pitch - labelHeight) / 2 + 0.6, STYLES.chartLabel, { align: 'right' });
      let x = plotLeft;
      for (const segment of segmentsOf(report, row)) {
        if (segment.count === 0) continue;
        const width = scale(segment.count);
        frame.fillRect(x, barTop, width, barHeight, segment.colour);
        x += width;
      }
      frame.text(formatCount(exactCount(row.total)), x + 4, rowTop + (pitch - frame.lineHeight(STYLES.chartValue)) / 2 + 0.6, STYLES.chartValue);
    });
  }
}
