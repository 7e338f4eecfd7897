// Users' requests, response times and user notice: in the table, the CSV sections and the JSON.
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/core/schemas.js';
import { runCli } from '../helpers/run-cli.js';

const BUILD_2020 = ['build', '--period', '2020', 'fixtures/logs/2020'];

describe("users' requests", () => {
  it('the default table has a users section after the authority table', () => {
    const run = runCli(BUILD_2020);
    expect(run.stdout).toMatch(/Users' requests[\s\S]*│ Removal of personal data │\s+3 │\s+2 │\s+0 │\s+1 │\s+15 │/);
    expect(run.stdout).toMatch(/│ TOTAL\s+│\s+12 │\s+8 │\s+2 │\s+2 │\s+22.5 │/);
  });

  it('--report users shows only that section; as CSV one row per category', () => {
    const table = runCli([...BUILD_2020, '--report', 'users']);
    expect(table.stdout).not.toMatch(/Technical information/);
    const csv = runCli([...BUILD_2020, '--report', 'users', '--format', 'csv']);
    expect(csv.stdout.split('\r\n').slice(0, 4)).toEqual([
      'period,country_code,country,category,received,fulfilled,rejected,rejected_no_data_found,rejected_legal_verification_failed,rejected_prohibited_by_principles,rejected_unspecified,pending,median_days',
      '2020,,ALL,data-removal,3,2,0,0,0,0,0,1,15',
      '2020,,ALL,data-location,6,4,2,1,1,0,0,0,24',
      '2020,,ALL,data-copy,3,2,0,0,0,0,0,1,18.5',
    ]);
  });

  it('never mixes into the authority tables', () => {
    const report = ReportSchema.parse(JSON.parse(runCli([...BUILD_2020, '--format', 'json']).stdout));
    expect(report.total.total.count).toBe(160);
    expect(report.users.total.received).toBe(12);
    expect(report.userRequests).toBe(12);
  });
});

describe('response times and user notice', () => {
  it('are in the JSON always', () => {
    const report = ReportSchema.parse(JSON.parse(runCli([...BUILD_2020, '--format', 'json']).stdout));
    expect(report.responseTimes.find((time) => time.requester === 'authorities' && time.category === 'user-data')).toEqual({
      requester: 'authorities', category: 'user-data', decided: 28, medianDays: 9, p90Days: 46,
    });
    expect(report.notices).toEqual({ notified: 3, notNotified: 16, notPermitted: 9, notRecorded: 0 });
  });

  it('as CSV sections', () => {
    expect(runCli([...BUILD_2020, '--report', 'timing', '-f', 'csv']).stdout).toContain('2020,authorities,technical-expertise,132,8,39\r\n');
    expect(runCli([...BUILD_2020, '--report', 'notices', '-f', 'csv']).stdout).toBe(
      'period,user_notified,count\r\n2020,yes,3\r\n2020,no,16\r\n2020,not-permitted,9\r\n2020,not-recorded,0\r\n',
    );
  });

  it('as a summary in the table', () => {
    const run = runCli(BUILD_2020);
    expect(run.stdout).toContain('User data: 28 decided, median 9 days, 90th percentile 46 days');
    expect(run.stdout).toContain("User notice (authorities' requests for user data): 3 notified, 16 not notified, 9 not permitted by law, 0 not recorded");
  });

  it('a CSV holds one section: --report all is refused for CSV', () => {
    const run = runCli([...BUILD_2020, '--report', 'all', '-f', 'csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('a CSV holds one table; choose --report authorities, users, timing or notices');
  });
});
