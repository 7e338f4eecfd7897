// Placeholder until the PDF report lands (issue 3).
import type { Report } from '../core/report.js';
import type { RenderOptions } from './renderers.js';

export async function renderPdf(_report: Report, _options: RenderOptions): Promise<Uint8Array> {
  throw new Error('PDF output is not available yet');
}
