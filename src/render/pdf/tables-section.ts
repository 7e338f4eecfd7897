// The authority tables by country (one per category, or the volume layout's one table) and the
// chart of requests per country. Under disclosure control the chart is left out, with a sentence
// saying why: bar lengths would give the withheld counts back.
import type { Report } from '../../core/report.js';
import { chartStartHeight, drawBarChart } from './bar-chart.js';
import { heading, paragraph, paragraphHeight } from './blocks.js';
import { countryTableSpec } from './country-tables.js';
import { drawTable, tableStartHeight, type TableSpec } from './data-table.js';
import { NO_CHART, showsPercents } from './disclosure.js';
import { formatSpan } from './format.js';
import type { PageFrame } from './page-frame.js';
import { SPACE, STYLES } from './theme.js';
import { volumeTableSpec } from './volume-table.js';

type StructureElement = PDFKit.PDFStructureElement;

export const TABLES_TITLE = 'Requests by country';
export const CHART_TITLE = 'Requests per country';

function introOf(report: Report): string {
  const received = `Requests from law enforcement and government authorities received from ${formatSpan(report.period)}, by country of the requesting authority`;
  if (report.layout === 'volume') return `${received}: all of them, and of them those for user data and those for technical information and expertise.`;
  if (!showsPercents(report)) return `${received}.`;
  return (
    `${received}. ` +
    'Each percentage is a share of the country’s total requests, across both categories and all outcomes, so that a country’s percentages in the two tables add up to 100.'
  );
}

export function drawCountryTables(frame: PageFrame, parent: StructureElement, report: Report): void {
  const tables = frame.element(parent, 'Sect');
  const intro = introOf(report);
  const specs: TableSpec[] =
    report.layout === 'volume' ? [volumeTableSpec(frame, report)] : report.categories.map((category) => countryTableSpec(frame, report, category));
  // The heading and its introduction stay with the first table.
  const introOnly = paragraphHeight(frame, intro) + SPACE.paragraph;
  const introHeight = frame.heightOf(TABLES_TITLE, STYLES.h2, frame.width) + SPACE.afterHeading + introOnly;
  heading(frame, tables, 'H2', TABLES_TITLE, introOnly + tableStartHeight(frame, specs[0]!, introHeight));
  paragraph(frame, tables, intro);
  specs.forEach((spec, index) => {
    if (index > 0) frame.y += SPACE.section;
    drawTable(frame, tables, spec, index === 0 ? introHeight : 0);
  });
  if (report.disclosure && report.rows.length > 0) {
    frame.y += 4;
    paragraph(frame, tables, NO_CHART, { style: STYLES.note });
  }
  tables.end();
}

/** The chart's section; none under disclosure control when there is a chart to hide (drawCountryTables says why). */
export function drawChartSection(frame: PageFrame, parent: StructureElement, report: Report): void {
  if (report.disclosure && report.rows.length > 0) return;
  const chart = frame.element(parent, 'Sect');
  const chartHeading = frame.heightOf(CHART_TITLE, STYLES.h2, frame.width) + SPACE.afterHeading;
  heading(frame, chart, 'H2', CHART_TITLE, chartStartHeight(frame, report, chartHeading));
  if (report.rows.length === 0) paragraph(frame, chart, `No requests from authorities were received in ${report.period.label}.`);
  else drawBarChart(frame, chart, report, `${CHART_TITLE}, ${report.period.label}`, chartHeading);
  chart.end();
}
