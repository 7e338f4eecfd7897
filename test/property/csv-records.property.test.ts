import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt } from '../helpers/cut-at.js';
import { csvLine, recordsOf, split, splitChunks } from '../unit/support.js';

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 4, arbitrary: fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', ' ', '\t', 'a', 'é', '😀', '\u2028') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const field = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
const record = fc.array(field, { minLength: 1, maxLength: 6 });
const ending = fc.constantFrom('\n', '\r\n');

interface Document {
  text: string;
  /** The records and the line each starts on. */
  expected: [number, string[]][];
}

/** Serialises records RFC 4180 style, with random line endings and blank lines between them. */
const document = fc
  .array(fc.record({ fields: record, ending, blanks: fc.array(ending, { maxLength: 2 }) }), { maxLength: 8 })
  .chain((records) => fc.record({ records: fc.constant(records), finalBreak: fc.boolean() }))
  .map(({ records, finalBreak }): Document => {
    let text = '';
    let line = 1;
    const expected: [number, string[]][] = [];
    records.forEach(({ fields, ending: end, blanks }, index) => {
      for (const blank of blanks) {
        text += blank;
        line++;
      }
      expected.push([line, fields]);
      const serialised = csvLine(fields);
      text += serialised;
      line += (serialised.match(/\n/g) ?? []).length;
      if (index < records.length - 1 || finalBreak) {
        text += end;
        line++;
      }
    });
    return { text, expected };
  });

describe('CsvRecordSplitter (property)', () => {
  it('gives back the fields of RFC 4180 records, with the line each starts on', () => {
    fc.assert(
      fc.property(document, ({ text, expected }) => {
        const events = split(text);
        expect(events.filter((event) => event.kind === 'error')).toEqual([]);
        expect(recordsOf(events)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same output however the text is cut into chunks', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), ({ text }, cuts) => {
        expect(splitChunks(cutAt(text, cuts))).toEqual(split(text));
      }),
      { numRuns: 300 },
    );
  });

  // Malformed input: quotes anywhere, unclosed ones included.
  const garbage = fc
    .array(fc.constantFrom('a', 'b', ',', '"', '"', '\n', '\n', '\r\n', '\r', ' '), { maxLength: 60 })
    .map((parts) => parts.join(''));

  it('on malformed text: never throws, same output in any chunks, lines ascending and within the text', () => {
    fc.assert(
      fc.property(garbage, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const whole = split(text);
        expect(splitChunks(cutAt(text, cuts))).toEqual(whole);
        const lines = text.split('\n').length;
        let previous = 0;
        for (const event of whole) {
          expect(event.line).toBeGreaterThan(previous);
          expect(event.line).toBeLessThanOrEqual(lines);
          previous = event.line;
          if (event.kind === 'error') expect(event.rows).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on text without quotes: one record per non-blank line, split on commas', () => {
    const plain = fc.array(fc.array(fc.constantFrom('a', 'é', ' ', ',', '\r', 'x'), { maxLength: 8 }).map((c) => c.join('')), { maxLength: 10 });
    fc.assert(
      fc.property(plain, ending, (lines, end) => {
        const text = lines.join(end);
        const expected = text
          .split('\n')
          .map((line, index): [number, string] => [index + 1, line.endsWith('\r') ? line.slice(0, -1) : line])
          .filter(([, line]) => line.trim() !== '')
          .map(([line, content]): [number, string[]] => [line, content.split(',')]);
        expect(recordsOf(split(text))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
