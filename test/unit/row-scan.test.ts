// The row scanner (src/io/row-scan.ts, row-scan.wat): a WebAssembly SIMD module reads a chunk's lines
// 64 bytes at a time and gives each a record that RowKeys.readScanned trusts instead of splitting the
// row: where the line ends, whether it may be read from the record at all, its id's hash, and for
// each cell a dictionary number (or its day). A record that says "scanned" for a line the rules
// would not read, or a number for bytes other than the cell's, would miscount a report silently. So
// every record is compared with a byte-by-byte reference of those rules, wherever the lines fall in
// the module's blocks of 64; and the module must be the one its source compiles to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRowScan } from '../../scripts/build-wasm.mjs';
import { SCAN_DAY, SCAN_WORDS, type ScanKeys } from '../../src/core/fast-row.js';
import { HASH_OUT, hashBytes } from '../../src/core/hash.js';
import { dayOfBytes } from '../../src/core/log-days.js';
import { ROW_SCAN_WASM } from '../../src/io/row-scan-wasm.js';
import { RowScan } from '../../src/io/row-scan.js';

const TODAY = 20240615;
type Layout = { at: Int32Array; width: number };
const latin1 = (bytes: Uint8Array, s: number, e: number) => Buffer.from(bytes.subarray(s, e)).toString('latin1');

/** ScanKeys that logs what meaningOf is asked and answers 1000 + the call's index, so that an entry's meaning says which bytes it holds. */
class FakeKeys implements ScanKeys {
  readonly today = TODAY;
  readonly asked: string[] = [];
  constructor(public layout: Layout) {}
  fieldLayout(): Layout {
    return this.layout;
  }
  meaningOf(column: number, bytes: Uint8Array, start: number, end: number): number {
    return 1000 + this.asked.push(`${column}:${JSON.stringify(latin1(bytes, start, end))}`) - 1;
  }
  /** "column:text" of dictionary entry `entry`. */
  entry(scanner: RowScan, entry: number): string | undefined {
    return this.asked[scanner.meanings[entry]! - 1000];
  }
}

// Fields 0-9 are the columns in COLUMNS order; fields 10 and 11 no column reads.
const WIDE: Layout = { at: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), width: 12 };
// The columns in other fields, country and request_type absent (their empty cell); fields 3, 6 unread.
const SHUFFLED: Layout = { at: Int32Array.from([4, 7, -1, 0, 9, -1, 2, 1, 5, 8]), width: 10 };
// Without an id no line can be read from its record.
const NO_ID: Layout = { at: Int32Array.from([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8]), width: 9 };

const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/**
 * YYYYMMDD when `text` is exactly a calendar date YYYY-MM-DD no later than TODAY, or such a date with
 * a time on that same UTC day (THH:MM:SS, then Z or an offset ±HH:MM), else 0.
 */
function dayOf(text: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[Tt ](\d\d):(\d\d):(\d\d)(?:[Zz]|([+-])(\d\d):(\d\d)))?$/.exec(text);
  if (!m) return 0;
  if (m[4] !== undefined) {
    const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
    const offset = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
    if (hour > 23 || minute > 59 || second > 59 || Number(m[8] ?? 0) > 18 || Number(m[9] ?? 0) > 59) return 0;
    const utc = hour * 60 + minute - offset;
    if (utc < 0 || utc >= 1440) return 0;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  const value = year * 10000 + month * 100 + day;
  return day >= 1 && day <= last && value <= TODAY ? value : 0;
}

/** The [start, end) of each field's text (between its quotes when quoted), or undefined when a quote is odd. */
function fieldsOf(bytes: Uint8Array, s: number, e: number): [number, number][] | undefined {
  const fields: [number, number][] = [];
  for (let i = s; ; ) {
    if (bytes[i] === 34 && i < e) {
      const close = bytes.indexOf(34, i + 1);
      if (close < 0 || close >= e || (close + 1 < e && bytes[close + 1] !== 44)) return undefined;
      fields.push([i + 1, close]);
      if (close + 1 === e) return fields;
      i = close + 2;
    } else {
      let j = i;
      while (j < e && bytes[j] !== 44) j++;
      if (bytes.subarray(i, j).includes(34)) return undefined;
      fields.push([i, j]);
      if (j === e) return fields;
      i = j + 1;
    }
  }
}

