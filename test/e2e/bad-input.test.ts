// The bad-input corpus: every file under fixtures/bad/ with the exact diagnostics and exit code it
// must produce. Diagnostics are part of the interface: changing one is a deliberate act.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

interface Case {
  file: string;
  exit: number;
  stderr: string[];
}

const cases: Case[] = [
  {
    file: 'empty.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/empty.csv: is empty; a log starts with a header row naming its columns (id, received, country, outcome, …)',
      '0 rows read in 1 file: 0 counted, 0 invalid, 0 duplicate, 0 outside 2021',
      '1 error, 0 warnings',
    ],
  },
  {
    file: 'header-only.csv',
    exit: 0,
    stderr: [
      'warning: fixtures/bad/header-only.csv: has a header but no requests',
      '0 rows read in 1 file: 0 counted, 0 invalid, 0 duplicate, 0 outside 2021',
      '0 errors, 1 warning',
    ],
  },
  {
    file: 'missing-column.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/missing-column.csv:1: received: required column "received" is missing; the header has: id, country, outcome',
      '2 rows read in 1 file: 0 counted, 2 invalid, 0 duplicate, 0 outside 2021',
      '1 error, 0 warnings',
    ],
  },
  {
    file: 'duplicate-column.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/duplicate-column.csv:1: country: header cells 3 ("Country") and 4 ("Country") both name column country; keep one',
      '1 row read in 1 file: 0 counted, 1 invalid, 0 duplicate, 0 outside 2021',
      '1 error, 0 warnings',
    ],
  },
  {
    file: 'bad-dates.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/bad-dates.csv:2: received: "2021-02-30" is not a calendar date: 2021-02 has 28 days',
      'error: fixtures/bad/bad-dates.csv:3: received: "2021-13-01" has month 13; months run from 01 to 12',
      'error: fixtures/bad/bad-dates.csv:4: received: "03/04/2021" is ambiguous (day/month or month/day?); write dates as YYYY-MM-DD',
      'error: fixtures/bad/bad-dates.csv:5: received: "2021-03-04T10:00:00" has a time but no UTC offset; write it as 2021-03-04T10:00:00Z or with an offset such as +02:00',
      'error: fixtures/bad/bad-dates.csv:6: decided: 2021-03-01 is before the request was received (2021-03-05)',
      '6 rows read in 1 file: 1 counted, 5 invalid, 0 duplicate, 0 outside 2021',
      '5 errors, 0 warnings',
    ],
  },
  {
    file: 'bad-values.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/bad-values.csv:2: country: unknown country "Marocco"; did you mean Morocco?',
      'error: fixtures/bad/bad-values.csv:3: country: unknown country "Atlantis"; use an English name or an ISO 3166-1 code (RU, RUS)',
      'error: fixtures/bad/bad-values.csv:4: country: "Congo" is ambiguous: it can mean DR Congo (CD) or Republic of the Congo (CG); use the ISO code',
      'error: fixtures/bad/bad-values.csv:5: outcome: "maybe" is not one of approved, rejected, challenged, clarification-requested, pending',
      'error: fixtures/bad/bad-values.csv:5: category: "spyware" is not one of technical-expertise, user-data, data-removal, data-location, data-copy',
      'error: fixtures/bad/bad-values.csv:6: rejection_reason: is "no-data-found" but the outcome is "approved"; a rejection reason goes only with rejected',
      'error: fixtures/bad/bad-values.csv:7: request_type: "weather forecast" matches no classification rule; fill in the category column or add a rule',
      'error: fixtures/bad/bad-values.csv:8: request_type: category and request_type are both empty; one of them must say what was asked',
      '8 rows read in 1 file: 1 counted, 7 invalid, 0 duplicate, 0 outside 2021',
      '8 errors, 0 warnings',
    ],
  },
  {
    file: 'policy-violation.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/policy-violation.csv:2: request_type: the request asks for encryption keys and was approved; the principles say such requests are always declined',
      'error: fixtures/bad/policy-violation.csv:4: request_type: the request asks for direct access to user data or infrastructure and was approved; the principles say such requests are always declined',
      '3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021',
      '2 errors, 0 warnings',
    ],
  },
  {
    file: 'duplicate-ids.csv',
    exit: 1,
    stderr: [
      'warning: fixtures/bad/duplicate-ids.csv:3: id: repeats the request at fixtures/bad/duplicate-ids.csv:2 exactly; counted once',
      'error: fixtures/bad/duplicate-ids.csv:5: id: the id is already used at fixtures/bad/duplicate-ids.csv:4 by a request with different content; ids must be unique',
      '4 rows read in 1 file: 2 counted, 1 invalid, 1 duplicate, 0 outside 2021',
      '1 error, 1 warning',
    ],
  },
  {
    file: 'quoting.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/quoting.csv:5: a quoted field opened on this line is never closed; this record is skipped and reading resumes on line 6',
      'error: fixtures/bad/quoting.csv:8: has 7 fields, the header has 10; check for an unquoted comma or a missing value',
      '6 rows read in 1 file: 4 counted, 2 invalid, 0 duplicate, 0 outside 2021',
      '2 errors, 0 warnings',
    ],
  },
  {
    file: 'bom-crlf-blank-lines.csv',
    exit: 0,
    stderr: ['3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021', 'no problems found'],
  },
  {
    file: 'invalid-utf8.csv',
    exit: 1,
    stderr: [
      'error: fixtures/bad/invalid-utf8.csv:3: country: holds bytes that are not valid UTF-8; save the file as UTF-8',
      '2 rows read in 1 file: 1 counted, 1 invalid, 0 duplicate, 0 outside 2021',
      '1 error, 0 warnings',
    ],
  },
  {
    file: 'utf16-bom.csv',
    exit: 0,
    stderr: ['1 row read in 1 file: 1 counted, 0 invalid, 0 duplicate, 0 outside 2021', 'no problems found'],
  },
];

describe('bad input: exact diagnostics and exit codes', () => {
  it.each(cases)('$file', ({ file, exit, stderr }) => {
    const run = runCli(['validate', '--period', '2021', `fixtures/bad/${file}`]);
    expect(run.stderr.trimEnd().split('\n')).toEqual(stderr);
    expect(run.status).toBe(exit);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('build goes on with the valid rows, and counts them right', () => {
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/quoting.csv', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { total: { total: { count: number } }; ledger: unknown };
    expect(report.total.total.count).toBe(4);
    expect(report.ledger).toEqual({ read: 6, counted: 4, invalid: 2, duplicate: 0, outsidePeriod: 0 });
  });

  it('an unreadable file is an I/O error (exit 2), not a stack trace', () => {
    const run = runCli(['validate', 'fixtures/bad/no-such-file.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: fixtures/bad/no-such-file.csv: cannot read: no such file or directory\n');
  });
});
