// What keeps small commands quick to start, and would be lost silently: the launcher
// (dist/transparency.js) compiles the bundled CLI with the V8 code cache that the build wrote (a
// cache that V8 refuses would cost every command ~25 ms), and the CLI loads no Node module that only
// large logs need.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';

describe('code cache', () => {
  it('is accepted by this Node for the bundle it was made from', () => {
    const file = path.join(ROOT, 'dist/transparency.cjs');
    // The same wrapper as the launcher's: the cache is only valid for the same source text.
    const launcher = readFileSync(path.join(ROOT, 'dist/transparency.js'), 'utf8');
    expect(launcher).toContain('(function (exports, require, module, __filename, __dirname) {');
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
    const script = new Script(wrapper, { filename: file, cachedData: readFileSync(`${file}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('is made from a bundle of ASCII only', () => {
    // One character above 127 (a '≤' in a comment, a '’' in a regular expression) and V8 holds the
    // whole script as two-byte text: every command started ~1.5 ms slower, and a 5M-row build
    // peaked ~8 MB higher (see scripts/build.mjs).
    const source = readFileSync(path.join(ROOT, 'dist/transparency.cjs'), 'latin1');
    const offending = /[^\x00-\x7f].{0,40}/.exec(source);
    expect(offending?.[0]).toBeUndefined();
  });

  it('changes nothing the CLI prints when it is missing', () => {
    // A copy of the launcher and the bundle without the cache: the launcher compiles from source.
    const copy = mkdtempSync(path.join(tmpdir(), 'transparency-no-cache-'));
    try {
      for (const name of ['transparency.js', 'transparency.cjs']) copyFileSync(path.join(ROOT, 'dist', name), path.join(copy, name));
      const args = ['periods', '--by', 'quarter', '--format', 'csv', path.join(ROOT, 'fixtures/logs/2021h1')];
      const uncached = spawnSync(process.execPath, [path.join(copy, 'transparency.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const cached = runCli(args);
      expect(cached.status).toBe(0);
      expect(uncached.status).toBe(cached.status);
      expect(uncached.stdout).toBe(cached.stdout);
      expect(uncached.stderr).toBe(cached.stderr);
      expect(cached.stdout).toContain('2021Q2');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

// Node's own modules cost start-up too: node:child_process (with net and dgram), node:crypto,
// node:v8 and node:worker_threads each added milliseconds to every command, though only a large
// log (v8, threads) or never (commander's child_process, for executable subcommands) needs them;
// and an ES module anywhere on the way (the bin, the launcher) started Node's ES module loader.
/**
 * Runs Node with a preload that prints `expression`, worked out at exit, on standard error (by
 * descriptor: process.stderr itself would load node:tty); the run and what it printed. `args` are
 * given a scratch folder, removed afterwards.
 */
function runReporting(expression: string, args: (dir: string) => string[], options: SpawnSyncOptions = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'transparency-start-'));
  try {
    const preload = path.join(dir, 'report.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeSync(2, '\\nREPORT ' + (${expression}) + '\\n'));`);
    const run = spawnSync(process.execPath, ['-r', preload, ...args(dir)], { encoding: 'utf8', ...options });
    return { run, report: /REPORT (.*)/.exec(String(run.stderr))?.[1] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Node modules a run of the CLI loaded. */
function modulesLoaded(args: (dir: string) => string[], options: SpawnSyncOptions = {}) {
  const { run, report } = runReporting("process.moduleLoadList.join('|')", (dir) => [BIN, ...args(dir)], options);
  return { run, modules: report?.split('|') ?? [] };
}

describe('start-up', () => {
  it('loads none of the Node modules that only large logs need, and no ES module', () => {
    const { run, modules } = modulesLoaded(
      (dir) => ['build', '--period', '2020', path.join(ROOT, 'fixtures/logs/2020'), '--out', path.join(dir, 'report.csv')],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(run.status).toBe(0);
    expect(modules).toContain('NativeModule fs'); // the list is there
    for (const name of ['child_process', 'crypto', 'v8', 'worker_threads']) expect(modules).not.toContain(`NativeModule ${name}`);
    expect(modules).not.toContain('NativeModule internal/modules/esm/module_job');
  });

  it('reads logs without node:fs/promises (and the readline and watcher modules it loads)', () => {
    const { run, modules } = modulesLoaded(() => ['build', '--period', '2020', path.join(ROOT, 'fixtures/logs/2020')], { env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('TOTAL');
    expect(modules).toContain('NativeModule fs');
    expect(modules).not.toContain('NativeModule fs/promises');
    expect(modules).not.toContain('NativeModule internal/readline/interface');
  });
});

describe('standard output that is not a terminal', () => {
  // Asking node:tty whether a pipe or /dev/null is a terminal loads net and the stream machinery
  // (~2.5 ms of a small command's start): a file status answers first (src/io/std-output.ts), and
  // chalk's own colour detection is left out of the bundle (scripts/build.mjs).
  it.runIf(process.platform === 'linux').each([
    ['a pipe', 'pipe' as const],
    ['/dev/null', 'null' as const],
  ])('is written without node:tty, net or streams: stdout to %s, stderr to a pipe', (_, target) => {
    const fd = target === 'null' ? openSync('/dev/null', 'w') : undefined;
    try {
      const { run, modules } = modulesLoaded(() => ['build', '--period', '2020', path.join(ROOT, 'fixtures/logs/2020')], { stdio: ['ignore', fd ?? 'pipe', 'pipe'] });
      expect(run.status).toBe(0);
      if (fd === undefined) expect(run.stdout).toContain('TOTAL');
      expect(run.stderr).toContain('note: ignored columns'); // a diagnostic was written to the pipe
      expect(modules).toContain('NativeModule fs'); // the list is there
      for (const name of ['tty', 'net', 'stream']) expect(modules).not.toContain(`NativeModule ${name}`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  });
});

describe('reading small logs', () => {
  // Reading is synchronous (src/io/read-logs.ts, resolve-inputs.ts, read-config.ts): libuv's thread
  // pool, which asynchronous file calls go through, would start four threads, and each call would
  // wait for one of them to get a core.
  it.runIf(process.platform === 'linux')('starts no more threads than a bare node does', () => {
    const threads = (args: string[]) => {
      const { run, report } = runReporting("require('node:fs').readdirSync('/proc/self/task').length", () => args, { cwd: ROOT });
      expect(run.status, String(run.stderr)).toBe(0);
      return Number(report);
    };
    const bare = threads(['-e', '0']);
    expect(bare).toBeGreaterThan(1);
    expect(threads([BIN, 'query', '--period', '2020', '--country', 'RU', 'fixtures/logs'])).toBe(bare);
    expect(threads([BIN, 'build', '--period', '2020', 'fixtures/logs/2020', '--format', 'csv'])).toBe(bare);
  });
});

// Tables that scripts/build.mjs works out at build time (its `precomputed` plugin) and puts in the
// bundles as JSON: the same as the sources' modules build.
describe.each([
  // What each must at least hold: the three country tables; one list per built-in rule.
  ['country tables', 'buildCountryIndex', async () => (await import('../../src/core/country-index.js')).buildCountryIndex(), 3],
  ["built-in rules' required strings", 'buildRuleLiterals', async () => (await import('../../src/core/rule-literals.js')).buildRuleLiterals(), 11],
] as const)('%s', (_, functionName, buildFromSources, atLeast) => {
  it('are in the bundles as built at build time, the same as the sources build', async () => {
    const expected = await buildFromSources();
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(atLeast);
    for (const name of ['transparency.cjs', 'row-worker.js']) {
      const bundle = readFileSync(path.join(ROOT, 'dist', name), 'utf8');
      // The JSON is a string literal (of whichever quotes esbuild chose) in `JSON.parse(…)`.
      const literal = new RegExp(`function ${functionName}\\(\\)\\{return JSON\\.parse\\((.*?)\\)\\}`, 's').exec(bundle)?.[1];
      expect(literal, name).toBeDefined();
      expect(JSON.parse(new Script(literal!).runInNewContext() as string)).toEqual(expected);
    }
  });
});
