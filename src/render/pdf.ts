// The report as a PDF to publish: a tagged (accessible) document with the title block, summary,
// principles, the tables by country, a chart and the definitions, in embedded fonts. The same
// report and timestamp give the same bytes, so that a release pipeline can reproduce it.
// This module is loaded only when a PDF is asked for: it is the only one that imports pdfkit.
import PDFDocument from 'pdfkit';
import packageJson from '../../package.json' with { type: 'json' };
import type { Config } from '../core/config.js';
import type { Report } from '../core/report.js';
import { CATEGORY_TITLES } from './labels.js';
import { chartStartHeight, drawBarChart } from './pdf/bar-chart.js';
import { heading, paragraph, paragraphHeight } from './pdf/blocks.js';
import { countryTableSpec } from './pdf/country-tables.js';
import { drawTable, tableStartHeight } from './pdf/data-table.js';
import { FontSet, fontPath, type FontName } from './pdf/font-set.js';
import { formatSpan } from './pdf/format.js';
import { drawMethod } from './pdf/method-section.js';
import { PageFrame } from './pdf/page-frame.js';
import { drawPrinciples } from './pdf/principles-section.js';
import { drawSummary } from './pdf/summary-section.js';
import { MARGINS, SPACE, STYLES } from './pdf/theme.js';
import { drawTitleBlock } from './pdf/title-block.js';
import { drawResponseTimes, drawUsersSection } from './pdf/users-section.js';
import type { RenderOptions } from './renderers.js';

export { MissingGlyphError } from './pdf/font-set.js';

export async function renderPdf(report: Report, options: RenderOptions): Promise<Uint8Array> {
  const { config } = options;
  const texts = {
    organisation: config.organisation.name,
    title: config.report.title,
    url: config.report.url ?? config.organisation.url,
  };
  // Every date in the file is the given timestamp, never the clock: CreationDate and ModDate, and
  // through them the trailer's /ID, which pdfkit derives from the document info.
  const date = new Date(options.timestamp * 1000);
  const doc = new PDFDocument({
    size: options.pageSize,
    margins: MARGINS,
    pdfVersion: '1.7',
    bufferPages: true,
    tagged: true,
    lang: config.report.language,
    displayTitle: true,
    // The default would be Helvetica, a font that is never embedded; DejaVu Sans is.
    font: fontPath('regular'),
    info: {
      Title: `${texts.title} ${report.period.label}`,
      Author: texts.organisation,
      Subject: `Requests from law enforcement and government authorities received by ${texts.organisation} from ${formatSpan(report.period)}, by country, category and outcome`,
      Keywords: config.report.keywords.join(', '),
      Creator: `transparency ${packageJson.version}`,
      CreationDate: date,
      ModDate: date,
    },
  });
  escapeXmpInfo(doc);
  const fonts = FontSet.register(doc);
  preflight(fonts, config, report);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const frame = new PageFrame(doc, fonts);

  drawTitleBlock(frame, root, report, texts, options.timestamp);
  drawSummary(frame, root, report, texts.organisation);
  drawPrinciples(frame, root, config.report.principles, config.report.process);

  const tables = frame.element(root, 'Sect');
  const intro =
    `Requests from law enforcement and government authorities received from ${formatSpan(report.period)}, by country of the requesting authority. ` +
    'Each percentage is a share of the country’s total requests, across both categories and all outcomes, so that a country’s percentages in the two tables add up to 100.';
  const specs = report.categories.map((category) => countryTableSpec(frame, report, category));
  // The heading and its introduction stay with the first table.
  const title = 'Requests by country';
  const introOnly = paragraphHeight(frame, intro) + SPACE.paragraph;
  const introHeight = frame.heightOf(title, STYLES.h2, frame.width) + SPACE.afterHeading + introOnly;
  heading(frame, tables, 'H2', title, introOnly + tableStartHeight(frame, specs[0]!, introHeight));
  paragraph(frame, tables, intro);
  specs.forEach((spec, index) => {
    if (index > 0) frame.y += SPACE.section;
    drawTable(frame, tables, spec, index === 0 ? introHeight : 0);
  });
  tables.end();

  const chart = frame.element(root, 'Sect');
  const chartTitle = 'Requests per country';
  const chartHeading = frame.heightOf(chartTitle, STYLES.h2, frame.width) + SPACE.afterHeading;
  heading(frame, chart, 'H2', chartTitle, chartStartHeight(frame, report, chartHeading));
  if (report.rows.length === 0) paragraph(frame, chart, `No requests from authorities were received in ${report.period.label}.`);
  else drawBarChart(frame, chart, report, `${chartTitle}, ${report.period.label}`, chartHeading);
  chart.end();

  drawUsersSection(frame, root, report);
  drawResponseTimes(frame, root, report);
  drawMethod(frame, root, report);
  root.end();

  frame.finishPages(`${texts.title} · ${report.period.label}`, texts.url ?? texts.organisation);
  return finish(doc);
}

/** Collects the document's bytes once pdfkit has written them all. */
function finish(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

const TEXT_FONTS: FontName[] = ['regular', 'bold', 'condensed', 'condensedBold'];

/**
 * Checks the texts that come from outside (the config, the country names) before anything is
 * drawn, so that an error names where the text comes from. Drawing checks every string again.
 */
function preflight(fonts: FontSet, config: Config, report: Report): void {
  const texts: [string, string][] = [
    [config.organisation.name, 'organisation.name in the config'],
    [config.organisation.name.toUpperCase(), 'organisation.name in the config'],
    [config.report.title, 'report.title in the config'],
    ...config.report.principles.map((text, index): [string, string] => [text, `report.principles[${index}] in the config`]),
    ...config.report.process.map((text, index): [string, string] => [text, `report.process[${index}] in the config`]),
    ...[config.report.url, config.organisation.url].filter((url): url is string => Boolean(url)).map((url): [string, string] => [url, 'a URL in the config']),
    ...report.rows.map((row): [string, string] => [row.name, `the name of country ${row.code}`]),
    ...report.categories.map((category): [string, string] => [CATEGORY_TITLES[category], 'a category title']),
  ];
  for (const [text, where] of texts) fonts.check(text.normalize('NFC'), TEXT_FONTS, where);
  fonts.check(report.period.label, ['light'], 'the period label');
}

/**
 * pdfkit copies the document info into the XMP metadata without escaping it, so an "&" in an
 * organisation's name would make the metadata invalid XML. The info dictionary itself is written
 * before the metadata; the XMP is built from an escaped copy.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as { _addInfo?: () => void; info: Record<string, unknown> };
  const addInfo = target._addInfo;
  if (typeof addInfo !== 'function') return;
  const escape = (value: unknown) =>
    typeof value === 'string' ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : value;
  target._addInfo = function (this: typeof target) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, escape(value)]));
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}
