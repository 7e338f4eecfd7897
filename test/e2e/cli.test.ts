// The command line itself: help, version, usage errors and their exit codes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, fixture, runCli } from '../helpers/run-cli.js';

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

// A reader that takes standard error slowly (a pager, a log shipper) leaves it full: diagnostics
// then wait for it to drain. Thousands of them waiting at once must share that wait, not add a
// listener each (Node warns past ten, on standard error itself), and every one must still arrive.
describe('standard error read slowly', () => {
  it('gets every diagnostic, in order, and no warning of Node', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transparency-slow-stderr-'));
    try {
      const log = path.join(dir, 'log.csv');
      const rows = Array.from({ length: 30_000 }, (_, i) => `R${i},2020-01-05,XX,approved,x`);
      writeFileSync(log, `id,received,country,outcome,request_type\n${rows.join('\n')}\n`);
      const args = [BIN, 'build', '--period', '2020', log, '--max-problems', '0'];
      // Threads and small chunks: diagnostics then come while earlier ones still wait.
      const env = cleanEnv({ NO_COLOR: '1', TRANSPARENCY_THREADS: '2', TRANSPARENCY_CHUNK_BYTES: '4096' });
      const quick = runCli(args.slice(1), { env });
      const slow = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
        const chunks: Buffer[] = [];
        child.stderr.pause();
        setTimeout(() => {
          child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
          child.stderr.resume();
        }, 1500);
        child.on('close', (status) => resolve({ status, stderr: Buffer.concat(chunks).toString() }));
      });
      expect(quick.stderr.split('\n').length).toBeGreaterThan(30_000);
      expect(slow.stderr).not.toContain('MaxListenersExceededWarning');
      expect(slow.status).toBe(quick.status);
      expect(slow.stderr).toBe(quick.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
