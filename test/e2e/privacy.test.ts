// The privacy boundary: published outputs (table, CSV, JSON, PDF) carry aggregates and the config's
// texts only. fixtures/privacy/markers.csv puts a marker in every cell a log row can hold (ids,
// request types, agencies, notes, and invalid values that end up in diagnostics); none may reach
// stdout or an output file. Diagnostics on stderr and `explain` (ids only) are where they may appear.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../pdf/extract.js';
import { runCli } from '../helpers/run-cli.js';

const LOG = 'fixtures/privacy/markers.csv';
const MARKER = /MARKER/;
const BUILD = ['build', '--period', '2021', LOG];

describe('no row content in published outputs', () => {
  it.each([
    ['table', []],
    ['csv authorities', ['--format', 'csv']],
    ['csv users', ['--format', 'csv', '--report', 'users']],
    ['csv timing', ['--format', 'csv', '--report', 'timing']],
    ['csv notices', ['--format', 'csv', '--report', 'notices']],
    ['json', ['--format', 'json']],
    ['volume table', ['--layout', 'volume']],
    ['min-cell json', ['--format', 'json', '--min-cell', '3']],
  ])('%s', (_, args) => {
    const run = runCli([...BUILD, ...args]);
    expect(run.status).toBe(1); // the file has invalid rows and a policy violation
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(MARKER);
  });

  it('pdf', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'transparency-privacy-')), 'report.pdf');
    const run = runCli([...BUILD, '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.status).toBe(1);
    const bytes = readFileSync(out);
    expect(bytes.toString('latin1')).not.toMatch(MARKER);
    const pdf = await readPdf(new Uint8Array(bytes));
    expect(pdf.pages.flat().join('\n')).not.toMatch(MARKER);
    expect(JSON.stringify(pdf.info)).not.toMatch(MARKER);
  });

  it('compare, periods and query print aggregates only', () => {
    for (const args of [
      ['compare', '-p', '2021Q1', '-w', '2020Q4', LOG, '-f', 'csv'],
      ['periods', LOG, '-f', 'json'],
      ['query', '--by', 'country,category,outcome,month', LOG, '-f', 'json'],
    ]) {
      expect(runCli(args).stdout).not.toMatch(MARKER);
    }
  });

  it('explain prints ids and locations, and nothing else of the rows', () => {
    const run = runCli(['explain', '--period', '2021', '--requester', 'all', LOG]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      `MARKER-ID-0001\t${LOG}:2`,
      `MARKER-ID-0002\t${LOG}:3`,
      `MARKER-ID-0003\t${LOG}:4`,
      `MARKER-ID-0004\t${LOG}:6`,
      `MARKER-ID-0007\t${LOG}:10`,
    ]);
    expect(run.stdout.replace(/MARKER-ID-\d+/g, '')).not.toMatch(MARKER);
  });

  it('diagnostics on stderr say what is wrong, quoting the cell: the operator must be able to fix it', () => {
    const run = runCli(['validate', LOG]);
    expect(run.stderr).toContain('unknown country "MARKER-COUNTRY"');
    expect(run.stdout).toBe('');
  });
});