interface Line {
  newline: number;
  scanned: boolean;
  quoted: boolean;
  id?: [number, number];
  cells?: ([number, number] | undefined)[]; // by column 1-9 (index 0 unused); undefined: absent
}

/** The scanner's rules, byte by byte: the lines of bytes[start, length) that end in a '\n'. */
function reference(bytes: Uint8Array, start: number, length: number, { at, width }: Layout): Line[] {
  const lines: Line[] = [];
  for (let from = start, nl = bytes.indexOf(10, from); nl >= 0 && nl < length; from = nl + 1, nl = bytes.indexOf(10, from)) {
    const e = nl > from && bytes[nl - 1] === 13 ? nl - 1 : nl;
    const text = bytes.subarray(from, e);
    const quoted = text.includes(34);
    const fields = fieldsOf(bytes, from, e);
    let scanned = fields?.length === width && !text.some((b) => b >= 0x80) && !(quoted && text.some((b) => b < 32 || b === 0x7f));
    let id: [number, number] | undefined;
    if (scanned && at[0]! >= 0) {
      let [is, ie] = fields![at[0]!]!;
      while (is < ie && isSpace(bytes[is]!)) is++;
      while (ie > is && isSpace(bytes[ie - 1]!)) ie--;
      id = [is, ie];
    }
    scanned &&= id !== undefined && id[0] < id[1];
    const cells = scanned ? [...at].map((field) => (field < 0 ? undefined : fields![field])) : undefined;
    lines.push({ newline: nl, scanned, quoted, ...(scanned ? { id, cells } : {}) });
  }
  return lines;
}

/** Scans bytes[start, length) and compares every record with the reference. */
function expectScan(scanner: RowScan, keys: FakeKeys, bytes: Uint8Array, start: number, length: number): void {
  const want = reference(bytes, start, length, keys.layout);
  const count = scanner.scan(bytes, start, length);
  expect(count).toBe(Math.min(want.length, scanner.maxLines));
  for (let i = 0; i < count; i++) {
    const r = scanner.records.subarray(i * SCAN_WORDS, (i + 1) * SCAN_WORDS);
    const line = want[i]!;
    const what = `line ${i}: ${JSON.stringify(latin1(bytes, i ? want[i - 1]!.newline + 1 : start, line.newline))}`;
    expect({ newline: r[0], scanned: (r[1]! & 1) === 0, quoted: (r[1]! & 2) !== 0 }, what).toEqual({
      newline: line.newline,
      scanned: line.scanned,
      quoted: line.quoted,
    });
    if (!line.scanned) continue;
    hashBytes(bytes, line.id![0], line.id![1]);
    expect([r[2], r[3]], `${what}: id hash`).toEqual([HASH_OUT[0], HASH_OUT[1]]);
    for (let c = 1; c <= 9; c++) {
      const [s, e] = line.cells![c] ?? [0, 0];
      const day = c === 1 || c === 8 ? dayOf(latin1(bytes, s, e)) : 0;
      if (day) expect(dayOfBytes(bytes, s, e, TODAY)).toBe(day);
      const word = r[3 + c]!;
      const got = word & SCAN_DAY ? `day ${word ^ SCAN_DAY}` : keys.entry(scanner, word);
      expect(got, `${what}: column ${c}`).toBe(day ? `day ${day}` : `${c}:${JSON.stringify(latin1(bytes, s, e))}`);
    }
  }
}

