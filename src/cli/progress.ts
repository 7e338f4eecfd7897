// A progress line on stderr while large logs are read — only on a terminal, only after the first
// second (short runs never show it), and erased when reading ends.

import { isTerminal, streamOf } from '../io/std-output.js';

export interface Progress {
  update(bytes: number, rows: number): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

/** `doing` says what is going on ("reading", the default). */
export function progressOnStderr(doing = 'reading', on?: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>, now: () => number = Date.now): Progress {
  // Standard error's stream is made only for a terminal (see io/std-output.ts).
  const stream = on ?? (isTerminal(2) ? streamOf(2) : undefined);
  if (!stream?.isTTY) return SILENT;
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(bytes, rows) {
      const time = now();
      if (time - start < 1000 || time - last < 200) return;
      last = time;
      shown = true;
      const seconds = (time - start) / 1000;
      const mb = bytes / 1e6;
      stream.write(`\r\x1b[K${doing}: ${mb.toFixed(0)} MB, ${rows.toLocaleString('en')} rows (${(mb / seconds).toFixed(0)} MB/s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s)`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
