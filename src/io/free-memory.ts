// Collects garbage on demand, so that a large buffer let go (the id table, 44 MB at 5M rows) goes back
// to the system at once, rather than whenever V8 next collects its old generation — which a short run
// may never do before its peak.
import { runInNewContext } from 'node:vm';

/** A major collection now (~5–10 ms; freed buffers are returned in the background). `v8` is node:v8, loaded by the caller. */
export function freeMemoryNow(v8: typeof import('node:v8')): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}
