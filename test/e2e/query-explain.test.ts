// `query` and `explain` end to end: the answers a script or an auditor relies on.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('query', () => {
  it('with no --by, one number: the example of the README', () => {
    const run = runCli(['query', '--period', '2020', '--country', 'RU', '--outcome', 'rejected', 'fixtures/logs']);
    expect(run).toEqual({ stdout: '58\n', stderr: '', status: 0 });
  });

  it('any spelling of a country; several countries; categories', () => {
    const one = (args: string[]) => runCli(['query', '-p', '2020', ...args, 'fixtures/logs']).stdout;
    expect(one(['--country', 'Russian Federation', '--category', 'user-data'])).toBe('27\n');
    expect(one(['--country', 'rus', '--country', 'FR', '--category', 'User Data'])).toBe('28\n');
    expect(one(['--country', 'KR,JP'])).toBe('34\n');
    expect(one([])).toBe('160\n');
    expect(one(['--requester', 'user'])).toBe('12\n');
    expect(one(['--requester', 'all'])).toBe('172\n');
  });

  it('--by groups in the order given, with shares of the filtered total that add to 100', () => {
    const run = runCli(['query', '-p', '2020', '--country', 'RU', '--by', 'category,outcome', '-f', 'csv', 'fixtures/logs']);
    expect(run.stdout).toBe(
      [
        'category,outcome,count,share',
        'technical-expertise,approved,35,37.7',
        'technical-expertise,rejected,31,33.3',
        'user-data,rejected,27,29.0',
        '',
      ].join('\r\n'),
    );
  });

  it('--by country gives the code and the name; by half and month sort in time', () => {
    const rows = parse(runCli(['query', '--by', 'half,country', '-f', 'csv', 'fixtures/logs']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(['half', 'country_code', 'country', 'count', 'share']);
    expect(rows.map((row) => row.half)).toEqual([...rows.map((row) => row.half!)].sort());
    const months = runCli(['query', '--by', 'month', '-p', '2020', '-f', 'json', 'fixtures/logs']);
    const document = JSON.parse(months.stdout) as { total: number; rows: Array<{ month: string; count: number }> };
    expect(document.rows.map((row) => row.month)).toEqual(Array.from({ length: 12 }, (_, index) => `2020-${String(index + 1).padStart(2, '0')}`));
    expect(document.rows.reduce((sum, row) => sum + row.count, 0)).toBe(document.total);
  });

  it('as a table, with a TOTAL row', () => {
    const run = runCli(['query', '-p', '2020', '--by', 'outcome', 'fixtures/logs']);
    expect(run.stdout).toMatch(/│ approved\s+│\s+101 │\s+63\.1 │/);
    expect(run.stdout).toMatch(/│ TOTAL\s+│\s+160 │\s+100\.0 │/);
  });

  it('refuses unknown filter values with the closest match, and unknown dimensions', () => {
    const country = runCli(['query', '--country', 'Marocco', 'fixtures/logs']);
    expect(country.status).toBe(2);
    expect(country.stderr).toBe('error: --country: unknown country "Marocco"; did you mean Morocco?\n');
    const by = runCli(['query', '--by', 'country,weekday', 'fixtures/logs']);
    expect(by.status).toBe(2);
    expect(by.stderr).toContain('"weekday" is not a dimension; use any of country, category, outcome, requester, month, quarter, half, year');
  });

  it('says on stderr that invalid rows are left out, and exits 1; stdout still holds the answer', () => {
    const run = runCli(['query', 'fixtures/bad/bad-values.csv']);
    expect(run.stdout).toBe('1\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('error: 7 invalid rows not counted in this answer (8 errors, 0 warnings in the logs; run transparency validate for the list)\n');
  });
});

describe('explain', () => {
  const cell = ['explain', '--period', '2020', '--country', 'RU', '--category', 'user-data', '--outcome', 'rejected', 'fixtures/logs'];

  it('lists the ids behind a published number, with file:line, and as many as the number says', () => {
    const run = runCli(cell);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(27);
    expect(lines[0]).toMatch(/^LE-2020-\d{4}\tfixtures\/logs\/2020\/cases-2020-h[12]\.csv:\d+$/);
    expect(run.stderr).toBe('27 requests in this cell of the 2020 report\n');
  });

  it('prints ids and locations only, never other row content', () => {
    const run = runCli([...cell, '--format', 'json']);
    const document = JSON.parse(run.stdout) as { count: number; requests: Array<Record<string, unknown>> };
    expect(document.count).toBe(27);
    for (const request of document.requests) expect(Object.keys(request)).toEqual(['id', 'file', 'line']);
    expect(run.stdout).not.toMatch(/subscriber|licen[cs]e|Russia/i);
  });

  it('every id it lists is at the line it names', () => {
    const rows = parse(runCli([...cell, '--format', 'csv']).stdout, { columns: true }) as Array<{ id: string; file: string; line: string }>;
    for (const row of rows) {
      const validated = runCli(['explain', '-p', '2020', row.file]).stdout;
      expect(validated).toContain(`${row.id}\t${row.file}:${row.line}\n`);
    }
  });
});
