// The `kern` and `post` tables read from the bytes must be what fontkit itself decodes: the same
// kerning for every word the PDF lays out, the same numbers in the embedded font's descriptor.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_NAMES, type FontName, fontPath } from '../../src/render/pdf/font-set.js';
import { decodeKern, decodePostHeader, type FontkitTables, primeFontTables } from '../../src/render/pdf/font-tables.js';

interface Font extends FontkitTables {
  kern: { tables: { version: number; format: number; coverage: object; subtable: { pairs: object[] } }[] };
  post: Record<string, unknown>;
  layout(text: string): { positions: { xAdvance: number }[] };
}

/** A fontkit font as pdfkit opens it (fontkit is pdfkit's, not a dependency of ours). */
function openFont(name: FontName): Font {
  const doc = new PDFDocument({ font: fontPath(name) });
  return (doc as unknown as { _font: { font: Font } })._font.font;
}

const plain = (pairs: object[]): object[] => pairs.map((pair) => ({ ...(pair as object) }));
/** A table of `bytes` at offset 0 of its own buffer. */
const table = (bytes: number[]): [DataView, { offset: number; length: number }] => [new DataView(Uint8Array.from(bytes).buffer), { offset: 0, length: bytes.length }];
const advances = (font: Font, word: string): number[] => font.layout(word).positions.map((position) => position.xAdvance);

// Words like the report's: figures and punctuation (for which ExtraLight's GPOS has no kerning, so
// that fontkit looks in its `kern` table), names, headings.
const WORDS = ['11,7%', '1,234', '(67%)', '2020H1', '7/1', '4.1', 'T1', 'Y.', '"A"', '–17', 'r.', "Côte d'Ivoire", 'Türkiye', 'AVATAR', 'Total'];

describe.each(FONT_NAMES)('primeFontTables on %s', (name) => {
  const fontkit = openFont(name);
  const primed = openFont(name);
  primeFontTables(primed);

  it('decodes the kern table as fontkit does', () => {
    expect(primed._tables.kern).toBeDefined();
    expect(primed.kern.tables).toHaveLength(fontkit.kern.tables.length);
    primed.kern.tables.forEach((table, i) => {
      const theirs = fontkit.kern.tables[i]!;
      expect([table.version, table.format, table.coverage]).toEqual([theirs.version, theirs.format, { ...theirs.coverage }]);
      expect(table.subtable.pairs).toEqual(plain(theirs.subtable.pairs));
    });
  });

  it('lays out every word with the same advances', () => {
    for (const word of WORDS) expect(advances(primed, word), word).toEqual(advances(fontkit, word));
  });

  it('gives the post header now and the glyph names when asked', () => {
    for (const field of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'maxMemType1']) {
      expect(primed.post[field], field).toBe(fontkit.post[field]);
    }
    expect(primed.post.names).toEqual(fontkit.post.names);
    expect(primed.post.glyphNameIndex).toEqual(fontkit.post.glyphNameIndex);
  });
});

describe('a kern table read from bytes', () => {
  // DejaVu's own kern pairs change no layout (fontkit consults the table only for runs its GPOS did
  // not kern, such as ExtraLight's figures, and the table has no pair of figures): a pair made up
  // here shows that fontkit's kerning reads the table in the shape decodeKern gives it.
  it('kerns the text fontkit lays out', () => {
    const before = advances(openFont('light'), '11');
    const font = openFont('light') as Font & { glyphForCodePoint(codePoint: number): { id: number } };
    const one = font.glyphForCodePoint(0x31).id;
    const [view, entry] = table([0, 0, 0, 1, 0, 0, 0, 20, 0, 1, 0, 1, 0, 6, 0, 0, 0, 0, one >> 8, one & 255, one >> 8, one & 255, 0xff, 0x9c]);
    font._tables.kern = decodeKern(view, entry);
    expect(advances(font, '11')).toEqual([before[0]! - 100, before[1]]);
  });
});

describe('forms left to fontkit', () => {
  const pair = [0, 1, 0, 2, 0xff, 0xf6]; // glyphs 1 and 2, -10

  it('reads a version-0 table of format-0 subtables', () => {
    const kern = decodeKern(...table([0, 0, 0, 1, 0, 0, 0, 20, 0, 1, 0, 1, 0, 6, 0, 0, 0, 0, ...pair]));
    expect(kern).toMatchObject({ nTables: 1, tables: [{ format: 0, coverage: { horizontal: true, crossStream: false }, subtable: { pairs: [{ left: 1, right: 2, value: -10 }] } }] });
  });

  it.each([
    ['Apple version 1', [0, 1, 0, 0, 0, 0, 0, 0]],
    ['a format-2 subtable', [0, 0, 0, 1, 0, 0, 0, 20, 2, 1, 0, 1, 0, 6, 0, 0, 0, 0, ...pair]],
    ['a length that disagrees with the pairs', [0, 0, 0, 1, 0, 0, 0, 26, 0, 1, 0, 1, 0, 6, 0, 0, 0, 0, ...pair]],
    ['a subtable cut short', [0, 0, 0, 1, 0, 0, 0, 20, 0, 1, 0, 1, 0, 6, 0, 0, 0, 0]],
  ])('leaves %s to fontkit', (_, bytes) => {
    expect(decodeKern(...table(bytes))).toBeUndefined();
  });

  it('leaves a post table shorter than its header to fontkit', () => {
    expect(decodePostHeader(...table(new Array(31).fill(0)), () => ({}))).toBeUndefined();
  });

  it('keeps a table fontkit has already decoded', () => {
    const font = openFont('bold');
    const decoded = font.kern;
    primeFontTables(font);
    expect(font.kern).toBe(decoded);
  });
});
