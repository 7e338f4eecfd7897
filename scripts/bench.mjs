#!/usr/bin/env node
// `npm run bench`: the CLI against DuckDB and Miller on the same job — count per country × category ×
// outcome for one half-year — on generated 1M- and 5M-row logs, and the start-up of small commands
// against a bare `node -e 0`. Prints a table of median times (3 runs), ratios and peak memory.
//
// Generated logs are cached in .bench-cache/ (git-ignored); @duckdb/node-api is installed there on
// first use, so that `npm install` stays lean for users. Miller runs when `mlr` is installed.
//
//   npm run bench                 # everything
//   node scripts/bench.mjs --quick  # 1M rows only, no 5M
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, generateLogs } from './gen-logs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, '.bench-cache');
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' } } });
const RUNS = Number(args.runs);
const SEED = 7;
const PERIOD = { id: '2021H1', start: '2021-01-01', endExclusive: '2021-07-01' };
const cli = path.join(root, 'dist', 'transparency.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// Every command runs without NODE_EXTRA_CA_CERTS: where it is set (as on this project's machines),
// every Node process parses that bundle of certificates as it starts (~45 ms here, more than a
// bare `node -e 0` takes without it), which would hide most of the start-up being measured.
const ENV = { ...process.env };
delete ENV.NODE_EXTRA_CA_CERTS;

mkdirSync(cache, { recursive: true });

function log(text) {
  process.stderr.write(`${text}\n`);
}

