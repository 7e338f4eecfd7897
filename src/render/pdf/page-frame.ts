// The page frame: the content box of the page, the cursor that moves down it, page breaks, and the
// running header and footer. Every piece of text goes through it, so that every string is checked
// against its font and every mark on a page is either tagged content or an artifact.
import type { FontSet } from './font-set.js';
import { COLOURS, MARGINS, STYLES, type TextStyle } from './theme.js';

type StructureElement = PDFKit.PDFStructureElement;

export interface ElementOptions {
  alt?: string;
  /** Attributes of the element (/A), e.g. a table cell's scope and column span. */
  attributes?: Record<string, string | number>;
}

export interface TextOptions {
  /** Wraps the text within this width; without it the text is one line. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export class PageFrame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  /** Where the next block starts. */
  y: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: FontSet,
  ) {
    this.left = MARGINS.left;
    this.right = doc.page.width - MARGINS.right;
    this.top = MARGINS.top;
    this.bottom = doc.page.height - MARGINS.bottom;
    this.width = this.right - this.left;
    this.y = this.top;
  }

  /** Space left on this page below the cursor. */
  get remaining(): number {
    return this.bottom - this.y;
  }

  /** The height of a full page's content box. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  /** Starts a new page when `height` does not fit below the cursor; true when it did. */
  ensure(height: number): boolean {
    // A block taller than a page cannot be helped by a new page once the cursor is at the top.
    if (this.y + height <= this.bottom + 0.01 || this.y <= this.top + 0.01) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  // ---- structure (tagged PDF) ----

  /** A new structure element under `parent`; end() it once all its children are added. */
  element(parent: StructureElement, type: string, options: ElementOptions = {}): StructureElement {
    const element = this.doc.struct(type, options.alt ? { alt: options.alt } : {});
    if (options.attributes) {
      // pdfkit's options know Scope but not ColSpan; the attribute dictionary is set directly.
      (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { ...options.attributes };
    }
    parent.add(element);
    return element;
  }

  /** A complete element whose content is what `draw` puts on the page. */
  leaf(parent: StructureElement, type: string, draw: () => void, options: ElementOptions = {}): StructureElement {
    const element = this.element(parent, type, options);
    element.add(draw);
    element.end();
    return element;
  }

  /** Marks what `draw` puts on the page as an artifact: rules, fills, page furniture, repeated headers. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  // ---- text ----

  private use(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size).fillColor(style.colour);
  }

  widthOf(text: string, style: TextStyle): number {
    this.use(style);
    return this.doc.widthOfString(text.normalize('NFC'), { characterSpacing: style.characterSpacing ?? 0 });
  }

  /** Height of `text` wrapped in `width`, without the gap after its last line. */
  heightOf(text: string, style: TextStyle, width: number): number {
    this.use(style);
    const lineGap = style.lineGap ?? 0;
    return this.doc.heightOfString(text.normalize('NFC'), { width, lineGap, characterSpacing: style.characterSpacing ?? 0 }) - lineGap;
  }

  /** Height of one line of `style`. */
  lineHeight(style: TextStyle): number {
    this.use(style);
    return this.doc.currentLineHeight(true);
  }

  /**
   * Draws `text` with its top at `y` and returns where its last line ends. Every string is checked against the font first: a missing
   * glyph is an error, never an empty box. Wrapped text must have been measured to fit the page.
   */
  text(text: string, x: number, y: number, style: TextStyle, options: TextOptions = {}): number {
    const normalised = text.normalize('NFC');
    this.fonts.check(normalised, [style.font]);
    this.use(style);
    const common = { characterSpacing: style.characterSpacing ?? 0, lineGap: style.lineGap ?? 0 };
    if (options.width !== undefined) {
      this.doc.text(normalised, x, y, { ...common, width: options.width, align: options.align ?? 'left' });
      return this.doc.y - common.lineGap;
    }
    // One line, placed by hand: without a width pdfkit never wraps and never breaks the page.
    let left = x;
    if (options.align === 'right') left = x - this.doc.widthOfString(normalised, common);
    if (options.align === 'center') left = x - this.doc.widthOfString(normalised, common) / 2;
    this.doc.text(normalised, left, y, { ...common, lineBreak: false });
    return y + this.doc.currentLineHeight(true);
  }

  /** Shortens `text` with an ellipsis until it fits `width` (for page furniture only, never for data). */
  fit(text: string, style: TextStyle, width: number): string {
    if (this.widthOf(text, style) <= width) return text;
    let shortened = text;
    while (shortened.length > 1 && this.widthOf(`${shortened}…`, style) > width) shortened = shortened.slice(0, -1);
    return `${shortened.trimEnd()}…`;
  }

  // ---- page furniture ----

  /** Draws the running header (from page 2) and the footer on every page. Call once, at the end. */
  finishPages(runningHeader: string, footer: string): void {
    const { start, count } = this.doc.bufferedPageRange();
    const style = STYLES.running;
    for (let index = 0; index < count; index++) {
      this.doc.switchToPage(start + index);
      this.artifact(() => {
        const pageLabel = `Page ${index + 1} of ${count}`;
        if (index > 0) {
          const headerY = this.top - 28;
          this.text(this.fit(runningHeader, style, this.width), this.left, headerY, style);
          this.rule(this.left, this.right, headerY + 13, 0.5, COLOURS.rule);
        }
        const footerY = this.bottom + 26;
        this.rule(this.left, this.right, footerY - 7, 0.5, COLOURS.rule);
        const labelWidth = this.widthOf(pageLabel, style);
        this.text(this.fit(footer, style, this.width - labelWidth - 24), this.left, footerY, style);
        this.text(pageLabel, this.right, footerY, style, { align: 'right' });
      }, 'Pagination');
    }
  }

  // ---- graphics (call inside artifact() or a figure's content) ----

  rule(x1: number, x2: number, y: number, thickness: number, colour: string): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(thickness).strokeColor(colour).stroke().restore();
  }

  fillRect(x: number, y: number, width: number, height: number, colour: string): void {
    this.doc.save().rect(x, y, width, height).fillColor(colour).fill().restore();
  }
}
