// What the main thread and the row-reading threads (row-worker.ts) say to each other, and how a
// chunk's lines and rows are laid out in the memory they share.
import { ROW_KEY_WORDS } from '../core/fast-row.js';
import type { ParallelInit, RemoteCounts } from '../core/intake.js';
import type { ColumnIndex } from '../core/validate-row.js';

/** Memory shared by the main thread and the threads: one slot per chunk in flight. */
export interface SharedSlot {
  /** The chunk's bytes. */
  data: SharedArrayBuffer;
  /** Per line: the position of its `\n`, then LINE_PLAIN, LINE_QUOTED or its candidate number. */
  lines: SharedArrayBuffer;
  /** Per candidate, RESULT_WORDS: the row's keys (copyRowKeys; bucket -1 when declined), then prohibited. */
  results: SharedArrayBuffer;
}

/** Words per line in a slot's lines. */
export const LINE_WORDS = 2;
/** A line's second word when it is no candidate (blank, or not led by printable ASCII): it holds a quote (LINE_QUOTED) or not (LINE_PLAIN). */
export const LINE_QUOTED = -2;
export const LINE_PLAIN = -1;
export const RESULT_WORDS = ROW_KEY_WORDS + 1;
/** Where the bucket is among a result's words (-1: the row was declined). */
export const RESULT_BUCKET = 6;

export type WorkerRequest =
  | { type: 'init'; init: ParallelInit; slots: SharedSlot[]; done: Int32Array; started: Int32Array; index: number }
  | { type: 'layout'; columns: ColumnIndex; width: number }
  | { type: 'chunk'; id: number; slot: number; length: number }
  | { type: 'finish'; id: number };

export interface ChunkReply {
  type: 'chunk';
  id: number;
  /** Position of the chunk's first `\n` (the line before it is the main thread's), -1 when none. */
  first: number;
  /** Lines after the first `\n` that end in this chunk. */
  lineCount: number;
  /** Candidate rows among them. */
  candidateCount: number;
  /** True when the chunk has more lines than a slot holds: the main thread reads the rest itself. */
  overflow: boolean;
  /** The codes of the cells and groups this thread's RowKeys added since its last reply, in order. */
  cellCodes: number[];
  timeCodes: number[];
}

export interface CountsReply extends RemoteCounts {
  type: 'finish';
  id: number;
}

export type WorkerReply = ChunkReply | CountsReply;

/** Lines a slot holds for a chunk of `bytes` bytes (a chunk with more is read by the main thread). */
export function slotLines(bytes: number): number {
  return Math.max(256, Math.ceil(bytes / 40));
}

