// The rest of a large file, read with the helper threads once its header is read (see row-pool.ts,
// row-worker.ts): the main thread reads chunks into slots of shared memory, hands each to a thread
// that has room, reads the others itself, and walks the threads' chunks in input order.
import { readSync } from 'node:fs';
import type { Intake, RemoteRows } from '../core/intake.js';
import type { ByteLineReader } from './byte-lines.js';
import type { RowPool } from './row-pool.js';
import { RESULT_BUCKET, RESULT_WORDS, type ChunkReply } from './shared-chunks.js';

/** A chunk read, with a thread's reply to come, or none when it is read here. */
export interface InFlight {
  slot: number;
  length: number;
  reply: Promise<ChunkReply & { worker: number }> | undefined;
  /** Read before any thread ran. */
  early: boolean;
}

/** The size of the chunks read before any thread runs. */
const EARLY_CHUNK_BYTES = 1 << 18;

/** Counts the data rows read of a file (for "has a header but no requests"). */
export interface LineCounter {
  rows: number;
}

/**
 * Reads the rest of a file with the threads: each chunk goes into a free slot and to a thread that
 * has room (RowPool.read), else is read here in its turn; the chunks the threads are done with are
 * walked here in order (ByteLineReader.runFound), taking their rows (see RemoteRows) and reading
 * every other line.
 */
export async function readRestWithThreads(
  file: string, fd: number, reader: ByteLineReader, pool: RowPool, remotes: readonly RemoteRows[], intake: Intake, counter: LineCounter,
  progress: (chunk: Buffer) => void, until: () => boolean,
): Promise<void> {
  const { columns, width } = intake.layout()!;
  pool.layout(columns, width);
  const free = pool.slots.map((_, index) => index);
  // The chunks read, in order: each with a thread's reply to come, or none when it is read here.
  const inFlight: InFlight[] = [];
  let ended = false;
  for (;;) {
    handOver(inFlight, pool);
    while (!ended && free.length > 0) {
      if (until()) {
        ended = true;
        break;
      }
      const slot = free.shift()!;
      const data = pool.slots[slot]!.data;
      // Until a thread runs, smaller chunks: the first goes to it sooner (see handOver).
      const early = !pool.running();
      const bytesRead = readSync(fd, data, 0, early ? Math.min(data.length, EARLY_CHUNK_BYTES) : data.length, null);
      if (bytesRead === 0) {
        ended = true;
        free.unshift(slot);
        break;
      }
      progress(data.subarray(0, bytesRead));
      const reply = pool.read(slot, bytesRead);
      reply?.catch(() => undefined); // awaited in turn below; never left unhandled meanwhile
      inFlight.push({ slot, length: bytesRead, reply, early });
    }
    const next = inFlight.shift();
    if (!next) return;
    if (!next.reply) {
      pool.readHere();
      reader.push(pool.slots[next.slot]!.data.subarray(0, next.length));
      free.push(next.slot);
      continue;
    }
    const reply = await next.reply;
    const remote = remotes[reply.worker]!;
    remote.addCodes(reply.cellCodes, reply.timeCodes);
    const { data, lines, results } = pool.slots[next.slot]!;
    reader.runFound(
      data, next.length, { first: reply.first, lines, lineCount: reply.lineCount, overflow: reply.overflow },
      (candidate, line) => {
        const at = candidate * RESULT_WORDS;
        if (results[at + RESULT_BUCKET]! < 0) return false;
        counter.rows++;
        remote.commit(file, line, results, at);
        return true;
      },
      (candidate) => {
        const at = candidate * RESULT_WORDS;
        if (results[at + RESULT_BUCKET]! >= 0) remote.retract(results, at);
      },
    );
    free.push(next.slot);
  }
}

/**
 * Gives a thread that has room now the chunks read before any thread ran (so that the first thread,
 * as soon as it starts, reads the chunks after the next one to walk, rather than after them all).
 * Only those after the last chunk given: a thread numbers its cells in the order it is given chunks,
 * and they are walked here in input order. (Later chunks are not handed over: once threads run, a
 * chunk kept here is one they had no room for, and giving it to them later kept the main thread
 * waiting on them.)
 */
export function handOver(inFlight: InFlight[], pool: Pick<RowPool, 'read'>): void {
  let from = 1;
  for (let at = inFlight.length - 1; at >= 1; at--) {
    if (inFlight[at]!.reply) {
      from = at + 1;
      break;
    }
  }
  for (let at = from; at < inFlight.length; at++) {
    const waiting = inFlight[at]!;
    if (!waiting.early) return;
    waiting.reply = pool.read(waiting.slot, waiting.length);
    if (!waiting.reply) return;
    waiting.reply.catch(() => undefined); // awaited in turn; never left unhandled meanwhile
  }
}
