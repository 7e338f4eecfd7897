// Reading logs on worker threads must change nothing a user can see: for the same logs, every
// command prints the same bytes on stdout and stderr and exits with the same code whether rows are
// read on one thread or on several, and whatever the size of the chunks the files are read in.
//
// TRANSPARENCY_THREADS=N (N ≥ 1) has N threads help the main thread read, for any input size (the
// main thread reads some chunks itself too); 0 turns them off.
// TRANSPARENCY_CHUNK_BYTES=N reads files N bytes at a time, so that small values put chunk
// boundaries inside records, quoted fields, multi-byte characters and CRLF pairs — where splitting
// the work between threads is most likely to go wrong (a line number off by one, a record cut in two,
// a duplicate reported against the wrong row, problems in another order).
// TRANSPARENCY_ID_TABLE=ids keeps ids only in the id table, as for large logs: the first rows of
// repeated ids are then found by a second reading of the files.
// TRANSPARENCY_FIELD_INDEX=off has the threads find the lines and fields of their chunks byte by
// byte in JavaScript, rather than from the records of the WebAssembly row scanner (src/io/row-scan.ts);
// =on has the main thread use the scanner too, as it does for large logs only.
// TRANSPARENCY_THREADS_LATE=N has the threads taken as not running for N chunks, as when they start
// late: the chunks read meanwhile wait for the main thread, and those it has not begun are handed
// over to the threads once they run, in an order the threads must number their cells by.
// TRANSPARENCY_READ_AHEAD=always has the main thread read every chunk it keeps as the threads do
// (its rows read first, then taken in order), not only while it waits for a thread's chunk, which
// depends on timing; =never not at all.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers/run-cli.js';
import { HEADER, INVALID_ROWS, VALID_ROWS, writeTrickyLogs } from '../helpers/tricky-logs.js';

let work: string;

