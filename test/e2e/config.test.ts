// The config file: found in the current directory or named by --config; its errors name JSON paths.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

function project(config: unknown, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'transparency-config-'));
  writeFileSync(path.join(dir, 'transparency.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('config file', () => {
  it('supplies the period and the logs (relative to the config file) when the command line does not', () => {
    const absolute = project({ period: '2021H1', logs: [fixture('logs/2021h1')] });
    const run = runCli(['build', '--format', 'csv'], { cwd: absolute });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2021H1,RU,Russia,');
    expect(run.stderr).toContain('outside H1 2021');
  });

  it('resolves the config\'s logs relative to the config file, wherever the command runs', () => {
    const dir = project({ period: '2021', logs: ['log.csv'] }, { 'log.csv': 'id,received,country,outcome,category\nX-1,2021-02-01,RU,approved,user-data\n' });
    const run = runCli(['build', '--config', path.join(dir, 'transparency.config.json'), '-f', 'csv'], { cwd: tmpdir() });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2021,RU,Russia,user-data,approved,1,100');
  });

  it('column aliases and classification rules extend the built-in ones', () => {
    const dir = project(
      { columns: { 'Case Number': 'id' }, classification: { rules: [{ id: 'weather', pattern: 'weather', category: 'user-data' }] } },
      { 'log.csv': 'Case Number,received,country,outcome,request_type\nX-1,2021-02-01,RU,approved,weather forecast\n' },
    );
    const run = runCli(['build', '-p', '2021', 'log.csv', '-f', 'csv'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2021,RU,Russia,user-data,approved,1,100');
  });

  it('command-line options override the config', () => {
    const dir = project({ period: '2021H1', logs: [fixture('logs/2021h1')] });
    const run = runCli(['build', '-p', '2020', fixture('logs/2020'), '-f', 'csv'], { cwd: dir });
    expect(run.stdout).toContain('2020,,TOTAL,technical-expertise,approved,101,63');
  });

  it('every problem of an invalid config, with its JSON path; exit 2', () => {
    const dir = project({ report: { url: 'nope', principles: [1] }, bogus: 1 });
    const run = runCli(['build', '-p', '2020', fixture('logs/2020')], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: transparency.config.json: invalid config:');
    expect(run.stderr).toContain('  report.url: Invalid URL');
    expect(run.stderr).toContain('  report.principles[0]: Invalid input: expected string, received number');
    expect(run.stderr).toMatch(/bogus/);
  });

  it('JSON syntax errors give a line and column', () => {
    const dir = project('{\n  "period": "2020",\n}\n');
    const run = runCli(['build', fixture('logs/2020')], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/transparency\.config\.json: not valid JSON: .* at line 3, column 1/);
  });

  it('an invalid classification pattern is a config error', () => {
    const dir = project({ classification: { rules: [{ id: 'x', pattern: '(', category: 'user-data' }] } });
    const run = runCli(['validate', fixture('logs/2020')], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/classification\.rules\[0\]\.pattern: not a valid regular expression/);
  });

  it('--config names a file that must exist', () => {
    const run = runCli(['build', '-p', '2020', fixture('logs/2020'), '--config', 'missing.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: missing.json: cannot read the config: no such file or directory\n');
  });
});

describe('a character the PDF font lacks', () => {
  it('is a clear error naming the text and where it comes from (exit 2), and no PDF is written', () => {
    const dir = project({ organisation: { name: '株式会社 Example' } });
    const run = runCli(['build', '-p', '2020', fixture('logs/2020'), '--out', 'r.pdf'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: cannot write the PDF: the font DejaVu Sans has no glyph for "株" (U+682A)');
    expect(run.stderr).toContain('in organisation.name in the config');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['transparency.config.json']);
  });
});
