// Threads that read rows for the main thread (see row-worker.ts): on a machine with two cores, the
// reading of a large log is split between them, while the main thread finds lines, commits the rows
// in input order and reads every line they decline.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParallelInit } from '../core/intake.js';
import type { ColumnIndex } from '../core/validate-row.js';
import type { WorkerReply, WorkerRequest } from './row-worker.js';

export interface PoolReply extends WorkerReply {
  worker: number;
}

/** Where the bundled worker is (beside the bundle's entry), or undefined when running from source. */
function workerPath(): string | undefined {
  const url = new URL(import.meta.url.includes('/chunks/') ? '../row-worker.js' : './row-worker.js', import.meta.url);
  if (url.protocol !== 'file:') return undefined;
  const path = fileURLToPath(url);
  return path.endsWith('.js') && existsSync(path) ? path : undefined;
}

export class RowPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (reply: PoolReply) => void; reject: (error: unknown) => void; worker: number }>();
  private nextId = 0;
  private nextWorker = 0;

  private constructor(path: string, count: number, init: ParallelInit) {
    for (let index = 0; index < count; index++) {
      const worker = new Worker(path);
      worker.on('message', (reply: WorkerReply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        waiter?.resolve({ ...reply, worker: index });
      });
      worker.on('error', (error) => {
        for (const [id, waiter] of this.waiting) {
          if (waiter.worker === index) {
            this.waiting.delete(id);
            waiter.reject(error);
          }
        }
      });
      worker.postMessage({ type: 'init', init } satisfies WorkerRequest);
      this.workers.push(worker);
    }
  }

  /** Threads for this intake, or undefined when they would not help (one core, running from source). */
  static create(init: ParallelInit, threads = Math.min(2, availableParallelism())): RowPool | undefined {
    const path = workerPath();
    if (!path || threads < 2) return undefined;
    return new RowPool(path, threads, init);
  }

  get size(): number {
    return this.workers.length;
  }

  layout(columns: ColumnIndex, width: number): void {
    for (const worker of this.workers) worker.postMessage({ type: 'layout', columns, width } satisfies WorkerRequest);
  }

  /** Has the next thread read the candidate lines `candidates` (start, end pairs) of `bytes`. */
  read(bytes: Uint8Array, candidates: Int32Array, count: number): Promise<PoolReply> {
    const worker = this.nextWorker;
    this.nextWorker = (worker + 1) % this.workers.length;
    const id = this.nextId++;
    // Shared memory: the thread reads the chunk where it is, and this thread keeps it.
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    const candidatesCopy = candidates.slice(0, count * 2);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker });
      this.workers[worker]!.postMessage({ type: 'read', id, bytes: shared, candidates: candidatesCopy, count } satisfies WorkerRequest, [candidatesCopy.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
