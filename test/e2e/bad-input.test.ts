// The bad-input corpus: every file (or folder) under fixtures/bad/ with the exact diagnostics and
// exit code `validate` must produce, then the cases that only arise when building or writing.
// Diagnostics are part of the interface: changing one is a deliberate act, made here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const TODAY = new Date().toISOString().slice(0, 10);

interface Case {
  name: string;
  exit: number;
  stderr: string[];
}

const cases: Case[] = [
  {
    name: 'ambiguous-country.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/ambiguous-country.csv:3: country: \"Congo\" is ambiguous: it can mean DR Congo (CD) or Republic of the Congo (CG); use the ISO code",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'ambiguous-date.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/ambiguous-date.csv:3: received: \"03/04/2021\" is ambiguous (day/month or month/day?); write dates as YYYY-MM-DD",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'approved-backdoor.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/approved-backdoor.csv:3: request_type: the request asks for undeclared capabilities (a backdoor) and was approved; the principles say such requests are always declined",
      "3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'approved-encryption-key.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/approved-encryption-key.csv:3: request_type: the request asks for encryption keys and was approved; the principles say such requests are always declined",
      "3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'bad-values.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/bad-values.csv:2: country: unknown country \"Marocco\"; did you mean Morocco?",
      "error: fixtures/bad/bad-values.csv:3: country: unknown country \"Atlantis\"; use an English name or an ISO 3166-1 code (RU, RUS)",
      "error: fixtures/bad/bad-values.csv:4: country: \"Congo\" is ambiguous: it can mean DR Congo (CD) or Republic of the Congo (CG); use the ISO code",
      "error: fixtures/bad/bad-values.csv:5: outcome: \"maybe\" is not one of approved, rejected, challenged, clarification-requested, pending",
      "error: fixtures/bad/bad-values.csv:5: category: \"spyware\" is not one of technical-expertise, user-data, data-removal, data-location, data-copy",
      "error: fixtures/bad/bad-values.csv:6: rejection_reason: is \"no-data-found\" but the outcome is \"approved\"; a rejection reason goes only with rejected",
      "error: fixtures/bad/bad-values.csv:7: request_type: \"weather forecast\" matches no classification rule; fill in the category column or add a rule",
      "error: fixtures/bad/bad-values.csv:8: request_type: category and request_type are both empty; one of them must say what was asked",
      "8 rows read in 1 file: 1 counted, 7 invalid, 0 duplicate, 0 outside 2021",
      "8 errors, 0 warnings",
    ],
  },
  {
    name: 'binary.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/binary.csv: is not a text file (it holds NUL bytes: UTF-16 without a byte order mark, or binary data); save it as UTF-8 CSV",
      "0 rows read in 1 file: 0 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'blank-lines.csv',
    exit: 0,
    stderr: [
      "2 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'bom-crlf-blank-lines.csv',
    exit: 0,
    stderr: [
      "3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'conflicting-ids.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/conflicting-ids.csv:4: id: the id is already used at fixtures/bad/conflicting-ids.csv:2 by a request with different content; ids must be unique",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'crlf.csv',
    exit: 0,
    stderr: [
      "2 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'datetime-without-offset.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/datetime-without-offset.csv:3: received: \"2021-03-04T10:00:00\" has a time but no UTC offset; write it as 2021-03-04T10:00:00Z or with an offset such as +02:00",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'decided-before-received.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/decided-before-received.csv:3: decided: 2021-03-01 is before the request was received (2021-03-05)",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'duplicate-column.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/duplicate-column.csv:1: country: header cells 3 (\"Country\") and 4 (\"Country\") both name column country; keep one",
      "1 row read in 1 file: 0 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'duplicate-ids-across-files',
    exit: 1,
    stderr: [
      "warning: fixtures/bad/duplicate-ids-across-files/b.csv:2: id: repeats the request at fixtures/bad/duplicate-ids-across-files/a.csv:2 exactly; counted once",
      "error: fixtures/bad/duplicate-ids-across-files/b.csv:3: id: the id is already used at fixtures/bad/duplicate-ids-across-files/a.csv:3 by a request with different content; ids must be unique",
      "4 rows read in 2 files: 2 counted, 1 invalid, 1 duplicate, 0 outside 2021",
      "1 error, 1 warning",
    ],
  },
  {
    name: 'duplicate-ids.csv',
    exit: 1,
    stderr: [
      "warning: fixtures/bad/duplicate-ids.csv:3: id: repeats the request at fixtures/bad/duplicate-ids.csv:2 exactly; counted once",
      "error: fixtures/bad/duplicate-ids.csv:5: id: the id is already used at fixtures/bad/duplicate-ids.csv:4 by a request with different content; ids must be unique",
      "4 rows read in 1 file: 2 counted, 1 invalid, 1 duplicate, 0 outside 2021",
      "1 error, 1 warning",
    ],
  },
  {
    name: 'empty.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/empty.csv: is empty; a log starts with a header row naming its columns (id, received, country, outcome, …)",
      "0 rows read in 1 file: 0 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'exact-duplicate.csv',
    exit: 0,
    stderr: [
      "warning: fixtures/bad/exact-duplicate.csv:4: id: repeats the request at fixtures/bad/exact-duplicate.csv:2 exactly; counted once",
      "3 rows read in 1 file: 2 counted, 0 invalid, 1 duplicate, 0 outside 2021",
      "0 errors, 1 warning",
    ],
  },
  {
    name: 'future-date.csv',
    exit: 1,
    stderr: [
      `error: fixtures/bad/future-date.csv:3: received: 2999-01-01 is in the future (today is ${TODAY})`,
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'header-only.csv',
    exit: 0,
    stderr: [
      "warning: fixtures/bad/header-only.csv: has a header but no requests",
      "0 rows read in 1 file: 0 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "0 errors, 1 warning",
    ],
  },
  {
    name: 'impossible-date.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/impossible-date.csv:3: received: \"2021-02-30\" is not a calendar date: 2021-02 has 28 days",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'invalid-utf8.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/invalid-utf8.csv:3: country: holds bytes that are not valid UTF-8; save the file as UTF-8",
      "2 rows read in 1 file: 1 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'missing-column.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/missing-column.csv:1: received: required column \"received\" is missing; the header has: id, country, outcome",
      "2 rows read in 1 file: 0 counted, 2 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'missing-id.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/missing-id.csv:3: id: is empty; every request needs its reference",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'misspelt-country.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/misspelt-country.csv:3: country: unknown country \"Marocco\"; did you mean Morocco?",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'mixed-line-endings.csv',
    exit: 0,
    stderr: [
      "2 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'month-13.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/month-13.csv:3: received: \"2021-13-01\" has month 13; months run from 01 to 12",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'no-category-no-request-type.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/no-category-no-request-type.csv:3: request_type: category and request_type are both empty; one of them must say what was asked",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'no-csv-files',
    exit: 2,
    stderr: [
      "error: fixtures/bad/no-csv-files: the directory holds no .csv files",
    ],
  },
  {
    name: 'outside-period.csv',
    exit: 0,
    stderr: [
      "4 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 2 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'policy-violation.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/policy-violation.csv:2: request_type: the request asks for encryption keys and was approved; the principles say such requests are always declined",
      "error: fixtures/bad/policy-violation.csv:4: request_type: the request asks for direct access to user data or infrastructure and was approved; the principles say such requests are always declined",
      "3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "2 errors, 0 warnings",
    ],
  },
  {
    name: 'quoted-fields.csv',
    exit: 0,
    stderr: [
      "3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'quoting.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/quoting.csv:5: a quoted field opened on this line is never closed; this record is skipped and reading resumes on line 6",
      "error: fixtures/bad/quoting.csv:7: has 12 fields, the header has 10; check for an unquoted comma or a missing value",
      "error: fixtures/bad/quoting.csv:8: has 7 fields, the header has 10; check for an unquoted comma or a missing value",
      "6 rows read in 1 file: 3 counted, 3 invalid, 0 duplicate, 0 outside 2021",
      "3 errors, 0 warnings",
    ],
  },
  {
    name: 'rejected-encryption-key.csv',
    exit: 0,
    stderr: [
      "3 rows read in 1 file: 3 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'rejection-reason-without-rejected.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/rejection-reason-without-rejected.csv:3: rejection_reason: is \"no-data-found\" but the outcome is \"approved\"; a rejection reason goes only with rejected",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'stray-closing-quote.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/stray-closing-quote.csv:3: malformed CSV: a closing quote is followed by other characters; quote the whole field and double every quote inside it (\"\")",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'too-few-fields.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/too-few-fields.csv:3: has 7 fields, the header has 10; check for an unquoted comma or a missing value",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'too-many-fields.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/too-many-fields.csv:3: has 11 fields, the header has 10; check for an unquoted comma or a missing value",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'trailing-delimiter.csv',
    exit: 0,
    stderr: [
      "2 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'unclassified-request-type.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/unclassified-request-type.csv:3: request_type: \"weather forecast\" matches no classification rule; fill in the category column or add a rule",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'unclosed-quote.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/unclosed-quote.csv:3: a quoted field opened on this line is never closed; this record is skipped and reading resumes on line 4",
      "5 rows read in 1 file: 4 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'unknown-category.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/unknown-category.csv:3: category: \"spyware\" is not one of technical-expertise, user-data, data-removal, data-location, data-copy",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'unknown-columns.csv',
    exit: 0,
    stderr: [
      "note: ignored columns the tool does not use: Agency, Notes",
      "2 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'unknown-country.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/unknown-country.csv:3: country: unknown country \"Atlantis\"; use an English name or an ISO 3166-1 code (RU, RUS)",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'unknown-outcome.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/unknown-outcome.csv:3: outcome: \"maybe\" is not one of approved, rejected, challenged, clarification-requested, pending",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'user-category-for-authority.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/user-category-for-authority.csv:3: category: \"data-removal\" is a category of users' requests, but the requester is \"law-enforcement\"; use technical-expertise or user-data",
      "3 rows read in 1 file: 2 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'users-requests.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/users-requests.csv:4: category: \"technical-expertise\" is a category of authorities' requests, but the requester is a user; users' categories are data-removal, data-location, data-copy",
      "4 rows read in 1 file: 3 counted, 1 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'utf16-bom.csv',
    exit: 0,
    stderr: [
      "1 row read in 1 file: 1 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'utf16-le.csv',
    exit: 0,
    stderr: [
      "2 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },
  {
    name: 'utf16-without-bom.csv',
    exit: 1,
    stderr: [
      "error: fixtures/bad/utf16-without-bom.csv: is not a text file (it holds NUL bytes: UTF-16 without a byte order mark, or binary data); save it as UTF-8 CSV",
      "0 rows read in 1 file: 0 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "1 error, 0 warnings",
    ],
  },
  {
    name: 'utf8-bom.csv',
    exit: 0,
    stderr: [
      "2 rows read in 1 file: 2 counted, 0 invalid, 0 duplicate, 0 outside 2021",
      "no problems found",
    ],
  },

];

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'transparency-bad-'));
}

describe('bad input: exact diagnostics and exit codes of validate', () => {
  it('the corpus has a case for every file in fixtures/bad, and at least 40', () => {
    expect(cases.map((item) => item.name)).toEqual(readdirSync(path.join(ROOT, 'fixtures/bad')).sort());
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', ({ name, exit, stderr }) => {
    const run = runCli(['validate', '--period', '2021', `fixtures/bad/${name}`]);
    expect(run.stderr.trimEnd().split('\n')).toEqual(stderr);
    expect(run.status).toBe(exit);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });
});

describe('bad input that is made at test time', () => {
  const HEADER = 'id,received,country,requester,category,request_type,outcome,rejection_reason,decided,user_notified';

  it('a 10 MB field, quoted and unquoted, is read; the rows around it count', () => {
    const dir = tempDir();
    const big = 'x'.repeat(10 * 1024 * 1024);
    writeFileSync(path.join(dir, 'quoted.csv'), `${HEADER}\nA-1,2021-01-10,RU,law-enforcement,technical-expertise,"${big} IOC sharing",approved,,,\nA-2,2021-01-11,DE,law-enforcement,technical-expertise,IOC sharing,approved,,,\n`);
    writeFileSync(path.join(dir, 'plain.csv'), `${HEADER}\nB-1,2021-01-10,RU,law-enforcement,technical-expertise,${big} malware,approved,,,\nB-2,2021-01-11,DE,law-enforcement,technical-expertise,IOC sharing,approved,,,\n`);
    const run = runCli(['validate', '--period', '2021', dir]);
    expect(run.stderr).toBe('4 rows read in 2 files: 4 counted, 0 invalid, 0 duplicate, 0 outside 2021\nno problems found\n');
    expect(run.status).toBe(0);
  });

  it('a file that cannot be read is an I/O error (exit 2)', () => {
    const run = runCli(['validate', '/proc/self/mem']);
    expect(run.stderr).toBe('error: /proc/self/mem: cannot read: input/output error\n');
    expect(run.status).toBe(2);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission is an I/O error (exit 2)', () => {
    const file = path.join(tempDir(), 'locked.csv');
    writeFileSync(file, `${HEADER}\n`, { mode: 0o000 });
    const run = runCli(['validate', file]);
    expect(run.stderr).toBe(`error: ${file}: cannot read: permission denied\n`);
    expect(run.status).toBe(2);
  });

  it('repeated ids are told alike from standard input (first rows kept) and from files read again (ids only kept)', () => {
    const dir = 'fixtures/bad/duplicate-ids-across-files';
    const fromFiles = runCli(['validate', '--period', '2021', `${dir}/a.csv`, `${dir}/b.csv`], { env: { TRANSPARENCY_ID_TABLE: 'ids' } });
    const fromStdin = runCli(['validate', '--period', '2021', `${dir}/a.csv`, '-'], { input: readFileSync(path.join(ROOT, dir, 'b.csv')) });
    expect(fromStdin.stderr).toBe(fromFiles.stderr.replaceAll(`${dir}/b.csv`, '<stdin>'));
    expect(fromStdin.stderr).toMatch(/<stdin>:2: id: repeats the request at fixtures\/bad\/duplicate-ids-across-files\/a.csv:2 exactly/);
    expect(fromStdin.status).toBe(1);
  });

  it('a log given by a path that is a pipe or a FIFO is read once, its first rows kept (it cannot be read again)', () => {
    const dir = tempDir();
    const text = readFileSync(path.join(ROOT, 'fixtures/bad/duplicate-ids.csv'));
    writeFileSync(path.join(dir, 'a.csv'), text);
    writeFileSync(path.join(dir, 'b.csv'), text);
    const expected = runCli(['validate', '--period', '2021', 'a.csv', 'b.csv'], { cwd: dir, env: { TRANSPARENCY_ID_TABLE: 'first-rows' } });
    // Process substitution (a pipe, /dev/fd/N) and a named FIFO, with the id table that reads files twice.
    const script = 'mkfifo fifo.csv; cat b.csv > fifo.csv & "$NODE" "$BIN" validate --period 2021 <(cat a.csv) fifo.csv';
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
      cwd: dir, encoding: 'utf8', timeout: 20_000,
      env: { PATH: process.env.PATH, NODE: process.execPath, BIN: path.join(ROOT, 'bin/transparency.cjs'), TRANSPARENCY_ID_TABLE: 'ids' },
    });
    expect(run.error).toBeUndefined(); // no hang, waiting for a second writer
    expect(run.stderr.replace(/\/dev\/fd\/\d+/g, 'a.csv').replaceAll('fifo.csv', 'b.csv')).toBe(expected.stderr);
    expect(expected.stderr).toMatch(/b\.csv:5: id: the id is already used at a\.csv:4/);
    expect(run.status).toBe(expected.status);
  });

  it('a file that does not exist', () => {
    const run = runCli(['validate', 'fixtures/bad/no-such-file.csv']);
    expect(run.stderr).toBe('error: fixtures/bad/no-such-file.csv: cannot read: no such file or directory\n');
    expect(run.status).toBe(2);
  });
});

describe('bad input when building', () => {
  it('goes on with the valid rows, and counts them right', () => {
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/quoting.csv', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { total: { total: { count: number } }; ledger: unknown };
    expect(report.total.total.count).toBe(3);
    expect(report.ledger).toEqual({ read: 6, counted: 3, invalid: 3, duplicate: 0, outsidePeriod: 0 });
  });

  it.each(['empty.csv', 'binary.csv', 'missing-column.csv', 'utf16-without-bom.csv'])(
    'writes no report when a whole file (%s) cannot be read, and keeps the previous one',
    (name) => {
      const out = path.join(tempDir(), 'report.json');
      writeFileSync(out, 'previous\n');
      const run = runCli(['build', '--period', '2021', 'fixtures/bad/crlf.csv', `fixtures/bad/${name}`, '--out', out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`error: no report written: 1 file could not be read at all (fixtures/bad/${name}); fix it or leave it out`);
      expect(readFileSync(out, 'utf8')).toBe('previous\n');
    },
  );

  it('an output folder that does not exist (exit 2)', () => {
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/crlf.csv', '--out', '/nonexistent-dir/report.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: cannot write /nonexistent-dir/report.csv: the folder /nonexistent-dir does not exist');
  });

  it('a full disk (exit 2)', () => {
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/crlf.csv', '--format', 'csv', '--out', '/dev/full']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: cannot write /dev/full: no space left on the device');
  });

  it('an output that cannot be written (read-only file system, exit 2)', () => {
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/crlf.csv', '--out', '/proc/report.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/error: cannot write \/proc\/report\.csv: .*; any previous report\.csv is unchanged/);
  });

  it('a semicolon-separated export says so', () => {
    const file = path.join(tempDir(), 'excel.csv');
    writeFileSync(file, 'Case Number;Date Received;Country;Outcome\r\nX-1;2021-01-01;RU;approved\r\n');
    const run = runCli(['validate', file]);
    expect(run.stderr.split('\n')[0]).toBe(
      `error: ${file}:1: the header is one column, "Case Number;Date Received;Country;Outcome": the file looks separated by semicolons, not commas; save it as comma-separated CSV (UTF-8)`,
    );
    expect(run.status).toBe(1);
  });

  it('unmapped case-system headers get a hint of the config mapping', () => {
    const file = path.join(tempDir(), 'export.csv');
    writeFileSync(file, 'id,Date Received,country,outcome\nX-1,2021-01-01,RU,approved\n');
    const run = runCli(['validate', file]);
    expect(run.stderr).toContain('if "Date Received" holds it, map it in the config: "columns": { "Date Received": "received" }');
  });
});

describe('pipes', () => {
  // Far more than a pipe buffer holds, so that the writer does meet a closed pipe.
  const dir = tempDir();
  const rows = Array.from({ length: 20_000 }, (_, index) => `X-${index},2021-02-30,Marocco,approved`);
  writeFileSync(path.join(dir, 'many-errors.csv'), `id,received,country,outcome\n${rows.join('\n')}\n`);

  it('2>&1 | head: the diagnostics meet a closed pipe, and the run ends quietly with exit 0', () => {
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', `node ${path.join(ROOT, 'bin/transparency.cjs')} validate many-errors.csv 2>&1 | head -n 1`], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout).toBe('error: many-errors.csv:2: received: "2021-02-30" is not a calendar date: 2021-02 has 28 days\n');
    expect(run.status).toBe(0);
  });
});