beforeAll(async () => {
  // The CLI is spawned from its bundle, as users run it; `npm test` builds it first.
  if (!existsSync(path.join(ROOT, 'dist/transparency.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(path.join(tmpdir(), 'transparency-threads-'));
  mkdirSync(path.join(work, 'logs'));
  await writeTrickyLogs(path.join(work, 'logs'), 7);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI in the work folder (so that file names in diagnostics are short and stable). */
function run(
  args: readonly string[], threads: number, chunkBytes?: number, cwd = work, idTable?: string, late?: number, fieldIndex?: string, readAhead?: string,
): CliRun {
  return runCli(args, {
    cwd,
    env: {
      NO_COLOR: '1', TRANSPARENCY_THREADS: String(threads), TRANSPARENCY_CHUNK_BYTES: chunkBytes === undefined ? undefined : String(chunkBytes),
      TRANSPARENCY_ID_TABLE: idTable, TRANSPARENCY_THREADS_LATE: late === undefined ? undefined : String(late), TRANSPARENCY_FIELD_INDEX: fieldIndex,
      TRANSPARENCY_READ_AHEAD: readAhead,
    },
  });
}

// The reference is one thread with the default 1 MiB chunks. Threads get chunks of 300 bytes (many
// boundaries inside records), 4 KiB (where the generator cut records at awkward bytes) and 64 KiB
// (ditto, and shorter than the longest line). One thread with 300-byte chunks guards the reference
// itself: if chunking broke the single-thread path too, both could agree and both be wrong.
// With ids only in the id table, the second reading stops inside a file (small chunks), or reads with
// threads (a helper for the first reading, and for the second when many ids repeat). Threads that
// start late are handed the chunks read meanwhile. The main thread reads its chunks ahead always
// (with and without the row scanner, and for a second reading), or never.
const VARIANTS: Array<{ threads: number; chunkBytes: number; idTable?: string; late?: number; fieldIndex?: string; readAhead?: string }> = [
  { threads: 1, chunkBytes: 300 },
  { threads: 1, chunkBytes: 4096 },
  { threads: 2, chunkBytes: 300 },
  { threads: 2, chunkBytes: 4096 },
  { threads: 2, chunkBytes: 65536 },
  { threads: 0, chunkBytes: 300 },
  { threads: 0, chunkBytes: 300, idTable: 'ids' },
  { threads: 1, chunkBytes: 4096, idTable: 'ids' },
  { threads: 2, chunkBytes: 65536, idTable: 'ids' },
  { threads: 1, chunkBytes: 300, late: 3 },
  { threads: 2, chunkBytes: 4096, late: 7 },
  { threads: 0, chunkBytes: 300, fieldIndex: 'on' },
  { threads: 0, chunkBytes: 4096, fieldIndex: 'on' },
  { threads: 1, chunkBytes: 4096, fieldIndex: 'on' },
  { threads: 1, chunkBytes: 300, fieldIndex: 'off' },
  { threads: 2, chunkBytes: 65536, fieldIndex: 'off' },
  { threads: 1, chunkBytes: 300, readAhead: 'always' },
  { threads: 2, chunkBytes: 4096, readAhead: 'always' },
  { threads: 1, chunkBytes: 4096, fieldIndex: 'on', readAhead: 'always' },
  { threads: 1, chunkBytes: 4096, idTable: 'ids', readAhead: 'always' },
  { threads: 2, chunkBytes: 4096, late: 7, readAhead: 'always' },
  { threads: 1, chunkBytes: 4096, readAhead: 'never' },
];

/** The single-thread run of each command, kept for the sanity checks below. */
const references = new Map<string, CliRun>();
function reference(args: string[]): CliRun {
  const key = args.join(' ');
  if (!references.has(key)) references.set(key, run(args, 0));
  return references.get(key)!;
}

const BUILD_JSON = ['build', '--period', '2021H1', '--format', 'json', 'logs'];
const COMPARE = ['compare', '--period', '2021H1', '--with', 'previous', '--format', 'csv', 'logs'];
// Every problem in full (not the first 10,000), and the ledger with the rows outside the period.
const VALIDATE = ['validate', '--period', '2021H1', '--max-problems', '0', 'logs'];
const COMMANDS: Array<[string, string[]]> = [
  ['build csv', ['build', '--period', '2021H1', '--format', 'csv', 'logs']],
  ['build json', BUILD_JSON],
  ['compare', COMPARE],
  ['validate', VALIDATE],
];

describe('threads and chunk sizes do not change any output', () => {
  it.each(COMMANDS)('%s', (_name, args) => {
    const single = reference(args);
    // Exit 1 (invalid rows, a policy violation), not 2 or 3: the logs were read through.
    expect(single.status, single.stderr.slice(-2000)).toBe(1);
    expect(single.stdout.length + single.stderr.length).toBeGreaterThan(1000);
    for (const { threads, chunkBytes, idTable, late, fieldIndex, readAhead } of VARIANTS) {
      const variant = run(args, threads, chunkBytes, work, idTable, late, fieldIndex, readAhead);
      const label = `TRANSPARENCY_THREADS=${threads} TRANSPARENCY_CHUNK_BYTES=${chunkBytes} TRANSPARENCY_ID_TABLE=${idTable} TRANSPARENCY_THREADS_LATE=${late} TRANSPARENCY_FIELD_INDEX=${fieldIndex} TRANSPARENCY_READ_AHEAD=${readAhead}`;
      expect(variant.status, `${label}: exit code`).toBe(single.status);
      expect(variant.stderr, `${label}: stderr`).toBe(single.stderr);
      expect(variant.stdout, `${label}: stdout`).toBe(single.stdout);
    }
  });

  // A test of the test: the logs hold every kind of row, so that agreement above means something.
  it('the reference run meets every tricky case', () => {
    const json = reference(BUILD_JSON);
    const { ledger } = JSON.parse(json.stdout) as { ledger: Record<string, number> };
    expect(ledger.counted).toBeGreaterThan(1000);
    expect(ledger.invalid).toBeGreaterThan(100);
    expect(ledger.duplicate).toBeGreaterThan(50);
    expect(ledger.outsidePeriod).toBeGreaterThan(5000);
    expect(json.stdout).toContain("Côte d'Ivoire");
    // Requests in both periods compared (H1 2021 and H2 2020).
    expect(reference(COMPARE).stdout).toMatch(/^2021H1,2020H2,,TOTAL,all,[1-9]\d*,[1-9]\d*,/m);

    const { stderr } = reference(VALIDATE);
    const lines = stderr.split('\n');
    for (const problem of [
      /^error: logs\/a-lf\.csv:\d+: /, // each file is read…
      /^error: logs\/b-crlf-bom\.csv:\d+: /,
      /^error: logs\/c-no-final-newline\.csv:\d+: /,
      /^(error|warning): logs\/d-utf16\.csv:\d+: /,
      /^warning: logs\/b-crlf-bom\.csv:\d+: id: repeats the request at logs\/a-lf\.csv:\d+ exactly/, // …duplicates across files
      /^warning: logs\/c-no-final-newline\.csv:\d+: id: repeats the request at logs\/c-no-final-newline\.csv:\d+ exactly/,
      /id: the id is already used at .* by a request with different content/,
      /received: "2021-02-30" is not a calendar date/,
      /received: "03\/04\/2021" is ambiguous/,
      /country: unknown country "Atlantis"/,
      /id: is empty/,
      /outcome: is empty/,
      /has 13 fields, the header has 12/,
      /has 5 fields, the header has 12/,
      /a closing quote is followed by other characters/,
      /a quoted field opened on this line is never closed/,
      /the request asks for encryption keys and was approved/,
    ]) {
      expect(lines.some((line) => problem.test(line)), String(problem)).toBe(true);
    }
  });
});

// A chunk with more lines than its slot holds (runs of blank lines: 1 byte each): the thread stops
// where the slot is full and the main thread reads the rest of that chunk itself.
describe('a chunk with more lines than a slot holds', () => {
  it('reads as on one thread', () => {
    const dir = mkdtempSync(path.join(work, 'blank-runs-'));
    const rows: string[] = [];
    for (let block = 0; block < 12; block++) {
      for (let i = 0; i < 150; i++) rows.push(VALID_ROWS[(block + i) % VALID_ROWS.length]!(`B-${block}-${i}`));
      rows.push(...Array<string>(block % 3 === 0 ? 3000 : 400).fill(''));
      rows.push(INVALID_ROWS[block % INVALID_ROWS.length]!(`B-${block}-x`));
    }
    writeFileSync(path.join(dir, 'blank-runs.csv'), `${[HEADER, ...rows].join('\n')}\n`);
    const args = ['validate', '--period', '2021H1', '--max-problems', '0', 'blank-runs.csv'];
    const single = run(args, 0, undefined, dir);
    expect(single.stderr).toMatch(/\b1,?812 rows read/);
    for (const chunkBytes of [4096, 65536]) expect(run(args, 1, chunkBytes, dir)).toEqual(single);
  });
});

// Small random logs, each read in a random chunk size: the threaded reading agrees with one thread
// on whatever mix of rows comes up, not only on the hand-made logs above.
describe('a random log reads the same on threads', () => {
  // A row kind (valid twice: mostly valid rows) and a number that picks the template or earlier row.
  const op = fc.tuple(fc.constantFrom('valid', 'valid', 'invalid', 'duplicate', 'conflict', 'blank'), fc.nat());
  interface RandomLog { ops: Array<[string, number]>; eol: string; bom: boolean; finalNewline: boolean; chunkBytes: number }
  const log: fc.Arbitrary<RandomLog> = fc.record({
    ops: fc.array(op, { minLength: 1, maxLength: 80 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    chunkBytes: fc.integer({ min: 16, max: 1024 }),
  });

  function render({ ops, eol, bom, finalNewline }: RandomLog): string {
    const records: string[] = [];
    for (const [index, [kind, n]] of ops.entries()) {
      const id = `R-${index}`;
      const earlier = records.filter((record) => record !== '');
      if (kind === 'valid' || (earlier.length === 0 && kind !== 'blank')) records.push(VALID_ROWS[n % VALID_ROWS.length]!(id));
      else if (kind === 'invalid') records.push(INVALID_ROWS[n % INVALID_ROWS.length]!(id));
      else if (kind === 'duplicate') records.push(earlier[n % earlier.length]!);
      else if (kind === 'conflict') records.push(`${earlier[n % earlier.length]!.split(',')[0]},2021-01-15,PL,law-enforcement,,IOC sharing,rejected,,,,,`);
      else records.push('');
    }
    const text = [HEADER, ...records].join(eol);
    return (bom ? '\uFEFF' : '') + text + (finalNewline ? eol : '');
  }

  it('threads=2, and one thread with the main thread reading ahead, print what threads=0 prints, for any chunk size', () => {
    const dir = mkdtempSync(path.join(work, 'random-'));
    const args = ['build', '--period', '2021H1', '--format', 'json', 'random.csv'];
    fc.assert(
      fc.property(log, (input) => {
        writeFileSync(path.join(dir, 'random.csv'), render(input));
        const single = run(args, 0, undefined, dir);
        const threaded = run(args, 2, input.chunkBytes, dir);
        // One helper, the main thread reading every chunk it keeps ahead of its turn.
        const ahead = run(args, 1, input.chunkBytes, dir, undefined, undefined, undefined, 'always');
        expect(single.status === 0 || single.status === 1, single.stderr).toBe(true);
        expect(threaded).toEqual(single);
        expect(ahead).toEqual(single);
      }),
      { numRuns: 15 },
    );
  });
});

// The row scanner maps fields to columns by the header its reader has read: a file whose header
// orders the columns otherwise must be read by its own header, not the last file's (a chunk that
// holds a header is read without the scanner). Here the second file swaps the id and the agency,
// so that read by the first file's header its rows would all be "valid", with wrong ids.
describe('files whose headers order the columns differently', () => {
  it('give the report the same files in one order give, with the scanner or without, on threads or not', () => {
    const dir = path.join(work, 'orders');
    mkdirSync(path.join(dir, 'same'), { recursive: true });
    mkdirSync(path.join(dir, 'swapped'), { recursive: true });
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    const write = (file: string, rows: string[][]) => writeFileSync(file, `${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`);
    const [first, second] = ['cases-2020-h1.csv', 'cases-2020-h2.csv'].map(
      (name) => parse(readFileSync(path.join(ROOT, 'fixtures/logs/2020', name)), { relax_column_count: true }) as string[][],
    );
    const idAt = second![0]!.indexOf('ID');
    const agencyAt = second![0]!.indexOf('Agency');
    expect([idAt, agencyAt]).toEqual([0, 10]);
    for (const folder of ['same', 'swapped']) write(path.join(dir, folder, 'a.csv'), first!);
    write(path.join(dir, 'same', 'b.csv'), second!);
    write(path.join(dir, 'swapped', 'b.csv'), second!.map((row) => row.map((cell, at) => row[at === idAt ? agencyAt : at === agencyAt ? idAt : at] ?? cell)));
    const args = (folder: string) => ['build', '--period', '2020', '--format', 'json', path.join('orders', folder)];
    const expected = run(args('same'), 0, undefined, work, undefined, undefined, 'off');
    expect(expected.stdout).toContain('"counted"');
    for (const [threads, chunkBytes, fieldIndex] of [[0, undefined, 'off'], [0, undefined, 'on'], [0, 4096, 'on'], [1, 4096, 'on'], [2, 300, 'on']] as const) {
      const swapped = run(args('swapped'), threads, chunkBytes, work, undefined, undefined, fieldIndex);
      const label = `threads ${threads}, chunks ${chunkBytes}, scanner ${fieldIndex}`;
      expect(swapped.status, label).toBe(expected.status);
      expect(swapped.stdout.replaceAll('swapped', 'same'), label).toBe(expected.stdout);
    }
  });
});
