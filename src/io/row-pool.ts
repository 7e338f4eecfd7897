// Threads that read rows for the main thread (see row-worker.ts). The main thread reads a large log
// into a few slots of shared memory, a chunk a slot, and hands each chunk to the next thread; the
// threads find its lines and read and count its rows while the main thread walks the chunks
// they have finished, in order. No chunk is copied and no slot is reallocated: memory stays flat.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParallelInit } from '../core/intake.js';
import type { ColumnIndex } from '../core/validate-row.js';
import {
  LINE_WORDS, RESULT_WORDS, slotLines,
  type ChunkReply, type CountsReply, type SharedSlot, type WorkerReply, type WorkerRequest,
} from './shared-chunks.js';

/** A chunk's slot, as the main thread sees it. */
export interface Slot {
  /** The slot's bytes: a chunk is read into it. */
  data: Buffer;
  lines: Int32Array;
  results: Int32Array;
}

export interface PoolOptions {
  /** Bytes a chunk (and a slot) holds. */
  chunkBytes: number;
  /** Give threads chunks from the first, not only once they run (for tests: see ReadOptions.threads). */
  eager: boolean;
  /** Called as each thread starts running. */
  online?: () => void;
  /**
   * For tests: the threads are taken as not running until the main thread has read this many
   * chunks itself (see readHere()), as when they start late: chunks read meanwhile are handed over
   * afterwards (see readRestWithThreads).
   */
  late?: number;
}

/** Where the bundled worker is (beside the bundle's entry), or undefined when running from source. */
function workerPath(): string | undefined {
  const url = new URL(import.meta.url.includes('/chunks/') ? '../row-worker.js' : './row-worker.js', import.meta.url);
  if (url.protocol !== 'file:') return undefined;
  const path = fileURLToPath(url);
  return path.endsWith('.js') && existsSync(path) ? path : undefined;
}

interface Waiter {
  resolve: (reply: WorkerReply) => void;
  reject: (error: unknown) => void;
  worker: number;
}

/**
 * Chunks a thread is given ahead of the one it is reading, at most. Three rather than two, since the
 * main thread reads its own chunks ahead while it would wait (see readRestWithThreads): a thread
 * then runs dry less often meanwhile (1M rows: 0.591 → 0.567 s, 20 runs in turn), for one more slot.
 */
const AHEAD = 3;

