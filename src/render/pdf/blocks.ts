// Tagged text blocks that flow down the page: headings, paragraphs, lists and definitions. Each is
// measured before it is drawn, so that it starts on a new page rather than run past the footer.
import type { PageFrame } from './page-frame.js';
import { SPACE, STYLES, type TextStyle } from './theme.js';

type StructureElement = PDFKit.PDFStructureElement;

const HEADING_STYLES = { H1: STYLES.title, H2: STYLES.h2, H3: STYLES.h3 } as const;

/**
 * A heading, kept on the page with at least `keepWith` points of what follows it. H2 headings are
 * also bookmarks, so that a reader can jump to a section.
 */
export function heading(frame: PageFrame, parent: StructureElement, level: 'H2' | 'H3', text: string, keepWith = 40): void {
  const style = HEADING_STYLES[level];
  const height = frame.heightOf(text, style, frame.width);
  const before = frame.y > frame.top + 0.01 ? (level === 'H2' ? SPACE.section : SPACE.paragraph) : 0;
  if (frame.ensure(before + height + SPACE.afterHeading + keepWith)) {
    // A new page starts at the top: no space before the heading.
  } else {
    frame.y += before;
  }
  const y = frame.y;
  frame.leaf(parent, level, () => frame.text(text, frame.left, y, style, { width: frame.width }));
  if (level === 'H2') {
    // pdfkit places an XYZ destination at (page width − left, page height − top): left = page width puts it at the left edge.
    const options = { left: frame.doc.page.width, top: y - 6 } as unknown as { expanded?: boolean };
    frame.doc.outline.addItem(text, options);
  }
  frame.y = y + height + SPACE.afterHeading;
}

export interface ParagraphOptions {
  style?: TextStyle;
  /** A bold lead-in printed before the text, on the same line ("Approved: …"). */
  lead?: string;
  indent?: number;
  gapAfter?: number;
}

/** Height of a paragraph, at most a line more than drawn (a lead-in is measured as if all were bold). */
export function paragraphHeight(frame: PageFrame, text: string, options: ParagraphOptions = {}): number {
  const style = options.style ?? STYLES.body;
  return frame.heightOf(options.lead ? `${options.lead} ${text}` : text, options.lead ? STYLES.bodyBold : style, frame.width - (options.indent ?? 0));
}

export function paragraph(frame: PageFrame, parent: StructureElement, text: string, options: ParagraphOptions = {}): void {
  const style = options.style ?? STYLES.body;
  const height = paragraphHeight(frame, text, options);
  frame.ensure(height);
  const x = frame.left + (options.indent ?? 0);
  const y = frame.y;
  const width = frame.width - (options.indent ?? 0);
  let end = y + height;
  frame.leaf(parent, 'P', () => (end = drawRuns(frame, x, y, width, style, text, options.lead)));
  frame.y = end + (options.gapAfter ?? SPACE.paragraph);
}

/** A bulleted or numbered list; each item is kept whole on one page. */
export function list(frame: PageFrame, parent: StructureElement, items: readonly string[], kind: 'bullet' | 'number'): void {
  const indent = 16;
  const width = frame.width - indent;
  const element = frame.element(parent, 'L', kind === 'number' ? { attributes: { O: 'List', ListNumbering: 'Decimal' } } : { attributes: { O: 'List', ListNumbering: 'Disc' } });
  items.forEach((item, index) => {
    const { lead, text } = splitLead(item);
    const height = frame.heightOf(lead ? `${lead} ${text}` : text, lead ? STYLES.bodyBold : STYLES.body, width);
    frame.ensure(height);
    const y = frame.y;
    const li = frame.element(element, 'LI');
    const label = kind === 'number' ? `${index + 1}.` : '•';
    frame.leaf(li, 'Lbl', () => frame.text(label, frame.left + (kind === 'number' ? 10 : 3), y, kind === 'number' ? STYLES.bodyBold : STYLES.body, { align: kind === 'number' ? 'right' : 'left' }));
    let end = y + height;
    frame.leaf(li, 'LBody', () => (end = drawRuns(frame, frame.left + indent, y, width, STYLES.body, text, lead)));
    li.end();
    frame.y = end + 5;
  });
  element.end();
  frame.y += SPACE.paragraph - 5;
}

/** "Approved: the request…" → a bold "Approved:" and the rest; texts without a short lead-in are left whole. */
export function splitLead(item: string): { lead?: string; text: string } {
  const match = /^([^:.]{2,48}):\s+(.+)$/s.exec(item);
  return match ? { lead: `${match[1]}:`, text: match[2]! } : { text: item };
}

/** Draws a paragraph, with its bold lead-in if any, and returns where its last line ends. */
function drawRuns(frame: PageFrame, x: number, y: number, width: number, style: TextStyle, text: string, lead?: string): number {
  if (!lead) return frame.text(text, x, y, style, { width });
  // pdfkit continues a paragraph across font changes with `continued`; the check still sees every string.
  frame.fonts.check(lead.normalize('NFC'), ['bold']);
  frame.fonts.check(text.normalize('NFC'), [style.font]);
  const doc = frame.doc;
  const common = { width, lineGap: style.lineGap ?? 0 };
  doc.font(STYLES.bodyBold.font).fontSize(style.size).fillColor(style.colour).text(`${lead.normalize('NFC')} `, x, y, { ...common, continued: true });
  doc.font(style.font).text(text.normalize('NFC'), { ...common, continued: false });
  return doc.y - common.lineGap;
}
