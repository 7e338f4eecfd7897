// The top of the first page: who publishes, what, for which period, and when.
import type { Report } from '../../core/report.js';
import { formatSpan, formatTimestamp } from './format.js';
import type { PageFrame } from './page-frame.js';
import { COLOURS, STYLES } from './theme.js';

type StructureElement = PDFKit.PDFStructureElement;

export interface TitleTexts {
  organisation: string;
  title: string;
  url?: string;
}

export function drawTitleBlock(frame: PageFrame, parent: StructureElement, report: Report, texts: TitleTexts, timestamp: number): void {
  const { left, width } = frame;
  let y = frame.y;
  frame.artifact(() => frame.fillRect(left, y, 36, 3, COLOURS.accent));
  y += 12;
  const organisation = texts.organisation.toUpperCase();
  const organisationY = y;
  frame.leaf(parent, 'P', () => frame.text(organisation, left, organisationY, STYLES.organisation, { width }));
  y += frame.heightOf(organisation, STYLES.organisation, width) + 9;

  const titleWidth = width * 0.86;
  const titleY = y;
  frame.leaf(parent, 'H1', () => frame.text(texts.title, left, titleY, STYLES.title, { width: titleWidth }));
  y += frame.heightOf(texts.title, STYLES.title, titleWidth) + 4;

  const periodY = y;
  frame.leaf(parent, 'P', () => frame.text(report.period.label, left, periodY, STYLES.period, { width }));
  y += frame.heightOf(report.period.label, STYLES.period, width) + 8;

  const meta = [`Reporting period: ${formatSpan(report.period)}`, `Published ${formatTimestamp(timestamp)}${texts.url ? ` · ${texts.url}` : ''}`];
  for (const line of meta) {
    const lineY = y;
    frame.leaf(parent, 'P', () => frame.text(line, left, lineY, STYLES.meta, { width }));
    y += frame.heightOf(line, STYLES.meta, width) + 2;
  }
  y += 10;
  const ruleY = y;
  frame.artifact(() => frame.rule(left, frame.right, ruleY, 0.6, COLOURS.rule));
  frame.y = y + 16;
}
