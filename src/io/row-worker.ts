// A row-reading thread: reads the candidate lines of a chunk with its own RowKeys and sends back what
// each gave; the main thread commits them in input order (ids, tally, problems), and reads itself
// every line this thread declined. Built into dist/row-worker.js (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { createClassifier } from '../core/classify.js';
import { copyRowKeys, PROHIBITED_WORDINGS, ROW_KEY_WORDS, RowKeys } from '../core/fast-row.js';
import type { ParallelInit } from '../core/intake.js';
import type { ColumnIndex } from '../core/validate-row.js';

export type WorkerRequest =
  | { type: 'init'; init: ParallelInit }
  | { type: 'layout'; columns: ColumnIndex; width: number }
  | { type: 'read'; id: number; bytes: Uint8Array; candidates: Int32Array; count: number };

export interface WorkerReply {
  id: number;
  /** Per candidate: ok (0/1), idLow, idHigh, signature, cell, timeCell, days, bucket, prohibited (index + 1). */
  results: Int32Array;
  cellKeys: string[];
  timeKeys: string[];
}

export const RESULT_WORDS = 9;

let keys: RowKeys | undefined;
let cellsSent = 0;
let timesSent = 0;

parentPort?.on('message', (message: WorkerRequest) => {
  if (message.type === 'init') {
    const { init } = message;
    keys = new RowKeys({
      classifier: createClassifier(init.categories, init.prohibited),
      today: init.today,
      period: init.period,
      comparePeriod: init.comparePeriod,
    });
    return;
  }
  if (message.type === 'layout') {
    keys!.layout(message.columns, message.width);
    return;
  }
  const rowKeys = keys!;
  const { bytes, candidates, count } = message;
  const results = new Int32Array(count * RESULT_WORDS);
  const out = rowKeys.out;
  for (let c = 0, r = 0; c < count; c++, r += RESULT_WORDS) {
    if (!rowKeys.readBytes(bytes, candidates[2 * c]!, candidates[2 * c + 1]!)) continue;
    results[r] = 1;
    copyRowKeys(out, results, r + 1);
    results[r + 1 + ROW_KEY_WORDS] = out.prohibited ? PROHIBITED_WORDINGS.indexOf(out.prohibited) + 1 : 0;
  }
  const reply: WorkerReply = {
    id: message.id,
    results,
    cellKeys: rowKeys.cellKeys.slice(cellsSent),
    timeKeys: rowKeys.timeKeys.slice(timesSent),
  };
  cellsSent = rowKeys.cellKeys.length;
  timesSent = rowKeys.timeKeys.length;
  parentPort!.postMessage(reply, [results.buffer]);
});