export class RowPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiter>();
  readonly slots: Slot[] = [];
  private nextId = 0;
  private nextWorker = 0;
  /** Chunks given to each thread; and read by each, as the threads count them in shared memory. */
  private readonly given: number[] = [];
  private readonly done = new Int32Array(new SharedArrayBuffer(4 * 64));
  /**
   * 1 once a thread has started and read its init. Starting one takes ~100 ms (its own Node and
   * code): a chunk given before then would keep the main thread waiting for it, so until then the
   * main thread reads every chunk itself (unless `eager`).
   */
  private readonly started = new Int32Array(new SharedArrayBuffer(4 * 64));
  private readonly eager: boolean;
  private late: number;

  private constructor(path: string, count: number, init: ParallelInit, { chunkBytes, eager, online, late = 0 }: PoolOptions) {
    this.eager = eager;
    this.late = late;
    const shared: SharedSlot[] = [];
    // AHEAD chunks in flight per thread, and two more: one walked here, one read here.
    for (let index = 0; index < AHEAD * count + 2; index++) {
      const lines = slotLines(chunkBytes);
      const slot: SharedSlot = {
        data: new SharedArrayBuffer(chunkBytes),
        lines: new SharedArrayBuffer(lines * LINE_WORDS * 4),
        results: new SharedArrayBuffer(lines * RESULT_WORDS * 4),
      };
      shared.push(slot);
      this.slots.push({ data: Buffer.from(slot.data), lines: new Int32Array(slot.lines), results: new Int32Array(slot.results) });
    }
    for (let index = 0; index < count; index++) {
      // A thread allocates little that lives: a small young generation keeps its memory down.
      const worker = new Worker(path, { resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      worker.on('message', (reply: WorkerReply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        waiter?.resolve(reply);
      });
      if (online) worker.once('online', online);
      worker.on('error', (error) => this.fail(index, error));
      worker.on('exit', (code) => this.fail(index, new Error(`a row-reading thread stopped (exit code ${code})`)));
      worker.postMessage({ type: 'init', init, slots: shared, done: this.done, started: this.started, index } satisfies WorkerRequest);
      this.workers.push(worker);
      this.given.push(0);
    }
  }

  /** Threads for this intake, or undefined when they cannot run (running from source, not bundled). */
  static create(init: ParallelInit, options: PoolOptions & { threads: number }): RowPool | undefined {
    const path = workerPath();
    if (!path || options.threads < 1) return undefined;
    return new RowPool(path, Math.min(options.threads, 64), init, options);
  }

  get size(): number {
    return this.workers.length;
  }

  /** True once a thread can be given chunks (see `started`). */
  running(): boolean {
    if (this.late > 0) return false;
    if (this.eager) return true;
    for (let worker = 0; worker < this.workers.length; worker++) if (Atomics.load(this.started, worker) === 1) return true;
    return false;
  }

  layout(columns: ColumnIndex, width: number): void {
    for (const worker of this.workers) worker.postMessage({ type: 'layout', columns, width } satisfies WorkerRequest);
  }

  /**
   * Has a thread read the chunk in slot `slot` (its first `length` bytes), or returns undefined when
   * every thread has AHEAD chunks to read already or has not started yet: the main thread then reads
   * that chunk itself, rather than wait (so no core idles, whichever thread is faster).
   */
  read(slot: number, length: number): Promise<ChunkReply & { worker: number }> | undefined {
    if (this.late > 0 || this.finishing) return undefined;
    const count = this.workers.length;
    for (let tried = 0; tried < count; tried++) {
      const worker = (this.nextWorker + tried) % count;
      // Read from shared memory, not from replies: those arrive only when this thread next waits.
      if ((!this.eager && Atomics.load(this.started, worker) === 0) || this.given[worker]! - Atomics.load(this.done, worker) >= AHEAD) continue;
      this.nextWorker = (worker + 1) % count;
      this.given[worker]!++;
      return this.ask(worker, { type: 'chunk', id: this.nextId++, slot, length }).then((reply) => ({ ...(reply as ChunkReply), worker }));
    }
    return undefined;
  }

  /** Told of each chunk the main thread reads itself (see PoolOptions.late). */
  readHere(): void {
    if (this.late > 0) this.late--;
  }

  /**
   * Asks each thread for its counts now, after the last chunk it is given (read() gives no more):
   * called as the last chunk of the input is read, a thread makes them while the main thread still
   * walks the last chunks, rather than after (~7 ms at 1M rows).
   */
  finish(): void {
    if (this.finishing) return;
    this.finishing = Promise.all(this.workers.map((_, worker) => this.ask(worker, { type: 'finish', id: this.nextId++ }) as Promise<CountsReply>));
    this.finishing.catch(() => undefined); // awaited by counts(); never left unhandled meanwhile
  }

  private finishing: Promise<CountsReply[]> | undefined;

  /** What each thread counted, by thread (see finish). */
  counts(): Promise<CountsReply[]> {
    this.finish();
    return this.finishing!;
  }

  /**
   * Stops the threads, without waiting for them to end (~5 ms at the end of a large build): a
   * thread that is stopping holds nothing the caller needs.
   */
  close(): void {
    this.closing = true;
    for (const worker of this.workers) worker.terminate().catch(() => undefined);
  }

  private closing = false;

  private ask(worker: number, request: WorkerRequest & { id: number }): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject, worker });
      this.workers[worker]!.postMessage(request);
    });
  }

  private fail(worker: number, error: unknown): void {
    if (this.closing) return;
    for (const [id, waiter] of this.waiting) {
      if (waiter.worker === worker) {
        this.waiting.delete(id);
        waiter.reject(error);
      }
    }
  }
}
