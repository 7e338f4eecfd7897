// Every output format tells the same numbers, and the same requests give the same bytes whatever
// the order of the rows or how they are split into files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Report } from '../../src/core/report.js';
import { ReportSchema } from '../../src/core/schemas.js';
import { readPdf } from '../pdf/extract.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

function tempFile(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'transparency-formats-')), name);
}

describe.each([
  ['2020', 'fixtures/logs/2020'],
  ['2021H1', 'fixtures/logs/2021h1'],
])('%s: table, CSV, JSON and PDF agree on every count', (period, logs) => {
  const json = ReportSchema.parse(JSON.parse(runCli(['build', '-p', period, logs, '-f', 'json']).stdout)) as Report;
  const rows = [...json.rows, json.total];

  it('CSV round-trips through csv-parse to the JSON numbers', () => {
    const csv = parse(runCli(['build', '-p', period, logs, '-f', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    const expected = rows.flatMap((row) =>
      row.cells.map((cell) => ({
        period: json.period.id,
        country_code: row.code ?? '',
        country: row.name,
        category: cell.category,
        outcome: cell.outcome,
        count: String(cell.count),
        percent: String(cell.percent),
      })),
    );
    expect(csv).toEqual(expected);
  });

  it('the table prints each row of the JSON', () => {
    const table = runCli(['build', '-p', period, logs]).stdout;
    for (const row of rows) {
      const figures = row.cells.map((cell) => `${cell.count}\\s+\\(${cell.percent}%\\)`).join('\\s+│\\s+');
      expect(table, row.name).toMatch(new RegExp(`│ ${row.name}\\s+│\\s+${figures}\\s+│\\s+${row.total.count} │`));
    }
  });

  it('the PDF prints each row of the JSON, in both category tables', async () => {
    const out = tempFile('report.pdf');
    runCli(['build', '-p', period, logs, '--out', out], { env: EPOCH });
    const text = (await readPdf(new Uint8Array(readFileSync(out)))).pages.flat();
    for (const category of json.categories) {
      for (const row of rows) {
        const cells = row.cells.filter((cell) => cell.category === category).flatMap((cell) => [String(cell.count), `${cell.percent}%`]);
        const line = [row.code === null ? 'TOTAL' : row.name, ...cells, String(row.total.count)].join(' ');
        expect(text, `${category} ${row.name}`).toContain(line);
      }
    }
  });
});

describe('order and split do not matter', () => {
  const header = readFileSync(fixture('logs/2021h1/cases-2021-h1.csv'), 'utf8').split('\n')[0]!;
  // Records, not lines: some notes span lines. Split the file at record starts (a line starting with an id).
  const body = readFileSync(fixture('logs/2021h1/cases-2021-h1.csv'), 'utf8').split('\n').slice(1).join('\n');
  const records = body.split(/\n(?=(?:LE|USR)-\d{4}-\d{4},)/).map((record) => record.replace(/\n$/, ''));
  const reference = Object.fromEntries(
    ['csv', 'json'].map((format) => [format, runCli(['build', '-p', '2021H1', 'fixtures/logs/2021h1', '-f', format]).stdout]),
  );
  const referencePdf = (() => {
    const out = tempFile('reference.pdf');
    runCli(['build', '-p', '2021H1', 'fixtures/logs/2021h1', '--out', out], { env: EPOCH });
    return readFileSync(out);
  })();

  it('shuffled rows in any number of files give byte-identical CSV, JSON and PDF', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), fc.integer({ min: 1, max: 4 }), (shuffled, parts) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'transparency-split-'));
        const size = Math.ceil(shuffled.length / parts);
        for (let part = 0; part < parts; part++) {
          writeFileSync(path.join(dir, `part-${part}.csv`), `${header}\n${shuffled.slice(part * size, (part + 1) * size).join('\n')}\n`);
        }
        for (const format of ['csv', 'json']) {
          const output = runCli(['build', '-p', '2021H1', dir, '-f', format]).stdout;
          expect(output).toBe(reference[format]);
        }
        const out = path.join(dir, 'report.pdf');
        runCli(['build', '-p', '2021H1', dir, '--out', out], { env: EPOCH });
        expect(readFileSync(out).equals(referencePdf)).toBe(true);
      }),
      { numRuns: 4 },
    );
  });

  it('the records split right (a test of the test)', () => {
    expect(records).toHaveLength(113);
  });
});