/** Runs a command; wall seconds and peak RSS (MB, when /usr/bin/time is there). Fails on a non-zero exit. */
function measure(command, commandArgs, { cwd = root, env = ENV, allowExit = [0] } = {}) {
  const argv = TIME ? [TIME, ['-f', '__PEAK__%M', command, ...commandArgs]] : [command, commandArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv[1], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const stderr = result.stderr?.toString() ?? '';
  if (!allowExit.includes(result.status)) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${stderr.slice(-2000)}`);
  const peak = /__PEAK__(\d+)/.exec(stderr);
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : undefined };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** bench() for several commands, their runs taken in turn; results by key. */
function benchInTurn(commands, count) {
  const runs = Object.fromEntries(Object.keys(commands).map((key) => [key, []]));
  for (let i = 0; i < count; i++) {
    for (const [key, [, command, commandArgs, options]] of Object.entries(commands)) runs[key].push(measure(command, commandArgs, options));
  }
  return Object.fromEntries(
    Object.entries(commands).map(([key, [label]]) => {
      const result = {
        label,
        seconds: median(runs[key].map((run) => run.seconds)),
        peakMb: runs[key].every((run) => run.peakMb !== undefined) ? Math.max(...runs[key].map((run) => run.peakMb)) : undefined,
      };
      log(`  ${label}: ${result.seconds.toFixed(3)} s${result.peakMb ? `, ${result.peakMb.toFixed(0)} MB` : ''}`);
      return [key, result];
    }),
  );
}

/** Median time and the largest peak over RUNS runs (or `count`). */
function bench(label, command, commandArgs, options, count = RUNS) {
  const runs = [];
  for (let i = 0; i < count; i++) runs.push(measure(command, commandArgs, options));
  const result = {
    label,
    seconds: median(runs.map((run) => run.seconds)),
    peakMb: runs.every((run) => run.peakMb !== undefined) ? Math.max(...runs.map((run) => run.peakMb)) : undefined,
  };
  log(`  ${label}: ${result.seconds.toFixed(2)} s${result.peakMb ? `, ${result.peakMb.toFixed(0)} MB` : ''}  (${runs.map((run) => run.seconds.toFixed(2)).join(', ')})`);
  return result;
}

function logsFile(rows) {
  const name = `logs-${rows / 1e6}m-seed${SEED}-v${GENERATOR_VERSION}.csv`;
  const file = path.join(cache, name);
  if (!existsSync(file)) {
    log(`generating ${name} …`);
    generateLogs({ rows, seed: SEED, out: file });
  }
  return file;
}

function ensureDuckDb() {
  const folder = path.join(cache, 'duckdb');
  const runner = path.join(folder, 'group-by.mjs');
  if (!existsSync(path.join(folder, 'node_modules', '@duckdb', 'node-api'))) {
    log('installing @duckdb/node-api into .bench-cache/duckdb (first run only) …');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), '{ "name": "transparency-bench-duckdb", "private": true }\n');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '@duckdb/node-api'], { cwd: folder, stdio: 'inherit' });
    if (npm.status !== 0) return undefined;
  }
  writeFileSync(
    runner,
    `import { DuckDBInstance } from '@duckdb/node-api';
const [file, start, end] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(\`SELECT "Country", "Category", "Outcome", count(*) AS n
  FROM read_csv('\${file}', header = true, all_varchar = true)
  WHERE "Received" >= '\${start}' AND "Received" < '\${end}' GROUP BY ALL ORDER BY ALL\`);
if (reader.getRows().length === 0) process.exit(1);
`,
  );
  return runner;
}

function hasMiller() {
  return spawnSync('mlr', ['--version'], { stdio: 'ignore' }).status === 0;
}

if (!existsSync(cli)) throw new Error('dist/transparency.js is missing: run npm run build (npm run bench does)');
const duckdb = ensureDuckDb();
const miller = hasMiller();
const sizes = args.quick ? [1e6] : [1e6, 5e6];
const rows = [];

for (const size of sizes) {
  const file = logsFile(size);
  const mb = statSync(file).size / 1e6;
  log(`${size / 1e6}M rows (${mb.toFixed(0)} MB):`);
  const row = { size, mb, results: {} };
  // Each tool's runs taken in turn with the others' (see benchInTurn).
  const build = [cli, 'build', '--period', PERIOD.id, file, '--format', 'csv', '--quiet'];
  const commands = {
    floor: ['cat file > /dev/null', 'cat', [file]],
    cli: ['transparency build (validating)', process.execPath, build],
    cliOne: ['transparency build, one thread', process.execPath, build, { env: { ...ENV, TRANSPARENCY_THREADS: '0' } }],
  };
  if (duckdb) commands.duckdb = ['DuckDB GROUP BY (2 threads)', process.execPath, [duckdb, file, PERIOD.start, PERIOD.endExclusive], { cwd: path.dirname(duckdb) }];
  if (miller) {
    commands.miller = ['Miller count -g', 'mlr', [
      '--icsv', '--ocsv', 'filter', `$Received >= "${PERIOD.start}" && $Received < "${PERIOD.endExclusive}"`,
      'then', 'count', '-g', 'Country,Category,Outcome', file,
    ]];
  }
  // A first read of the file (not counted) puts it in the page cache for every tool alike.
  measure('cat', [file]);
  row.results = benchInTurn(commands, RUNS);
  rows.push(row);
}

log('start-up:');
const fixture = path.join(root, 'fixtures', 'logs', '2020');
const pdf = path.join(cache, 'report-2020.pdf');
// Start-up times are short and this machine's timings wander from one minute to the next: more
// runs, taken in turn (node, build, query, node, …), so that a slow minute slows them all alike.
const STARTUP_RUNS = Math.max(RUNS, 11);
const startup = benchInTurn(
  {
    node: ['node -e 0', process.execPath, ['-e', '0']],
    build: ['build 2020 fixture (table)', process.execPath, [cli, 'build', '--period', '2020', fixture]],
    // The target (issue 7) is a query on the 2020 fixture; the README's example reads all the
    // fixtures (2021H1 too, 354 rows against 215), measured beside it for reference.
    query: ['query on the 2020 fixture', process.execPath, [cli, 'query', '--period', '2020', '--country', 'RU', '--outcome', 'rejected', fixture]],
    queryAll: ['query on all the fixtures', process.execPath, [cli, 'query', '--period', '2020', '--country', 'RU', '--outcome', 'rejected', path.join(root, 'fixtures', 'logs')]],
  },
  STARTUP_RUNS,
);
Object.assign(startup, {
  pdf: bench('build 2020 fixture (PDF)', process.execPath, [cli, 'build', '--period', '2020', fixture, '--out', pdf, '--quiet']),
});
rmSync(pdf, { force: true });

// The report.
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const out = [];
out.push(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${RUNS} runs each, ${STARTUP_RUNS} for start-up (median time, largest peak RSS)`);
if (process.env.NODE_EXTRA_CA_CERTS) out.push('NODE_EXTRA_CA_CERTS is set here: every command ran without it (scripts/bench.mjs says why).');
out.push('');
out.push(`| tool | ${rows.map((row) => `${row.size / 1e6}M rows (${row.mb.toFixed(0)} MB)`).join(' | ')} | peak memory (${rows.at(-1).size / 1e6}M) |`);
out.push(`|---|${rows.map(() => '---:').join('|')}|---:|`);
const tools = [
  ['floor', '`cat file > /dev/null` (floor)'],
  ['duckdb', 'DuckDB, `GROUP BY` over `read_csv`, 2 threads'],
  ['miller', 'Miller `count -g`'],
  ['cli', '**transparency build** (every row validated; a helper thread)'],
  ['cliOne', 'transparency build, one thread (`TRANSPARENCY_THREADS=0`)'],
];
for (const [key, label] of tools) {
  if (!rows[0].results[key]) continue;
  const last = rows.at(-1).results[key];
  out.push(`| ${label} | ${rows.map((row) => `${row.results[key].seconds.toFixed(2)} s`).join(' | ')} | ${last.peakMb ? `${last.peakMb.toFixed(0)} MB` : '—'} |`);
}
out.push('');
for (const row of rows) {
  const { cli: ours, duckdb: duck, miller: mlr } = row.results;
  const parts = [];
  // Issue 7 sets its time targets at 1M rows, and at 5M rows only memory.
  const timed = row.size < 5e6;
  if (duck) parts.push(`${(ours.seconds / duck.seconds).toFixed(2)}× DuckDB's time${timed ? ' (target ≤ 1.5×)' : ''}`);
  if (mlr) parts.push(`${(mlr.seconds / ours.seconds).toFixed(1)}× faster than Miller${timed ? ' (target ≥ 4×)' : ''}`);
  if (ours.peakMb) parts.push(`peak ${ours.peakMb.toFixed(0)} MB${row.size >= 5e6 ? ' (target ≤ 150 MB)' : ''}`);
  out.push(`${row.size / 1e6}M rows: ${parts.join('; ')}`);
}
out.push('');
out.push('| start-up | time | × `node -e 0` |');
out.push('|---|---:|---:|');
for (const [key, label, target] of [
  ['node', '`node -e 0`', ''],
  ['build', '`build --period 2020 fixtures/logs/2020` (table)', ' (target ≤ 2×)'],
  ['query', '`query --period 2020 --country RU --outcome rejected fixtures/logs/2020`', ' (target ≤ 2×)'],
  ['queryAll', 'the same query on all of `fixtures/logs` (for reference)', ''],
  ['pdf', '`build --period 2020 … --out report.pdf`', ' (target ≤ 1 s)'],
]) {
  const ratio = key === 'pdf' ? '—' : `${(startup[key].seconds / startup.node.seconds).toFixed(2)}×`;
  out.push(`| ${label}${key === 'pdf' ? target : ''} | ${startup[key].seconds.toFixed(3)} s | ${ratio}${key === 'pdf' ? '' : target} |`);
}
console.log(out.join('\n'));
