// RowKeys.readBytes finds commas four bytes at a time in the words of the buffer and reads dates
// digit by digit, and RowKeys.readScanned reads a row from the row scanner's record of it: wherever
// a line starts in its buffer (every alignment), whatever bytes stand next to its commas and in its
// dates, quoted or not, each must say what the text path says of the same line.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteMap } from '../../src/core/byte-map.js';
import { RowKeys } from '../../src/core/fast-row.js';
import { parsePeriod } from '../../src/core/period.js';
import { COLUMNS } from '../../src/core/schema.js';
import { RowScan } from '../../src/io/row-scan.js';
import { classifier } from '../unit/support.js';

const period = parsePeriod('2020');
const options = { classifier, today: '2021-06-30', period: period.ok ? period.period : undefined };

const GOOD: Record<string, string[]> = {
  id: ['R-1', '-', ',', 'R-22', 'abcdefgh', '--x--'],
  received: ['2020-01-05', '2020-06-30', '2019-12-31', '2020-02-29', '2020-0a-05', '2020-/1-05', '202:-01-05', '2020-01-5', '2021-02-29', '2020-13-01', '03/04/2020', '2020-06-30T23:30:00-02:00',
    '2020-06-30T10:00:00Z', '2020-06-30t10:00:00z', '2020-06-30 10:00:00+00:00', '2020-06-30T24:00:00Z', '2020-02-30T10:00:00Z', '2020-06-30T10:60:00Z',
    '2020-06-30T10:00:60Z', '2020-06-30T10:00:00+19:00', '2020-06-30T10:00:00+05:30', '2020-06-30T01:00:00+05:30', '2020-06-30T23:00:00-01:00',
    '2021-06-30T23:59:59Z', '2021-07-01T00:00:00Z', '2020-06-30T10:00:00X', '2020-06-30T1a:00:00Z', '2020-06-30T10:00:00+0530', '2020-06-30T10:00Z'],
  country: ['RU', 'ru', 'Germany', 'UK', '-RU', 'Zz'],
  requester: ['', 'law-enforcement', 'user', 'police', '-'],
  category: ['', 'technical-expertise', 'data-copy', '-x'],
  request_type: ['', 'malware sample analysis', 'subscriber information', 'delete my data', ',,,,'],
  outcome: ['approved', 'rejected', 'pending', '-'],
  rejection_reason: ['', 'no-data-found'],
  decided: ['', '2020-01-10', '2020-07-05', '2020-0-/05', '1999-01-01'],
  user_notified: ['', 'yes', 'no'],
};

/** A RowKeys for lines of every column in COLUMNS order and one more. */
function readerOf(): RowKeys {
  const keys = new RowKeys(options);
  keys.layout(Object.fromEntries(COLUMNS.map((column, index) => [column, index])), COLUMNS.length + 1);
  return keys;
}

/** `text` at byte `offset` of its buffer, with commas around it. */
function bytesAt(text: string, offset: number, encoding: BufferEncoding): Buffer {
  const buffer = Buffer.alloc(offset + Buffer.byteLength(text, encoding) + 5, 0x2c);
  const bytes = buffer.subarray(offset);
  bytes.write(text, 0, encoding);
  return bytes;
}

const line = fc
  .tuple(...COLUMNS.map((column) => fc.constantFrom(...(GOOD[column] ?? ['']))), fc.constantFrom('', 'x', 'é', '\u0080', ' -,-'))
  .map(([...cells]) => cells.join(','));

