// The launcher (dist/transparency.js) compiles the bundled CLI with the V8 code cache that the build
// wrote: a cache that V8 refuses would cost every command ~25 ms of start-up, silently.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

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
