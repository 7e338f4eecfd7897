// The command line itself: help, version, usage errors and their exit codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

describe('help and version', () => {
  it('--help lists the commands and exit codes', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/build \[options\] \[logs\.\.\.\]/);
    expect(run.stdout).toMatch(/validate \[options\] \[logs\.\.\.\]/);
    expect(run.stdout).toContain('Exit codes: 0 clean, 1 invalid data or a policy violation, 2 usage, config or I/O error');
  });

  it.each(['build', 'validate'])('%s --help has examples', (command) => {
    const run = runCli([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain(`$ transparency ${command}`);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(fixture('../package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version']).stdout).toBe(`${version}\n`);
  });
});

describe('usage errors exit 2 with a message that says what is right', () => {
  it.each([
    [['build', '--period', '2021H3', 'fixtures/logs/2020'], /period "2021H3" is not understood; use a year \(2020\), a half \(2021H1\)/],
    [['build', '--period', '2021-06-30..2021-01-01', 'fixtures/logs/2020'], /the range ends before it starts/],
    [['build', 'fixtures/logs/2020'], /no period given; add --period 2020/],
    [['build', '--period', '2020'], /no logs given/],
    [['build', '--period', '2020', 'fixtures/logs/2020', '--format', 'xml'], /"xml" is not a format; use table, csv, json, pdf/],
    [['build', '--period', '2020', 'fixtures/logs/2020', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('a malformed SOURCE_DATE_EPOCH is a clear error', () => {
    const run = runCli(['build', '--period', '2020', 'fixtures/logs/2020'], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH="yesterday" is not a whole number of seconds since 1970-01-01');
  });
});

describe('validate', () => {
  it('clean logs: exit 0, the ledger, nothing on stdout', () => {
    const run = runCli(['validate', 'fixtures/logs']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('288 rows read in 3 files: 288 counted, 0 invalid, 0 duplicate');
    expect(run.stderr).toContain('no problems found');
  });
});

describe('every command says its exit codes in --help', () => {
  it.each(['build', 'validate', 'compare', 'periods', 'query', 'explain'])('%s', (command) => {
    expect(runCli([command, '--help']).stdout).toContain('Exit codes: 0 clean, 1 invalid rows or a policy violation, 2 usage, config or I/O error, 3 a bug');
  });
});

describe('--max-problems', () => {
  it('lists that many problems in full, counts the rest, and says how to see them all', () => {
    const run = runCli(['validate', '--max-problems', '2', 'fixtures/bad/bad-values.csv']);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('error: '))).toHaveLength(2);
    expect(lines).toContain('… and 6 more problems not listed (--max-problems 0 lists them all)');
    expect(lines).toContain('8 errors, 0 warnings');
    expect(run.status).toBe(1);
  });
});