describe('readBytes ≡ read (property)', () => {
  it('gives the same verdict and keys at every alignment', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.nat(7), (lines, offset) => {
        const text = lines.join('\n');
        const bytes = bytesAt(text, offset, 'utf8');
        const viaBytes = readerOf();
        const viaText = readerOf();
        let start = 0;
        for (const one of lines) {
          const end = start + Buffer.byteLength(one);
          const byBytes = viaBytes.readBytes(bytes, start, end);
          if (!/[^\x00-\x7f]/.test(one)) {
            expect(byBytes).toBe(viaText.read(one, 0, one.length));
            if (byBytes) expect({ ...viaBytes.out }).toEqual({ ...viaText.out });
          } else expect(byBytes).toBe(false);
          start = end + 1;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** Quoted lines that are not simple: a doubled quote, a quote inside a field, text after the closing quote, a field that goes on past the line, a control byte. */
const NOT_SIMPLE = [
      'R-1,2020-01-05,"R""U",,,,approved,,,,',
      'R-1,2020-01-05,R"U,,,,approved,,,,',
      'R-1,2020-01-05,"RU"x,,,,approved,,,,',
      'R-1,2020-01-05,"RU,,,,approved,,,,',
      'R-1,2020-01-05,"R\tU",,,,approved,,,,',
];

// A cell as a log may write it: bare, or quoted (with spaces inside the quotes, that are trimmed).
// GOOD's cells hold commas too (an id ','): quoted, they are one field.
const quotedCell = (cell: string) => fc.constantFrom(cell, `"${cell}"`, `" ${cell} "`);
const quotedLine = fc
  .tuple(...COLUMNS.map((column) => fc.constantFrom(...(GOOD[column] ?? [''])).chain(quotedCell)), fc.constantFrom('', 'x', '"a, b"', '"Escalated, then closed"'))
  .map(([...cells]) => cells.join(','));

describe('readBytes of quoted lines ≡ readFields of what csv-parse reads (property)', () => {
  it('gives the same verdict and keys, quoted fields read in place', () => {
    fc.assert(
      fc.property(quotedLine, fc.nat(7), (one, offset) => {
        const bytes = bytesAt(one, offset, 'latin1');
        const viaBytes = readerOf();
        const viaText = readerOf();
        const fields = (parse(one, { relax_column_count: true }) as string[][])[0]!;
        // Every line here is simple (no doubled quote, one line, ASCII): never declined for its quotes.
        const byText = fields.length === COLUMNS.length + 1 && viaText.readFields(fields);
        expect(viaBytes.readBytes(bytes, 0, one.length, one.includes('"'))).toBe(byText);
        if (byText) expect({ ...viaBytes.out }).toEqual({ ...viaText.out });
      }),
      { numRuns: 2000 },
    );
  });

  it('declines what is not simple: a doubled quote, a quote inside a field, a field that goes on past the line', () => {
    const keys = readerOf();
    for (const one of NOT_SIMPLE) {
      const bytes = Buffer.from(one, 'latin1');
      expect(keys.readBytes(bytes, 0, bytes.length, true)).toBe(false);
    }
    const simple = Buffer.from('"R-1","2020-01-05","RU",," technical-expertise ",,"approved",,,,"a, b"', 'latin1');
    expect(keys.readBytes(simple, 0, simple.length, true)).toBe(true);
  });
});

describe('readScanned ≡ the text path (property)', () => {
  /** What the row scanner and readScanned say of `one` at byte `offset` of a chunk: undefined when the scanner declines it. */
  function scanned(keys: RowKeys, one: string, offset: number): boolean | undefined {
    const scanner = RowScan.create(4096, keys, {})!;
    const bytes = Buffer.alloc(offset + one.length + 1, 0x2c);
    bytes.write(`${one}\n`, offset, 'latin1');
    expect(scanner.scan(bytes, offset, bytes.length)).toBe(1);
    return (scanner.records[1]! & 1) === 0 ? keys.readScanned(scanner.records, 0, scanner.meanings) : undefined;
  }

  it('gives the same verdict and keys as csv-parse and readFields, for the lines it reads', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(line, quotedLine), fc.nat(31), (one, offset) => {
        const viaScan = readerOf();
        const viaText = readerOf();
        const verdict = scanned(viaScan, one, offset);
        // Lines with a byte above 127 or a quote that is not simple are read as text, never scanned.
        if (/[^\x00-\x7f]/.test(one)) expect(verdict).toBeUndefined();
        if (verdict === undefined) return;
        read++;
        const fields = (parse(one, { relax_column_count: true }) as string[][])[0]!;
        const byText = fields.length === COLUMNS.length + 1 && viaText.readFields(fields);
        expect(verdict).toBe(byText);
        if (byText) expect({ ...viaScan.out }).toEqual({ ...viaText.out });
      }),
      { numRuns: 3000 },
    );
    // Most of these lines are simple enough to scan: the comparison above is not vacuous.
    expect(read).toBeGreaterThan(1500);
  });

  it('declines what is not simple, as readBytes does', () => {
    for (const one of [...NOT_SIMPLE, 'R-1,2020-01-05,RU,,,,approved,,,,,', ' ,2020-01-05,RU,,,,approved,,,,']) {
      expect(scanned(readerOf(), one, 0)).toBeUndefined();
    }
    expect(scanned(readerOf(), '"R-1","2020-01-05","RU",," technical-expertise ",,"approved",,,,"a, b"', 0)).toBe(true);
  });
});

describe('ByteMap.getAligned (property)', () => {
  it('finds a stored key at every alignment, and only that key', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: 1, maxLength: 20, selector: (key) => Buffer.from(key).toString('hex') }),
        fc.nat(3),
        fc.nat(7),
        (keys, storedAt, lookedUpAt) => {
          const map = new ByteMap<number>();
          keys.forEach((key, index) => {
            const stored = Buffer.alloc(storedAt + key.length);
            stored.set(key, storedAt);
            expect(map.get(stored, storedAt, stored.length)).toBeUndefined();
            map.setMissed(stored, storedAt, stored.length, index);
          });
          keys.forEach((key, index) => {
            // The key at byte `lookedUpAt` of a view that starts at byte 1 of its buffer.
            const buffer = Buffer.alloc(1 + lookedUpAt + key.length + 4, 0x2c);
            buffer.set(key, 1 + lookedUpAt);
            const bytes = buffer.subarray(1);
            const words = new Int32Array(buffer.buffer, 0, buffer.buffer.byteLength >> 2);
            expect(map.getAligned(bytes, words, bytes.byteOffset, lookedUpAt, lookedUpAt + key.length)).toBe(index);
            expect(map.get(bytes, lookedUpAt, lookedUpAt + key.length)).toBe(index);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('tells apart keys that differ in one byte only (same hash)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat(3), fc.nat(7), (key, at, flip, storedAt, lookedUpAt) => {
        const other = Uint8Array.from(key);
        other[2 + (at % (key.length - 4))]! ^= flip;
        const map = new ByteMap<number>();
        [key, other].forEach((one, index) => {
          const stored = Buffer.alloc(storedAt + one.length);
          stored.set(one, storedAt);
          const known = map.get(stored, storedAt, stored.length);
          if (known === undefined) map.setMissed(stored, storedAt, stored.length, index);
        });
        [key, other].forEach((one, index) => {
          const buffer = Buffer.alloc(1 + lookedUpAt + one.length + 4);
          buffer.set(one, 1 + lookedUpAt);
          const bytes = buffer.subarray(1);
          const words = new Int32Array(buffer.buffer, 0, buffer.buffer.byteLength >> 2);
          const found = map.getAligned(bytes, words, bytes.byteOffset, lookedUpAt, lookedUpAt + one.length);
          expect(found).toBe(index);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