// Cells a log holds, and those next to the rules' edges. The strings are bytes (latin1): é is UTF-8.
const PLAIN = ['R-1', ' R-2 ', 'R-3\t', '\x0b\x0cR-6\r', 'RU', 'US', 'United States', 'approved', '', '', 'abcdefgh', 'abcdefghi'];
const DATES = ['2020-01-05', '2020-02-29', '2021-02-29', '2020-02-30', '2020-13-01', '2020-00-10', '2020-04-31', '2020-01-00',
  '1900-02-29', '2000-02-29', '2024-06-15', '2024-06-16', '2030-01-01', ' 2020-01-05', '2020-01-05 ', '03/04/2020', '2020/01/05',
  // Times: on their UTC day, or not (another day, out of range, another form).
  '2020-01-05T10:20:30Z', '2020-01-05t00:00:00z', '2020-01-05 23:59:59Z', '2020-01-05T10:00:00+05:30', '2020-01-05T20:00:00-03:59',
  '2020-01-05T20:00:00-04:00', '2020-01-05T02:00:00+02:01', '2020-01-05T24:00:00Z', '2020-01-05T10:60:00Z', '2020-01-05T10:00:60Z',
  '2020-01-05T10:00:00+19:00', '2020-01-05T10:00:00+05:60', '2020-02-30T10:00:00Z', '2024-06-16T00:00:00Z', '2020-01-05X10:00:00Z',
  '2020-01-05T10:00:00', '2020-01-05T10:00:00.000Z', ' 2020-01-05T10:00:00Z', '2020-01-05T1a:00:00Z', '2020-01-05T10:00:00+0530'];
// 16 and 17 bytes either side of the dictionary's short-key limit, and long keys that differ only past 16.
const LONG = ['abcdefghijklmnop', 'abcdefghijklmnopq', 'abcdefghijklmnopr', 'emergency disclosure request',
  'court order for subscriber data (US)', 'abcdefghijklmnopqrstuvwxyz0123456789ABCD', 'abcdefghijklmnopqrstuvwxyz0123456789ABCE'];
const QUOTED = ['"a, b"', '""', '"2020-01-05"', '" R-4 "', '"R-5"', '"abcdefghijklmnopq, rs"'];
const ODD = ['"x""y"', 'a"b', 'a"b"', '"a"b', '"a" ', '"open', '"', '"a,b', 'a\tb', 'a\x7fb', 'a\rb', '\x80', 'caf\xc3\xa9', '\x01'];
const word = (alphabet: string[], minLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength, maxLength: 40 }).map((chars) => chars.join(''));
const safeCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN, ...DATES, ...LONG) },
  { weight: 1, arbitrary: fc.constantFrom(...QUOTED) },
  { weight: 2, arbitrary: word(['a', 'b', '-', '1', ' '], 0) },
  { weight: 1, arbitrary: word(['a', 'b', 'c', 'd', 'e', 'f'], 17) },
);
const oddCell = fc.oneof(fc.constantFrom(...ODD), word(['a', ',', '"', ' ', '\t', '\r', '\x7f', '\x80', '\n', '2'], 1));
/**
 * A line of about `width` fields (sometimes more or fewer), without its end: safe cells, and
 * sometimes one odd cell among them, so that most lines break no rule or just one.
 */
const lineOf = (width: number) =>
  fc
    .tuple(
      fc.array(safeCell, { minLength: width + 2, maxLength: width + 2 }),
      fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 2 }) }),
      fc.option(fc.tuple(fc.nat(width + 1), oddCell)),
    )
    .map(([cells, more, odd]) => {
      if (odd) cells[odd[0]] = odd[1];
      return cells.slice(0, Math.max(0, width + more)).join(',');
    });
/** A chunk: bytes before `start` and past `length` (neither scanned), lines ending LF or CRLF, the last maybe unended. */
const chunk = fc.constantFrom(WIDE, SHUFFLED, NO_ID).chain((layout) =>
  fc.record({
    layout: fc.constant(layout),
    before: fc.uint8Array({ maxLength: 40 }),
    lines: fc.array(fc.tuple(lineOf(layout.width), fc.constantFrom('\n', '\r\n')), { maxLength: 20 }),
    last: fc.option(lineOf(layout.width)),
    after: fc.uint8Array({ maxLength: 20 }),
  }),
);

