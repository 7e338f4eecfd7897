// Each embedded font is opened (its file read and parsed by fontkit) once a document. pdfkit caches
// a registered font under its name only when it is not equal to a font already open, and pdf.ts
// opens DejaVu Sans by its path as the document's initial font: before FontSet cached it under its
// name, every switch back to the body font read and parsed the 750 KB file again.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_NAMES, FontSet, fontPath } from '../../src/render/pdf/font-set.js';

/** pdfkit's private state: the current font, and how many fonts the document has opened. */
type FontState = { _font: unknown; _fontCount: number };

describe('FontSet.register', () => {
  it('opens each font once, however often the text switches between them', () => {
    const doc = new PDFDocument({ font: fontPath('regular') });
    const state = doc as unknown as FontState;
    FontSet.register(doc);
    const opened = state._fontCount;
    const fonts = new Map(FONT_NAMES.map((name) => [name, doc.font(name) && state._font]));
    for (let round = 0; round < 3; round++) {
      for (const name of FONT_NAMES) expect(doc.font(name) && state._font).toBe(fonts.get(name));
    }
    expect(state._fontCount).toBe(opened);
    expect(new Set(fonts.values()).size).toBe(FONT_NAMES.length);
  });
});
