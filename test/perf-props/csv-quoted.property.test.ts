// The quick split of plainly quoted records gives what csv-parse gives, strict or relaxed, on any
// text it accepts (line breaks included: inside quotes they are data).
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSimpleQuoted } from '../../src/io/csv-records.js';

const text = fc.array(fc.constantFrom('a', 'b', ' ', ',', '"', '""', '"a"', ',"', '",', 'é', '\t', '\r', '\n'), { maxLength: 20 }).map((parts) => parts.join(''));

describe('splitSimpleQuoted ≡ csv-parse (property)', () => {
  it('agrees with csv-parse whenever it gives fields', () => {
    fc.assert(
      fc.property(text, (line) => {
        const fields = splitSimpleQuoted(line);
        if (fields === undefined) return;
        for (const relax of [true, false]) {
          const records = parse(line, { relax_quotes: relax, relax_column_count: true, record_delimiter: ['\n', '\r\n'] }) as string[][];
          expect(records).toEqual([fields]);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts every record written RFC 4180 style, line breaks in quotes included', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', ' ', 'é', '\n', '\r\n'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        const line = fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
        expect(splitSimpleQuoted(line)).toEqual(fields);
      }),
    );
  });
});
