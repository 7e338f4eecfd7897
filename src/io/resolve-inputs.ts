// `--logs` arguments → the list of sources to read: files, every *.csv below a directory, glob
// matches, and `-` for standard input. Sorted, so that the same arguments always read in one order.
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { describeFsError, IoError } from './io-error.js';

/** Characters that make an argument a glob pattern rather than a path. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/** Every *.csv below a folder (any case), with absolute paths. */
function csvFilesBelow(folder: string): string[] {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
    .map((entry) => path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
}

/**
 * The file's status, or the error that says why there is none. Synchronous, as the rest of the
 * reading is (see read-logs.ts): the CLI has nothing else to do meanwhile.
 */
function statOrError(file: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(file);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

export type Source = { kind: 'stdin'; name: string } | { kind: 'file'; name: string; path: string };

export async function resolveInputs(inputs: readonly string[], cwd = process.cwd()): Promise<Source[]> {
  const sources: Source[] = [];
  const seen = new Set<string>();
  const addFile = (file: string) => {
    const absolute = path.resolve(cwd, file);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const relative = path.relative(cwd, absolute);
    sources.push({ kind: 'file', name: relative.startsWith('..') ? absolute : relative, path: absolute });
  };
  for (const input of inputs) {
    if (input === '-') {
      if (!sources.some((source) => source.kind === 'stdin')) sources.push({ kind: 'stdin', name: '<stdin>' });
      continue;
    }
    const info = statOrError(path.resolve(cwd, input));
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const found = csvFilesBelow(path.resolve(cwd, input));
        if (found.length === 0) throw new IoError(`${input}: the directory holds no .csv files`);
        found.sort().forEach(addFile);
      } else {
        addFile(input);
      }
      continue;
    }
    if (GLOB_CHARACTERS.test(input)) {
      // tinyglobby is loaded only for a pattern: most runs name files and folders.
      const { glob } = await import('tinyglobby');
      const found = await glob(input, { cwd, absolute: true, onlyFiles: true });
      if (found.length === 0) throw new IoError(`${input}: no file matches this pattern`);
      found.sort().forEach(addFile);
      continue;
    }
    throw new IoError(`${input}: cannot read: ${describeFsError(info)}`);
  }
  return sources;
}
