// measureWidth stands in for string-width inside cli-table3 (see src/render/string-width.ts): it must
// give the width string-width gives, for every text, not only the ASCII it shortcuts.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { measureWidth } from '../../src/render/string-width.js';

describe('measureWidth', () => {
  it('gives the width string-width gives, for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary-ascii' }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme' }),
      // Emoji and keycaps, ANSI colour codes, and a printable ASCII text beside them.
      fc.array(fc.constantFrom('a', ' ', '#', '1', '\u20e3', '\ufe0f', '\u{1f1f7}\u{1f1fa}', '\u001b[31m', '\u001b[0m', '古', '\u0301', '~', '\x7f'))
        .map((parts) => parts.join('')),
    );
    fc.assert(fc.property(text, (value) => {
      expect(measureWidth(value)).toBe(stringWidth(value));
    }), { numRuns: 2000 });
  });

  it('counts printable ASCII one column a character, and what string-width weighs otherwise', () => {
    expect(measureWidth('Korea, Republic of  12 %')).toBe(24);
    expect(measureWidth('')).toBe(0);
    expect(measureWidth('古')).toBe(2);
    expect(measureWidth('\u001b[1mRU\u001b[22m')).toBe(2);
    expect(measureWidth('#\ufe0f\u20e3')).toBe(stringWidth('#\ufe0f\u20e3'));
  });
});
