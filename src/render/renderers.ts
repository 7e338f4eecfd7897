// Every output format and its renderer. Renderers return the bytes to write; they never write.
// The compiler checks that each format has exactly one renderer.
import type { ChalkInstance } from 'chalk';
import type { Config } from '../core/config.js';
import type { Report } from '../core/report.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import type { ReportSection } from './sections.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'csv', 'json', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  chalk: ChalkInstance;
  pageSize: 'A4' | 'LETTER';
  /** Seconds since the epoch for every date the output carries (SOURCE_DATE_EPOCH). */
  timestamp: number;
  /** The organisation's texts (title, principles, URLs) for the PDF. */
  config: Config;
  /** Which part of the report to show (--report). */
  section: ReportSection;
  /** The terminal's width, when the output goes to one. */
  width?: number;
}

export type Renderer = (report: Report, options: RenderOptions) => string | Promise<string | Uint8Array>;

export const renderers = {
  table: (report, options) => renderTable(report, options),
  csv: (report, options) => renderCsv(report, options.section),
  json: (report) => renderJson(report),
  // Loaded only when a PDF is asked for: pdfkit and its fonts cost more to load than everything else.
  pdf: async (report, options) => (await import('./pdf.js')).renderPdf(report, options),
} satisfies Record<Format, Renderer>;

/** The format an output file's extension implies, if any. */
export function formatOfPath(path: string): Format | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'json' || extension === 'pdf') return extension;
  if (extension === 'txt') return 'table';
  return undefined;
}
