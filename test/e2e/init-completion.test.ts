// `init` writes a valid config and its schema; `completion` prints scripts the shells accept.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, parseConfig } from '../../src/core/schemas.js';
import { fixture, runCli } from '../helpers/run-cli.js';

function hasShell(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

describe('init', () => {
  it('writes an example config that is valid, and a schema that $schema points to', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transparency-init-'));
    const run = runCli(['init'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('wrote transparency.config.json\nwrote transparency.schema.json\n');
    const config = JSON.parse(readFileSync(path.join(dir, 'transparency.config.json'), 'utf8')) as { $schema: string };
    expect(parseConfig(config).ok).toBe(true);
    expect(config.$schema).toBe('./transparency.schema.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'transparency.schema.json'), 'utf8'))).toEqual(configJsonSchema());
  });

  it('the example config drives a build: period and logs from the config', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transparency-init-'));
    runCli(['init'], { cwd: dir });
    mkdirSync(path.join(dir, 'logs'));
    copyFileSync(fixture('logs/2021h1/cases-2021-h1.csv'), path.join(dir, 'logs/cases.csv'));
    const run = runCli(['build', '--format', 'csv'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2021H1,RU,Russia,');
  });

  it('refuses to overwrite without --force', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transparency-init-'));
    writeFileSync(path.join(dir, 'transparency.config.json'), '{}');
    const run = runCli(['init'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: transparency.config.json exists; add --force to overwrite it\n');
    expect(readFileSync(path.join(dir, 'transparency.config.json'), 'utf8')).toBe('{}');
    expect(runCli(['init', '--force'], { cwd: dir }).status).toBe(0);
  });

  it('the schema documents the keys for editors', () => {
    const schema = configJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.logs?.description).toMatch(/relative to this file/);
    expect(schema.properties.period?.description).toMatch(/2021H1/);
  });
});

describe('completion', () => {
  it('bash: offers commands, options and option values', () => {
    const script = runCli(['completion', 'bash']).stdout;
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _transparency; echo "\${COMPREPLY[*]}"`], {
        encoding: 'utf8',
      }).stdout.trim();
    expect(complete(['transparency', 'q'])).toBe('query');
    expect(complete(['transparency', 'build', '--la'])).toBe('--layout');
    expect(complete(['transparency', 'build', '--format', ''])).toBe('table csv json pdf');
    expect(complete(['transparency', 'query', '--by', 'h'])).toBe('half');
    expect(complete(['transparency', 'periods', '--by', ''])).toBe('year half quarter month');
    expect(complete(['transparency', 'compare', '--format', ''])).toBe('table csv json');
    expect(complete(['transparency', 'completion', ''])).toBe('bash zsh fish');
    expect(complete(['transparency', 'build', '--period', ''])).toBe('');
    expect(complete(['transparency', 'build', '--no-c'])).toBe('--no-color');
    // query --by takes a comma list: the part after the last comma completes, without repeats.
    expect(complete(['transparency', 'query', '--by', 'country,mo'])).toBe('country,month');
    expect(complete(['transparency', 'query', '--by', 'month,c'])).toBe('month,country month,category');
  });

  it.skipIf(!hasShell('zsh'))('zsh: the script parses', () => {
    const script = runCli(['completion', 'zsh']).stdout;
    expect(script).toMatch(/^#compdef transparency/);
    expect(script).toContain(':value:_values -s , value country category outcome');
    expect(spawnSync('zsh', ['-n'], { input: script }).status).toBe(0);
  });

  it.skipIf(!hasShell('fish'))('fish: the script parses and completes option values', () => {
    const script = runCli(['completion', 'fish']).stdout;
    const run = spawnSync('fish', ['-c', `${script}\ncomplete -C "transparency build --layout "`], { encoding: 'utf8' });
    expect(run.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(expect.arrayContaining(['outcomes', 'volume']));
    const list = spawnSync('fish', ['-c', `${script}\ncomplete -C "transparency query --by country,"`], { encoding: 'utf8' });
    expect(list.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(expect.arrayContaining(['country,month', 'country,year']));
  });

  it('an unknown shell is a usage error', () => {
    const run = runCli(['completion', 'powershell']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"powershell" is not a shell this command knows; use bash, zsh, fish');
  });
});

describe('validate --explain-classification', () => {
  it('prints, per valid row, its category and what decided it', () => {
    const run = runCli(['validate', '--explain-classification', 'fixtures/logs/2020']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(175);
    expect(lines).toContain('fixtures/logs/2020/cases-2020-h1.csv:11\tuser-data\trule account-data\t"email address associated with account"');
    expect(lines.every((line) => /^fixtures\/logs\/2020\/cases-2020-h[12]\.csv:\d+\t[a-z-]+\t(category column|rule [a-z-]+)\t".*"$/.test(line))).toBe(true);
  });
});
