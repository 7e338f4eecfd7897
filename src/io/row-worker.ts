// A row-reading thread. For each chunk of a log it is given (in memory shared with the main thread),
// it finds the lines, reads every plain candidate row with its own RowKeys and counts the valid ones
// in its own tallies. The main thread then walks the chunk's lines in input order: it numbers them,
// checks each taken row's id (duplicates are found across the whole input only there) and reads
// every line this thread declined. A row counted here that the main thread does not take (a
// duplicate, or a line that turns out to sit inside a quoted field) is subtracted there again, so
// the sum of all tallies is exactly what one thread would have counted.
// Built into dist/row-worker.js (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { createClassifier } from '../core/classify.js';
import { copyRowKeys, PROHIBITED_WORDINGS, ROW_KEY_WORDS, RowKeys } from '../core/fast-row.js';
import { LINE_PLAIN, LINE_QUOTED, LINE_WORDS, RESULT_BUCKET, RESULT_WORDS, type ChunkReply, type WorkerReply, type WorkerRequest } from './shared-chunks.js';

let keys: RowKeys | undefined;
let slots: { data: Buffer; lines: Int32Array; results: Int32Array }[] = [];
/** Chunks read, by thread: counted here as soon as a chunk is read (see RowPool.read). */
let done: Int32Array | undefined;
let index = 0;
let cellsSent = 0;
let timesSent = 0;
/** Rows counted by cell number, in the period (0) and the comparison period (1). */
const cellCounts: number[][] = [[], []];
/** Decision times by group number and days (below 1024), and the rest as (group, days, rows) triples. */
const timeCounts: number[][][] = [[], []];
const otherTimes: number[][] = [[], []];

parentPort?.on('message', (message: WorkerRequest) => {
  switch (message.type) {
    case 'init': {
      const { init } = message;
      keys = new RowKeys({
        classifier: createClassifier(init.categories, init.prohibited),
        today: init.today,
        period: init.period,
        comparePeriod: init.comparePeriod,
      });
      done = message.done;
      index = message.index;
      slots = message.slots.map((slot) => ({
        data: Buffer.from(slot.data),
        lines: new Int32Array(slot.lines),
        results: new Int32Array(slot.results),
      }));
      return;
    }
    case 'layout':
      keys!.layout(message.columns, message.width);
      return;
    case 'chunk': {
      const reply = readChunk(message.id, message.slot, message.length);
      Atomics.add(done!, index, 1);
      parentPort!.postMessage(reply satisfies WorkerReply);
      return;
    }
    case 'finish':
      parentPort!.postMessage({
        type: 'finish',
        id: message.id,
        cells: Int32Array.from(cellCounts[0]!, (count) => count ?? 0),
        comparisonCells: Int32Array.from(cellCounts[1]!, (count) => count ?? 0),
        times: timeTriples(0),
        comparisonTimes: timeTriples(1),
      } satisfies WorkerReply);
  }
});

function readChunk(id: number, slotIndex: number, length: number): ChunkReply {
  const rowKeys = keys!;
  const slot = slots[slotIndex]!;
  const data = slot.data;
  const lines = slot.lines;
  const results = slot.results;
  const maxLines = lines.length / LINE_WORDS;
  const first = data.indexOf(10);
  let lineCount = 0;
  let candidateCount = 0;
  let overflow = false;
  if (first !== -1 && first < length) {
    let position = first + 1;
    let quote = data.indexOf(34, position);
    if (quote === -1 || quote >= length) quote = length;
    const out = rowKeys.out;
    for (let newline = data.indexOf(10, position); newline !== -1 && newline < length; newline = data.indexOf(10, position)) {
      if (lineCount === maxLines) {
        overflow = true;
        break;
      }
      const at = LINE_WORDS * lineCount++;
      lines[at] = newline;
      if (newline > quote) {
        lines[at + 1] = LINE_QUOTED;
        quote = data.indexOf(34, newline + 1);
        if (quote === -1 || quote >= length) quote = length;
        position = newline + 1;
        continue;
      }
      const end = newline > position && data[newline - 1] === 13 ? newline - 1 : newline;
      const firstByte = data[position]!;
      if (end === position || firstByte <= 32 || firstByte >= 127) {
        lines[at + 1] = LINE_PLAIN;
        position = newline + 1;
        continue;
      }
      const candidate = candidateCount++;
      lines[at + 1] = candidate;
      const r = candidate * RESULT_WORDS;
      if (rowKeys.readBytes(data, position, end)) {
        copyRowKeys(out, results, r);
        results[r + ROW_KEY_WORDS] = out.prohibited ? PROHIBITED_WORDINGS.indexOf(out.prohibited) + 1 : 0;
        count(out.cell, out.timeCell, out.days, out.bucket);
      } else {
        results[r + RESULT_BUCKET] = -1;
      }
      position = newline + 1;
    }
  }
  const reply: ChunkReply = {
    type: 'chunk',
    id,
    first: first < length ? first : -1,
    lineCount,
    candidateCount,
    overflow,
    cellKeys: rowKeys.cellKeys.slice(cellsSent),
    timeKeys: rowKeys.timeKeys.slice(timesSent),
  };
  cellsSent = rowKeys.cellKeys.length;
  timesSent = rowKeys.timeKeys.length;
  return reply;
}

/** Counts a valid row as the intake would: bucket 0 in the period, 2 in the comparison period, 1 not at all. */
function count(cell: number, timeCell: number, days: number, bucket: number): void {
  if (bucket === 1) return;
  const which = bucket === 0 ? 0 : 1;
  const cells = cellCounts[which]!;
  cells[cell] = (cells[cell] ?? 0) + 1;
  if (timeCell < 0) return;
  if (days >= 0 && days < 1024) {
    const groups = timeCounts[which]!;
    const byDays = (groups[timeCell] ??= []);
    byDays[days] = (byDays[days] ?? 0) + 1;
  } else {
    otherTimes[which]!.push(timeCell, days, 1);
  }
}

/** The decision times counted for the period (0) or the comparison period (1), as (group, days, rows) triples. */
function timeTriples(which: number): Int32Array {
  const triples: number[] = [...otherTimes[which]!];
  timeCounts[which]!.forEach((byDays, group) => {
    byDays.forEach((rows, days) => {
      if (rows) triples.push(group, days, rows);
    });
  });
  return Int32Array.from(triples);
}