/** `count` lines of `width` plain fields (an id only, when width is 1). */
function plainLines(count: number, width: number): Buffer {
  const fields = ['R-1', '2020-01-05', 'RU', 'police', 'law', 'emergency disclosure request', 'approved', '', '2020-01-06', 'yes'];
  const line = Array.from({ length: width }, (_, f) => fields[f] ?? 'x').join(',');
  return Buffer.from(`${line}\n`.repeat(count));
}
/** Only the id, in field 0. */
const ID_ONLY: Layout = { at: Int32Array.from([0, -1, -1, -1, -1, -1, -1, -1, -1, -1]), width: 1 };

describe('RowScan', () => {
  it('is the module row-scan.wat compiles to (run node scripts/build-wasm.mjs after changing it)', async () => {
    expect(ROW_SCAN_WASM).toBe(await compileRowScan());
  });

  it('gives every line the record the reference rules give it, wherever its bytes fall (property)', () => {
    const keys = new FakeKeys(WIDE);
    const scanner = RowScan.create(4096, keys)!;
    expect(scanner).toBeDefined();
    fc.assert(
      fc.property(chunk, ({ layout, before, lines, last, after }) => {
        keys.layout = layout;
        const text = Buffer.from(lines.map(([line, end]) => line + end).join('') + (last ?? ''), 'latin1');
        const bytes = Buffer.concat([before, text, after]);
        expectScan(scanner, keys, bytes, before.length, before.length + text.length);
        // One dictionary entry for each distinct cell of a column, over every chunk so far.
        expect(new Set(keys.asked).size).toBe(keys.asked.length);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same cell the same number in every scan and chunk, and asks its meaning once', () => {
    const keys = new FakeKeys(WIDE);
    const scanner = RowScan.create(4096, keys)!;
    // The request types (column 5) are 24 bytes with the same first 16 and the same dictionary hash
    // (found by a search over row-scan.wat's $keyHash): only comparing the rest tells them apart.
    const rows = [
      'R-1,2020-01-05,RU,RU,law,emergency disclounfzhhql,approved,,2030-01-01,yes,x,y',
      ' R-2,2020-02-30,US,RU,law,emergency disclopktjxsah,approved,none,2020-01-05,"yes",x,y',
    ];
    const wordsOf = (count: number) =>
      Array.from({ length: count }, (_, i) => [...scanner.records.subarray(i * SCAN_WORDS + 2, (i + 1) * SCAN_WORDS)]);
    const first = Buffer.from(rows.map((row) => `${row}\n`).join(''));
    expectScan(scanner, keys, first, 0, first.length);
    // The empty cell of each column is entry c, made first.
    expect(keys.asked.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, c) => `${c}:""`));
    const words = wordsOf(2);
    const asked = keys.asked.length;
    expect(scanner.scan(first, 0, first.length)).toBe(2);
    expect(wordsOf(2)).toEqual(words);
    // The rows swapped, with CRLF, at another place in another chunk.
    const second = Buffer.from(`junk\n${rows[1]}\r\n${rows[0]}\r\n`);
    expectScan(scanner, keys, second, 5, second.length);
    expect(wordsOf(2)).toEqual([words[1], words[0]]);
    expect(keys.asked.length).toBe(asked);
    // The same bytes in another column are another entry; the long cells are two.
    const cell = (row: number, c: number) => words[row]![c + 1];
    expect(cell(0, 2)).not.toBe(cell(0, 3));
    expect(cell(0, 3)).toBe(cell(1, 3));
    expect(cell(0, 5)).not.toBe(cell(1, 5));
    expect([4, 6, 9].map((c) => cell(0, c))).toEqual([4, 6, 9].map((c) => cell(1, c)));
    expect(keys.asked.slice(10).sort()).toEqual(
      ['2:"RU"', '3:"RU"', '4:"law"', '5:"emergency disclounfzhhql"', '6:"approved"', '8:"2030-01-01"', '9:"yes"',
        '1:"2020-02-30"', '2:"US"', '5:"emergency disclopktjxsah"', '7:"none"'].sort(),
    );
  });

  it('writes no more than maxLines records', () => {
    const keys = new FakeKeys(ID_ONLY);
    const scanner = RowScan.create(1024, keys)!;
    expect(scanner.maxLines).toBe(64);
    for (const count of [63, 64, 65, 256]) {
      const bytes = plainLines(count, 1);
      const lines = bytes.filter((b) => b === 10).length;
      expect(scanner.scan(bytes, 0, bytes.length)).toBe(Math.min(lines, 64));
      expectScan(scanner, keys, bytes, 0, bytes.length);
    }
  });

  it('declines a chunk longer than its own (-1)', () => {
    const keys = new FakeKeys(ID_ONLY);
    const scanner = RowScan.create(1000, keys)!; // 1008 bytes: a whole number of blocks
    const bytes = plainLines(300, 1).subarray(0, 1009);
    expect(scanner.scan(bytes, 0, 1009)).toBe(-1);
    expect(scanner.scan(bytes, 500, 1009)).toBe(-1);
    expect(scanner.scan(bytes, 0, 1008)).toBeGreaterThan(0);
  });

  it('scans no line of a file whose columns lie past its table of 256 fields', () => {
    const at = (last: number) => Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, last]);
    const kinds = (layout: Layout, lineWidth: number) => {
      const keys = new FakeKeys(layout);
      const scanner = RowScan.create(1 << 16, keys)!;
      const bytes = plainLines(3, lineWidth);
      const count = scanner.scan(bytes, 0, bytes.length);
      return Array.from({ length: count }, (_, i) => scanner.records[i * SCAN_WORDS + 1]! & 1);
    };
    // At the table's edge, lines are scanned: past it, none is.
    expect(kinds({ at: at(9), width: 256 }, 256)).toEqual([0, 0, 0]);
    expect(kinds({ at: at(255), width: 256 }, 256)).toEqual([0, 0, 0]);
    expect(kinds({ at: at(9), width: 257 }, 257)).toEqual([1, 1, 1]);
    expect(kinds({ at: at(256), width: 257 }, 257)).toEqual([1, 1, 1]);
    expect(kinds({ at: at(300), width: 12 }, 12)).toEqual([1, 1, 1]);
  });

  it('declines a row with a new cell once the dictionary is full, and goes on reading rows whose cells it holds', () => {
    // The id and the country only; entries 0-9 are the columns' empty cells.
    const layout: Layout = { at: Int32Array.from([0, -1, 1, -1, -1, -1, -1, -1, -1, -1]), width: 2 };
    const bytes = Buffer.from('R-1,RU\nR-2,DE\nR-3,FR\nR-4,RU\nR-5,\n');
    for (const limits of [{ entries: 12, bytes: 1 << 10 }, { entries: 1 << 10, bytes: 4 }]) {
      const keys = new FakeKeys(layout);
      const scanner = RowScan.create(1024, keys, {}, limits)!;
      expect(scanner.scan(bytes, 0, bytes.length)).toBe(5);
      const record = (line: number) => scanner.records.subarray(line * SCAN_WORDS, (line + 1) * SCAN_WORDS);
      expect([0, 1, 2, 3, 4].map((line) => record(line)[1]! & 1)).toEqual([0, 0, 1, 0, 0]);
      expect([0, 1, 3, 4].map((line) => record(line)[5])).toEqual([10, 11, 10, 2]);
      expect(keys.asked.slice(10)).toEqual(['2:"RU"', '2:"DE"']);
    }
  });

  it('is off with TRANSPARENCY_FIELD_INDEX=off', () => {
    expect(RowScan.create(1024, new FakeKeys(WIDE), { TRANSPARENCY_FIELD_INDEX: 'off' })).toBeUndefined();
  });
});
