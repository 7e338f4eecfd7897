// The fonts the PDF embeds, and the check that every character printed has a glyph in its font.
// Standard PDF fonts (Helvetica…) cover Latin-1 only and are not embedded; DejaVu Sans (an npm
// package of TrueType files) is embedded as a subset and covers every country name of ISO 3166
// (Côte d'Ivoire, Türkiye, Åland Islands, Curaçao, São Tomé and Príncipe…).
import { createRequire } from 'node:module';
import { type FontkitTables, primeFontTables } from './font-tables.js';

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  light: 'DejaVuSans-ExtraLight.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;
export const FONT_NAMES = Object.keys(FONT_FILES) as FontName[];

// Resolved through Node's module resolution, so that the files are found the same way from the
// bundle in dist/, from the sources under vitest, and from an installed copy of the package.
const packageFiles = createRequire(import.meta.url);

export function fontPath(name: FontName): string {
  return packageFiles.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[name]}`);
}

/** What a font can print: fontkit's answer, which pdfkit keeps on its embedded font. */
interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
  familyName?: string;
  subfamilyName?: string;
}

/**
 * A character the embedded font cannot print: the PDF would show an empty box, so nothing is written.
 * It is the user's text to change (the config, a country name), so the CLI exits with the usage
 * code (2); main.ts knows it by `name`, which is a literal because bundling may rename the class.
 */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  readonly usage = true;
  constructor(
    readonly text: string,
    readonly characters: string[],
    fontLabel: string,
    where?: string,
  ) {
    const list = characters.map((character) => `"${character}" (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
    const shown = text.length > 70 ? `${text.slice(0, 67)}…` : text;
    super(
      `cannot write the PDF: the font ${fontLabel} has no glyph for ${list.join(', ')} in ${where ? `${where}, ` : ''}"${shown}"; ` +
        'change that text (characters of Latin, Greek and Cyrillic scripts are covered)',
    );
  }
}

export class FontSet {
  private constructor(private readonly coverage: Record<FontName, GlyphCoverage>) {}

  /** Registers every font with the document under its FontName. */
  static register(doc: PDFKit.PDFDocument): FontSet {
    // pdfkit has no public accessor for the open fonts: `_font` is the current one (fontkit's
    // object as its `font`), `_fontFamilies` the cache that doc.font(name) looks in.
    const state = doc as unknown as { _font?: { font?: GlyphCoverage }; _fontFamilies: Record<string, unknown> };
    const coverage = {} as Record<FontName, GlyphCoverage>;
    for (const name of FONT_NAMES) {
      doc.registerFont(name, fontPath(name));
      // The document opened DejaVu Sans by its path as its initial font (pdf.ts). pdfkit would open
      // the file again for the name 'regular', find it equal to the open font and keep that one
      // without caching it under the name: every doc.font('regular') read and parsed the 750 KB
      // file anew (84 times for the 2020 report, ~0.3 s). Cached under its name, it is opened once.
      if (name === 'regular') state._fontFamilies[name] = state._font;
      doc.font(name);
      const font = state._font?.font;
      if (typeof font?.hasGlyphForCodePoint !== 'function') throw new Error(`pdfkit did not load ${FONT_FILES[name]} as a TrueType font`);
      primeFontTables(font as unknown as FontkitTables);
      coverage[name] = font;
    }
    return new FontSet(coverage);
  }

  /** The characters of `text` that `font` has no glyph for, each once, in order. */
  missing(text: string, font: FontName): string[] {
    const coverage = this.coverage[font];
    const missing = new Set<string>();
    for (const character of text) {
      if (character === '\n') continue;
      if (!coverage.hasGlyphForCodePoint(character.codePointAt(0)!)) missing.add(character);
    }
    return [...missing];
  }

  /** Throws a MissingGlyphError naming the text, the characters and where the text comes from. */
  check(text: string, fonts: readonly FontName[], where?: string): void {
    for (const font of fonts) {
      const missing = this.missing(text, font);
      if (missing.length > 0) throw new MissingGlyphError(text, missing, this.label(font), where);
    }
  }

  private label(font: FontName): string {
    const { familyName, subfamilyName } = this.coverage[font];
    return familyName ? `${familyName}${subfamilyName && subfamilyName !== 'Book' ? ` ${subfamilyName}` : ''}` : FONT_FILES[font];
  }
}
