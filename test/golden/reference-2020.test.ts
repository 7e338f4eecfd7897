// The golden test: the 2020 fixture must reproduce the published 2020 table to the last digit,
// through the CLI's CSV output (the one people pipe into other tools) and its JSON output.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/core/schemas.js';
import { fixture, runCli } from '../helpers/run-cli.js';

type Published = Record<string, string>;
const published = parse(readFileSync(fixture('published/kaspersky-2020-published.csv')), { columns: true }) as Published[];

const COLUMNS = [
  ['technical-expertise', 'approved', 'technical_approved'],
  ['technical-expertise', 'rejected', 'technical_rejected'],
  ['user-data', 'approved', 'user_data_approved'],
  ['user-data', 'rejected', 'user_data_rejected'],
] as const;

describe('the 2020 fixture reproduces the published 2020 table', () => {
  const csvRun = runCli(['build', '--period', '2020', 'fixtures/logs/2020', '--format', 'csv']);
  const rows = parse(csvRun.stdout, { columns: true }) as Record<string, string>[];

  it('builds cleanly', () => {
    expect(csvRun.status).toBe(0);
    expect(csvRun.stderr).not.toMatch(/error/);
  });

  it('has exactly the published countries, in the published order, then TOTAL', () => {
    const countries = [...new Set(rows.map((row) => row.country))];
    expect(countries).toEqual([...published.slice(1).map((row) => row.country), 'TOTAL']);
    expect(published[0]!.country).toBe('TOTAL');
  });

  it.each(published.map((row) => [row.country!, row] as const))('%s: every count and percentage', (country, expected) => {
    for (const [category, outcome, column] of COLUMNS) {
      const cell = rows.find((row) => row.country === country && row.category === category && row.outcome === outcome);
      expect(cell, `${country} ${category} ${outcome}`).toBeDefined();
      expect(`${cell!.count} (${cell!.percent}%)`).toBe(`${expected[column]} (${expected[`${column}_pct`]}%)`);
    }
  });

  it('JSON output agrees with the published TOTAL row and accounts for every row read', () => {
    const run = runCli(['build', '--period', '2020', 'fixtures/logs/2020', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    const total = published[0]!;
    expect(report.total.cells.map((cell) => [cell.count, cell.percent])).toEqual(
      COLUMNS.map(([, , column]) => [Number(total[column]), Number(total[`${column}_pct`])]),
    );
    expect(report.total.total.count).toBe(160);
    expect(report.rows).toHaveLength(15);
    const { read, counted, invalid, duplicate, outsidePeriod } = report.ledger!;
    expect(read).toBe(counted + invalid + duplicate + outsidePeriod);
    expect(report.ledger).toEqual({ read: 175, counted: 172, invalid: 0, duplicate: 0, outsidePeriod: 3 });
    expect(report.userRequests).toBe(12);
  });
});

describe('the H1 2021 fixture reproduces the published H1 2021 volumes', () => {
  const volumes = parse(readFileSync(fixture('published/kaspersky-2021h1-published.csv')), { columns: true }) as Published[];
  const run = runCli(['build', '--period', '2021H1', 'fixtures/logs/2021h1', '--format', 'json']);
  const report = ReportSchema.parse(JSON.parse(run.stdout));
  const sum = (cells: typeof report.total.cells, category: string) =>
    cells.filter((cell) => cell.category === category).reduce((total, cell) => total + (cell.count ?? 0), 0);

  it('per country: total, of which user data, of which technical', () => {
    expect(
      report.rows.map((row) => ({
        country: row.name,
        total: String(row.total.count),
        user_data: String(sum(row.cells, 'user-data')),
        technical: String(sum(row.cells, 'technical-expertise')),
      })),
    ).toEqual(volumes);
  });

  it('105 requests from 17 countries: 16 user data, 89 technical', () => {
    expect([report.total.total.count, report.rows.length, sum(report.total.cells, 'user-data'), sum(report.total.cells, 'technical-expertise')]).toEqual([105, 17, 16, 89]);
  });
});
