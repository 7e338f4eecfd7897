// The README's quick start is the first thing a new user runs: its command must work as written
// (after `npm install`, which the test run has done already). npm 11's npx stopped running a
// project's own command, and nothing noticed, since no test ran the line itself.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

function quickStartCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
  return [...section.matchAll(/```sh\n([^\n]+)\n```/g)].map((match) => match[1]!);
}

describe('the README quick start', () => {
  it('has the two commands: the main job and the tests, each after npm install', () => {
    expect(quickStartCommands()).toEqual([expect.stringMatching(/^npm install && .*build /), 'npm install && npm test']);
  });

  it('runs the main job on the bundled example as written', () => {
    const command = quickStartCommands()[0]!.replace(/^npm install && /, '');
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', command], {
      cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
    });
    expect(run.stderr).not.toMatch(/not found/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Russia/);
    expect(run.stdout).toMatch(/TOTAL/);
  });
});
