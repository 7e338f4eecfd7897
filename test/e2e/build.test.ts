// `transparency build` end to end: formats, --out, --strict, stdin, colour, pipes.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, ROOT, runCli } from '../helpers/run-cli.js';

const LOGS_2020 = 'fixtures/logs/2020';
const ANSI = /\u001b\[/;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'transparency-e2e-'));
}

describe('build to the terminal', () => {
  it('prints the table on stdout, notes on stderr, exit 0', () => {
    const run = runCli(['build', '--period', '2020', LOGS_2020]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Law Enforcement and Government Requests Report · 2020 (2020-01-01 – 2020-12-31)');
    expect(run.stdout).toContain('│ Russia       │       35  (38%) │       31  (33%) │   0   (0%) │  27  (29%) │    93 │');
    expect(run.stdout).toContain('│ TOTAL        │      101  (63%) │       31  (19%) │   0   (0%) │  28  (18%) │   160 │');
    expect(run.stdout).toContain('175 rows read · 160 authority requests counted · 12 user requests counted (reported apart) · 0 invalid · 0 duplicate · 3 outside 2020');
    expect(run.stderr).toBe('note: ignored columns the tool does not use: Agency, Notes\n');
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('colours only when asked: FORCE_COLOR yes, NO_COLOR and --no-color win', () => {
    expect(runCli(['build', '-p', '2020', LOGS_2020], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(runCli(['build', '-p', '2020', LOGS_2020], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(runCli(['build', '-p', '2020', LOGS_2020, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  it('shows extra outcome columns only when they occur', () => {
    const run = runCli(['build', '--period', '2021H1', 'fixtures/logs/2021h1']);
    expect(run.stdout).toMatch(/Challenged/);
    expect(run.stdout).toMatch(/Pending/);
    const authorityTable = runCli(['build', '--period', '2020', LOGS_2020]).stdout.split("Users' requests")[0];
    expect(authorityTable).toMatch(/Rejected/);
    expect(authorityTable).not.toMatch(/Pending|Challenged/);
  });
});

describe('build --format and --out', () => {
  it('CSV is long form with a header, CRLF line ends, one row per country × category × outcome', () => {
    const run = runCli(['build', '--period', '2020', LOGS_2020, '--format', 'csv']);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('period,country_code,country,category,outcome,count,percent');
    expect(lines).toContain('2020,RU,Russia,user-data,rejected,27,29');
    expect(lines).toContain('2020,,TOTAL,technical-expertise,approved,101,63');
    expect(lines.length - 2).toBe(16 * 4); // 15 countries + TOTAL, 4 cells each; then the final empty string
    expect(run.stderr).toContain('175 rows read in 2 files: 172 counted, 0 invalid, 0 duplicate, 3 outside 2020');
  });

  it('--out takes the format from the extension and writes nothing on stdout', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    const run = runCli(['build', '--period', '2020', LOGS_2020, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`wrote ${out} (json)`);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(dir)).toEqual(['report.json']); // no temporary file left behind
  });

  it('is deterministic: two builds give byte-identical CSV and JSON', () => {
    for (const format of ['csv', 'json']) {
      const first = runCli(['build', '--period', '2020', LOGS_2020, '--format', format]).stdout;
      const second = runCli(['build', '--period', '2020', 'fixtures/logs/2020/cases-2020-h2.csv', 'fixtures/logs/2020/cases-2020-h1.csv', '--format', format]).stdout;
      if (format === 'json') {
        // The problems name files; with no problems the two outputs must agree exactly.
        expect(JSON.parse(first).problems.list).toEqual([]);
      }
      expect(second).toBe(first);
    }
  });

  it('an unknown extension without --format is a usage error', () => {
    const run = runCli(['build', '--period', '2020', LOGS_2020, '--out', path.join(tempDir(), 'report.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot tell the format from ".*report\.xlsx"; add --format csv, json, pdf or table/);
  });

  it('an output folder that does not exist is an I/O error (exit 2)', () => {
    const run = runCli(['build', '--period', '2020', LOGS_2020, '--out', '/nonexistent-dir/report.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: cannot write /nonexistent-dir/report.csv: the folder /nonexistent-dir does not exist');
  });

  it('--strict writes no report when a row is invalid, and leaves the previous one intact', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.csv');
    writeFileSync(out, 'previous report\n');
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/bad-values.csv', '--out', out, '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('8 errors, 0 warnings: no report written (--strict)');
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
  });

  it('without --strict, invalid rows still give a report of the valid ones, exit 1', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.csv');
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/bad-values.csv', '--out', out]);
    expect(run.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('2021,DE,Germany,technical-expertise,approved,1,100');
  });
});

describe('inputs', () => {
  it('- reads standard input, and gives the same report as the file', () => {
    const file = fixture('logs/2021h1/cases-2021-h1.csv');
    const fromStdin = runCli(['build', '--period', '2021H1', '-', '--format', 'csv'], { input: readFileSync(file) });
    const fromFile = runCli(['build', '--period', '2021H1', file, '--format', 'csv']);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('globs and --logs given several times', () => {
    const run = runCli(['build', '-p', '2020', '--logs', 'fixtures/logs/2020/*-h1.csv', '--logs', 'fixtures/logs/2020/*-h2.csv', '-f', 'csv']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(runCli(['build', '-p', '2020', LOGS_2020, '-f', 'csv']).stdout);
  });

  it('a folder with no CSV files is an I/O error', () => {
    const run = runCli(['build', '-p', '2020', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/error: .*: the directory holds no \.csv files/);
  });
});

describe('pipes', () => {
  it('piping into head does not crash (EPIPE), even with far more output than a pipe holds', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 20_000 }, (_, index) => `X-${index},2021-02-0${(index % 9) + 1},RU,approved,technical`);
    writeFileSync(path.join(dir, 'many.csv'), `id,received,country,outcome,category\n${rows.join('\n')}\n`);
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', `node ${BIN} validate --explain-classification many.csv | head -n 1`], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout).toBe('many.csv:2\ttechnical-expertise\tcategory column\t""\n');
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
    expect(run.status).toBe(0);
  });
});

describe('standard output as a descriptor', () => {
  // Standard output that is not a terminal is written by its descriptor (src/io/std-output.ts).
  const hasPython = spawnSync('sh', ['-c', 'command -v python3']).status === 0;

  it.skipIf(!hasPython)('a non-blocking pipe that fills up gets every byte, in order', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 20_000 }, (_, index) => `X-${index},2021-02-0${(index % 9) + 1},RU,approved,technical`);
    writeFileSync(path.join(dir, 'many.csv'), `id,received,country,outcome,category\n${rows.join('\n')}\n`);
    // The writing end is set non-blocking, and read only after a pause: the pipe's 64 KiB fill, and a write fails with EAGAIN.
    const reader = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      `p = subprocess.Popen([${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)}, 'validate', '--explain-classification', 'many.csv'], stdout=w)`,
      'os.close(w)',
      'time.sleep(0.5)',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    data += chunk',
      'sys.stdout.write("%d %d %s" % (p.wait(), data.count(b"\\n"), data.splitlines()[-1].decode()))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', reader], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EAGAIN|Error|error/);
    expect(run.stdout).toBe('0 20000 many.csv:20001\ttechnical-expertise\tcategory column\t""');
  });

  it('a full disk on standard output is an I/O error', () => {
    const run = spawnSync('sh', ['-c', `node ${BIN} build -p 2020 ${LOGS_2020} --format csv > /dev/full`], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: cannot write standard output: no space left on the device');
  });
});

describe('outputs that cannot be written', () => {
  it('a full disk (/dev/full) is an I/O error, written in place (a device is never renamed over)', () => {
    const run = runCli(['build', '-p', '2020', LOGS_2020, '--format', 'csv', '--out', '/dev/full']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: cannot write /dev/full: no space left on the device');
  });

  it('an output path that is a directory', () => {
    const dir = tempDir();
    const run = runCli(['build', '-p', '2020', LOGS_2020, '--format', 'csv', '--out', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`error: cannot write ${dir}: it is a directory; name a file`);
  });

  it('JSON problems say where and what kind, without the messages that quote cells', () => {
    const run = runCli(['build', '--period', '2021', 'fixtures/bad/bad-values.csv', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { problems: { errors: number; list: Array<Record<string, unknown>> } };
    expect(report.problems.errors).toBe(8);
    expect(report.problems.list[0]).toEqual({ severity: 'error', code: 'invalid-value', file: 'fixtures/bad/bad-values.csv', line: 2, column: 'country' });
    expect(run.stdout).not.toContain('Marocco');
  });
});

describe('a disk that fills up during the write', () => {
  // A tiny tmpfs is a real full disk; mounting one needs root, so elsewhere this case cannot run.
  const dir = tempDir();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir]).status === 0;

  it.skipIf(!mounted)('leaves the previous report intact and no temporary file behind', () => {
    try {
      const out = path.join(dir, 'report.json');
      writeFileSync(out, 'previous\n');
      const run = runCli(['build', '-p', '2020', LOGS_2020, '--out', out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`error: cannot write ${out}: no space left on the device; any previous report.json is unchanged`);
      expect(readFileSync(out, 'utf8')).toBe('previous\n');
      expect(readdirSync(dir)).toEqual(['report.json']);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});

describe('on a terminal', () => {
  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;

  it.skipIf(!hasScript)('a table wider than the terminal is split into one table per category', () => {
    const run = (columns: number) =>
      spawnSync('script', ['-qc', `stty cols ${columns}; NO_COLOR=1 node ${BIN} build -p 2021H1 fixtures/logs/2021h1 -r authorities`, '/dev/null'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).stdout;
    const wide = run(250);
    const narrow = run(100);
    expect(wide.match(/Technical information & expertise/g)).toHaveLength(1);
    expect(wide).toMatch(/Technical information & expertise\s+│\s+User data/);
    expect(narrow).not.toMatch(/Technical information & expertise\s+│\s+User data/);
    const tableLines = narrow.split(/\r?\n/).filter((line) => /^[┌│├└]/.test(line));
    expect(Math.max(...tableLines.map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});

describe('table widths', () => {
  // The bundle's cli-table3 measures a line of printable ASCII by its length and any other through
  // string-width (scripts/build.mjs); rows with accented names, and rows in colour, line up alike.
  const log = [
    'ID,Received,Country,Requester,Category,Request Type,Outcome,Rejection Reason,Decided,User Notified',
    'W-1,2020-02-01,Curaçao,law-enforcement,technical-expertise,malware analysis,approved,,2020-02-03,',
    "W-2,2020-02-02,Côte d'Ivoire,government,user-data,subscriber information,rejected,legal-verification-failed,2020-02-05,no",
    'W-3,2020-02-03,Japan,law-enforcement,technical-expertise,phishing kit analysis,approved,,2020-02-04,',
  ].join('\n');
  const rules = (text: string) => text.split(/\r?\n/).filter((line) => /^[┌│├└]/.test(line));

  it('takes as one column each only characters that string-width measures so', () => {
    // The characters the bundle measures without string-width: cli-table3's own copy agrees.
    const stringWidth = createRequire(createRequire(import.meta.url).resolve('cli-table3'))('string-width') as (text: string) => number;
    const oneColumn = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), 0x2026, ...Array.from({ length: 0x80 }, (_, i) => 0x2500 + i)];
    for (const code of oneColumn) expect(stringWidth(`a${String.fromCharCode(code)}`), code.toString(16)).toBe(2);
  });

  it('lines up rows whose names are not ASCII', () => {
    const file = path.join(tempDir(), 'widths.csv');
    writeFileSync(file, `${log}\n`);
    const run = runCli(['build', '-p', '2020', file, '-r', 'authorities']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Curaçao');
    const lines = rules(run.stdout);
    expect(lines.length).toBeGreaterThan(5);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
  it.skipIf(!hasScript)('lines up rows in colour on a terminal', () => {
    const file = path.join(tempDir(), 'widths.csv');
    writeFileSync(file, `${log}\n`);
    const env = { ...process.env };
    delete env.NO_COLOR;
    const out = spawnSync('script', ['-qc', `stty cols 200; node ${BIN} build -p 2020 ${file} -r authorities`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env }).stdout;
    expect(out).toContain('\u001b['); // in colour
    const lines = rules(out.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(lines.length).toBeGreaterThan(5);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});

describe('publishing with the example texts', () => {
  it('a PDF built without a config says it names the example organisation', () => {
    const run = runCli(['build', '-p', '2020', LOGS_2020, '--out', path.join(tempDir(), 'r.pdf')]);
    expect(run.stderr).toContain('warning: no config file: the PDF names "Example Organisation"');
    expect(run.status).toBe(0);
  });
});

describe('options that do not apply', () => {
  it('--page-size on a non-PDF output is a warning, not silence', () => {
    const run = runCli(['build', '-p', '2020', LOGS_2020, '--page-size', 'letter', '-f', 'csv']);
    expect(run.stderr).toContain('warning: --page-size applies to PDF output only; this csv output ignores it');
    expect(run.status).toBe(0);
  });
});
