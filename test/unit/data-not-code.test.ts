// Config and logs are data, never code: no eval, no Function constructor, no shell, no config
// loaded as a module. A source scan, so that a change that adds one fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const FORBIDDEN: Array<[string, RegExp]> = [
  ['eval', /\beval\s*\(/],
  ['the Function constructor', /\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/],
  ['child processes', /node:child_process|from ['"]child_process['"]|\bexecSync\b|\bspawn\(/],
  ['the vm module', /node:vm|from ['"]vm['"]/],
  ['a dynamic import of a computed path', /\bimport\(\s*[^'"`\s)]/],
  ['require of a computed path', /\brequire\(\s*[^'"`\s)]/],
];

describe('config and logs are data, never code', () => {
  const files = sources(path.join(ROOT, 'src'));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN)('no %s in src/', (name, pattern) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => path.relative(ROOT, file));
    // One exception, checked below: the vm module gives V8's garbage collector a name.
    expect(offenders).toEqual(name === 'the vm module' ? ['src/io/free-memory.ts'] : []);
  });

  it('the one use of vm runs a fixed word, gc, and nothing read', () => {
    const source = readFileSync(path.join(ROOT, 'src/io/free-memory.ts'), 'utf8');
    expect(source.match(/runInNewContext\([^)]*\)/g)).toEqual(["runInNewContext('gc')"]);
    expect(source.match(/\b(runIn\w+|Script|compileFunction|SourceTextModule)\b/g)).toEqual(['runInNewContext', 'runInNewContext']);
  });

  it('the config is read as JSON text, never imported', () => {
    const reader = readFileSync(path.join(ROOT, 'src/io/read-config.ts'), 'utf8');
    expect(reader).toMatch(/JSON\.parse/);
    // Its one dynamic import is the validator's own module (zod, loaded lazily), never the file read.
    expect(reader.match(/\bimport\([^)]*\)/g)).toEqual(["import('../core/schemas.js')"]);
  });
});
