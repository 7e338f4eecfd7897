// The H1 2021 volume layout must match the published H1 2021 table digit for digit, in every format.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/core/schemas.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const published = parse(readFileSync(fixture('published/kaspersky-2021h1-published.csv')), { columns: true }) as Array<Record<string, string>>;
const args = ['build', '--period', '2021H1', 'fixtures/logs/2021h1', '--layout', 'volume'];

describe('H1 2021 volume layout reproduces the published table', () => {
  it('table: one line per country, total / of which user data / of which technical, and TOTAL', () => {
    const run = runCli(args);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    for (const row of published) {
      const pattern = new RegExp(`^│ ${row.country}\\s+│\\s+${row.total} │\\s+${row.user_data} │\\s+${row.technical} │$`);
      expect(lines.some((line) => pattern.test(line)), row.country).toBe(true);
    }
    expect(lines.some((line) => /^│ TOTAL\s+│\s+105 │\s+16 │\s+89 │$/.test(line))).toBe(true);
  });

  it('CSV: per country and category, counts that sum to the published totals', () => {
    const run = runCli([...args, '--format', 'csv']);
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(['period', 'country_code', 'country', 'category', 'count', 'percent']);
    const count = (country: string, category: string) => rows.find((row) => row.country === country && row.category === category)?.count;
    for (const row of published) {
      expect([count(row.country!, 'user-data'), count(row.country!, 'technical-expertise')], row.country).toEqual([row.user_data, row.technical]);
    }
    expect([count('TOTAL', 'user-data'), count('TOTAL', 'technical-expertise')]).toEqual(['16', '89']);
  });

  it('JSON: layout volume, and the category volumes per row', () => {
    const report = ReportSchema.parse(JSON.parse(runCli([...args, '--format', 'json']).stdout));
    expect(report.layout).toBe('volume');
    expect(
      report.rows.map((row) => ({
        country: row.name,
        total: String(row.total.count),
        user_data: String(row.categories['user-data'].count),
        technical: String(row.categories['technical-expertise'].count),
      })),
    ).toEqual(published);
  });
});
