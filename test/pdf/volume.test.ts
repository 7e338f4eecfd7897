// The volume layout, built through the CLI as a user would: one table of total requests, of which
// user data and of which technical, per country and TOTAL, as the H1 2021 publication prints it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';
import { parseRow, readPdf, type ReadPdf } from './extract.js';

const PUBLISHED = new URL('../../fixtures/published/kaspersky-2021h1-published.csv', import.meta.url);

describe('the H1 2021 PDF in the volume layout', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'transparency-volume-'));
  let pdf: ReadPdf;
  let lines: string[];
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  beforeAll(async () => {
    const out = path.join(folder, 'x.pdf');
    const run = runCli(['build', '--period', '2021H1', fixture('logs/2021h1'), '--layout', 'volume', '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    pdf = await readPdf(new Uint8Array(readFileSync(out)));
    lines = pdf.pages.flat();
  });

  it('prints every published country with its three numbers in order, then TOTAL 105 16 89', () => {
    const [, ...published] = readFileSync(PUBLISHED, 'utf8').trim().split('\n');
    const expected = published.map((line) => {
      const [name, ...numbers] = line.split(',');
      return { name: name!, numbers: numbers.map(Number) };
    });
    const start = lines.indexOf('Country Total requests of which user data of which technical');
    expect(start).toBeGreaterThanOrEqual(0);
    const rows = lines.slice(start + 1).map(parseRow).filter((row) => row !== null && row.numbers.length === 3);
    expect(rows.slice(0, expected.length + 1)).toEqual([...expected, { name: 'TOTAL', numbers: [105, 16, 89] }]);
  });

  it('shows that one table instead of the two outcome tables, and a chart stacked by category', () => {
    expect(lines).not.toContain('Requests for Non-Personal Technical Information & Expertise');
    expect(lines).not.toContain('Requests for User Data');
    expect(lines).toContain('Requests by country');
    expect(lines.some((line) => line.startsWith('Requests Technical information & expertise User data'))).toBe(true);
    expect(pdf.alts.some((alt) => alt.includes('stacked by category.') && alt.includes('Russia 49'))).toBe(true);
    // The definitions name the volume columns, not the outcome tables' ones.
    expect(lines.join(' ')).toContain('of which user data: of them, the requests for user data.');
    expect(lines.some((line) => line.startsWith('%:'))).toBe(false);
  });
});
