// Where a command's output goes: the file named by --out (written atomically), else stdout.
import { writeFileAtomic, writeStdout } from '../io/write-output.js';
import { formatOfPath, type Format } from '../render/renderers.js';
import { UsageError } from './usage-error.js';

/** The format asked for, else the one --out's extension implies, else the table; refused if not allowed. */
export function chooseFormat<F extends Format>(asked: Format | undefined, out: string | undefined, allowed: readonly F[]): F {
  const format = asked ?? (out && out !== '-' ? formatOfPath(out) : 'table');
  if (!format) throw new UsageError(`cannot tell the format from "${out}"; add --format ${allowed.join(', ')}`);
  if (!(allowed as readonly Format[]).includes(format)) {
    throw new UsageError(`this command does not write ${format}; use --format ${allowed.join(', ')}`);
  }
  return format as F;
}

/** `--out -` is standard output, as `-` is standard input for the logs. */
export async function emit(output: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out && out !== '-') await writeFileAtomic(out, output);
  else await writeStdout(output);
}
