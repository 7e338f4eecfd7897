// `compare` and `periods` end to end.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CompareReportSchema } from '../../src/core/schemas.js';
import { runCli } from '../helpers/run-cli.js';

describe('compare', () => {
  it('--with previous compares with the half before; JSON lists new countries', () => {
    const run = runCli(['compare', '--period', '2021H1', '--with', 'previous', 'fixtures/logs', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = CompareReportSchema.parse(JSON.parse(run.stdout));
    expect(report.with.id).toBe('2020H2');
    expect(report.countriesNew).toEqual(['Belgium', 'Colombia', 'Denmark', 'Italy', 'Vietnam']);
    const total = report.total.find((row) => row.category === 'all')!;
    expect(total).toMatchObject({ current: 106, previous: 73, change: 33, changePercent: 45.2 });
  });

  it('CSV: one row per country and category with both counts, change and status', () => {
    const run = runCli(['compare', '-p', '2021H1', '-w', '2020H2', 'fixtures/logs', '-f', 'csv']);
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((row) => row.country === 'France' && row.category === 'technical-expertise')).toEqual({
      period: '2021H1', with: '2020H2', country_code: 'FR', country: 'France', category: 'technical-expertise',
      count: '6', count_with: '8', change: '-2', change_percent: '-25', status: 'both',
    });
  });

  it('the table marks new countries', () => {
    const run = runCli(['compare', '-p', '2021H1', 'fixtures/logs']);
    expect(run.stdout).toContain('H1 2021 compared with H2 2020');
    expect(run.stdout).toMatch(/│ Belgium \(new\)\s+│/);
    expect(run.stdout).toContain('New in H1 2021: Belgium, Colombia, Denmark, Italy, Vietnam.');
  });

  it('overlapping periods are a usage error', () => {
    const run = runCli(['compare', '-p', '2021', '-w', '2021H1', 'fixtures/logs']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('2021 and H1 2021 overlap');
  });
});

describe('periods', () => {
  it('lists the half-years present with their counts', () => {
    const run = runCli(['periods', 'fixtures/logs', '--format', 'csv']);
    expect(run.stdout).toBe(
      [
        'period,label,start,end,authority_requests,user_requests',
        '2019H2,H2 2019,2019-07-01,2019-12-31,2,0',
        '2020H1,H1 2020,2020-01-01,2020-06-30,87,6',
        '2020H2,H2 2020,2020-07-01,2020-12-31,73,6',
        '2021H1,H1 2021,2021-01-01,2021-06-30,106,8',
        '',
      ].join('\r\n'),
    );
  });

  it('--ids prints one id a line for shell loops; --by year', () => {
    expect(runCli(['periods', '--ids', '--by', 'year', 'fixtures/logs']).stdout).toBe('2019\n2020\n2021\n');
  });

  it('--ids with --format warns that the format is ignored, and still prints the ids', () => {
    const run = runCli(['periods', '--ids', '--by', 'year', '--format', 'json', 'fixtures/logs']);
    expect(run.stdout).toBe('2019\n2020\n2021\n');
    expect(run.stderr).toContain('warning: --ids prints one period id a line; --format json is ignored');
    expect(run.status).toBe(0);
  });

  it('a year equals the sum of its halves', () => {
    const years = JSON.parse(runCli(['periods', '--by', 'year', 'fixtures/logs', '-f', 'json']).stdout) as { periods: Array<{ period: string; authorityRequests: number }> };
    const halves = JSON.parse(runCli(['periods', '--by', 'half', 'fixtures/logs', '-f', 'json']).stdout) as typeof years;
    for (const year of years.periods) {
      const sum = halves.periods.filter((half) => half.period.startsWith(year.period)).reduce((total, half) => total + half.authorityRequests, 0);
      expect(sum, year.period).toBe(year.authorityRequests);
    }
  });
});

describe('compare warns where the comparison means little', () => {
  it('a period the logs hardly cover', () => {
    const run = runCli(['compare', '--period', '2020', 'fixtures/logs', '-f', 'csv']);
    expect(run.stderr).toContain('warning: the logs hardly cover 2019 (requests in fewer than half of its months): are its logs among those given?');
    expect(run.status).toBe(0);
  });

  it('periods of different lengths', () => {
    const run = runCli(['compare', '--period', '2021H1', '--with', '2020', 'fixtures/logs', '-f', 'csv']);
    expect(run.stderr).toContain('warning: H1 2021 and 2020 are not of the same length; the changes compare unlike spans');
  });
});
