// The report as a PDF to publish: a tagged (accessible) document with the title block, summary,
// principles, the tables by country, a chart and the definitions, in embedded fonts. The same
// report and timestamp give the same bytes, so that a release pipeline can reproduce it.
// --report picks a part of it; every variant keeps the title block, the footer and the method.
// This module is loaded only when a PDF is asked for: it is the only one that imports pdfkit.
import PDFDocument from 'pdfkit';
import packageJson from '../../package.json' with { type: 'json' };
import type { Config } from '../core/config.js';
import type { Report } from '../core/report.js';
import { CATEGORY_TITLES } from './labels.js';
import { FontSet, fontPath, type FontName } from './pdf/font-set.js';
import { formatSpan } from './pdf/format.js';
import { drawCounting, drawDefinitions } from './pdf/method-section.js';
import { PageFrame } from './pdf/page-frame.js';
import { drawPrinciples } from './pdf/principles-section.js';
import { drawSummary } from './pdf/summary-section.js';
import { drawChartSection, drawCountryTables } from './pdf/tables-section.js';
import { MARGINS } from './pdf/theme.js';
import { drawTitleBlock } from './pdf/title-block.js';
import { drawResponseTimes, drawUsersSection } from './pdf/users-section.js';
import type { RenderOptions } from './renderers.js';
import type { ReportSection } from './sections.js';

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

  const parts = partsOf(options.section);
  drawTitleBlock(frame, root, report, texts, options.timestamp);
  if (parts.authorities) {
    drawSummary(frame, root, report, texts.organisation);
    drawPrinciples(frame, root, config.report.principles, config.report.process);
    drawCountryTables(frame, root, report);
    drawChartSection(frame, root, report);
  }
  if (parts.users) drawUsersSection(frame, root, report, !parts.authorities);
  if (parts.timing) drawResponseTimes(frame, root, report, !parts.authorities);
  if (parts.authorities) drawDefinitions(frame, root, report);
  drawCounting(frame, root, report);
  root.end();

  frame.finishPages(`${texts.title} · ${report.period.label}`, texts.url ?? texts.organisation);
  return finish(doc);
}

/** The parts of the report a section shows (the title block and the method are in every one). */
function partsOf(section: ReportSection): { authorities: boolean; users: boolean; timing: boolean } {
  switch (section) {
    case 'all':
      return { authorities: true, users: true, timing: true };
    case 'authorities':
      return { authorities: true, users: false, timing: false };
    case 'users':
      return { authorities: false, users: true, timing: false };
    case 'timing':
    case 'notices':
      return { authorities: false, users: false, timing: true };
  }
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
