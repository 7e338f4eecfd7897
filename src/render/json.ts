// The whole report as JSON, in the shape of ReportSchema (see the README for the fields).
import type { Report } from '../core/report.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
