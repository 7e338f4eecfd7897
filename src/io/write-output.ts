// The one place that writes outputs. A file is written to a temporary name beside it, flushed, and
// renamed over the target: readers see the old report or the new one, never half of one, and a
// failed build leaves the previous report untouched.
import path from 'node:path';
import { describeFsError, IoError } from './io-error.js';
import { writeStd } from './std-output.js';

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  // Loaded here, by the commands that write files: loading node:fs/promises (with the readline and
  // file-watching modules it requires) cost every command ~1 ms of its start.
  const { open, rename, stat, unlink } = await import('node:fs/promises');
  const directory = path.dirname(path.resolve(target));
  const folder = await stat(directory).catch(() => undefined);
  if (!folder?.isDirectory()) throw new IoError(`cannot write ${target}: the folder ${path.dirname(target)} does not exist`);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new IoError(`cannot write ${target}: it is a directory; name a file`);
  // A device or a pipe (/dev/stdout, a FIFO) is written in place: renaming over it would replace it.
  if (existing && !existing.isFile()) return writeInPlace(target, data);
  // Unique, not secret (it is opened with `wx`, never over another file): no need to load node:crypto,
  // which costs a small command several milliseconds at start-up.
  const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new IoError(`cannot write ${target}: ${describeFsError(error)}; any previous ${path.basename(target)} is unchanged`);
  }
}

async function writeInPlace(target: string, data: string | Uint8Array): Promise<void> {
  const { open } = await import('node:fs/promises');
  try {
    const handle = await open(target, 'w');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new IoError(`cannot write ${target}: ${describeFsError(error)}`);
  }
}

/** Writes to stdout and resolves once the data is handed to the OS (so that exit does not truncate it). */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return writeStd(1, data);
}
