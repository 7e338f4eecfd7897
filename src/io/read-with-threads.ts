// The rest of a large file, read with the helper threads once its header is read (see row-pool.ts,
// row-worker.ts): the main thread reads chunks into slots of shared memory, hands each to a thread
// that has room, reads the others itself, and walks the threads' chunks in input order.
import { readSync } from 'node:fs';
import type { Intake, RemoteRows } from '../core/intake.js';
import type { ByteLineReader } from './byte-lines.js';
import { ChunkReader } from './chunk-reader.js';
import type { RowPool } from './row-pool.js';
import type { RowScan } from './row-scan.js';
import { RESULT_BUCKET, RESULT_WORDS, type ChunkReply } from './shared-chunks.js';

/** A chunk read, with a thread's reply to come, or none when it is read here. */
export interface InFlight {
  slot: number;
  length: number;
  reply: Promise<ChunkReply & { worker: number }> | undefined;
  /** Read before any thread ran. */
  early: boolean;
  /** Its thread's reply has come (see track). */
  settled?: boolean;
  /** Its rows, read here ahead of their turn while a thread's chunk was not ready (see readAhead). */
  ahead?: ChunkReply;
}

/** The size of the chunks read before any thread runs. */
const EARLY_CHUNK_BYTES = 1 << 18;

/** Counts the data rows read of a file (for "has a header but no requests"). */
export interface LineCounter {
  rows: number;
}

/**
 * When a chunk kept here is read ahead (see readAhead): `waiting` while the next chunk to walk is
 * still with a thread; `always` whenever a thread's chunk comes first, its reply come or not, and
 * `never` (both for tests: TRANSPARENCY_READ_AHEAD).
 */
export type ReadAhead = 'waiting' | 'always' | 'never';

export interface RestOptions {
  /** Told of each chunk read. */
  progress: (chunk: Buffer) => void;
  /** Reading stops, between chunks, once this says so. */
  until: () => boolean;
  /** The row scanner of the rows read here, if any. */
  scanner: RowScan | undefined;
  readAhead: ReadAhead;
  /** The last file of the input: once it is read to its end, the threads are asked for their counts. */
  last: boolean;
}

/**
 * Reads the rest of a file with the threads: each chunk goes into a free slot and to a thread that
 * has room (RowPool.read), else is read here in its turn; the chunks the threads are done with are
 * walked here in order (ByteLineReader.runFound), taking their rows (see RemoteRows) and reading
 * every other line. While the next chunk to walk is still with a thread, a chunk kept here is read
 * ahead, as a thread would read it (see readAhead), rather than wait.
 */
export async function readRestWithThreads(
  file: string, fd: number, reader: ByteLineReader, pool: RowPool, remotes: readonly RemoteRows[], intake: Intake, counter: LineCounter,
  { progress, until, scanner, readAhead: when, last }: RestOptions,
): Promise<void> {
  const { columns, width } = intake.layout()!;
  pool.layout(columns, width);
  const own = intake.ownRows();
  const ahead = ChunkReader.sharing(own.keys, scanner ?? null);
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
      inFlight.push(track({ slot, length: bytesRead, reply: pool.read(slot, bytesRead), early }));
    }
    if (ended && last) pool.finish();
    const next = inFlight[0];
    if (!next) return;
    if (next.reply && (when === 'always' || (when === 'waiting' && !next.settled)) && readAhead(inFlight, pool, ahead)) continue;
    inFlight.shift();
    if (!next.reply && !next.ahead) {
      pool.readHere();
      reader.push(pool.slots[next.slot]!.data.subarray(0, next.length));
      free.push(next.slot);
      continue;
    }
    const reply = next.ahead ?? (await next.reply!);
    const remote = next.ahead ? own.rows : remotes[(reply as ChunkReply & { worker: number }).worker]!;
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

/** Notes when a chunk's reply comes; never leaves it unhandled meanwhile (it is awaited in turn). */
function track(chunk: InFlight): InFlight {
  chunk.reply?.then(
    () => (chunk.settled = true),
    () => (chunk.settled = true),
  );
  return chunk;
}

/**
 * Reads the rows of the first chunk of `inFlight` that is kept here and not yet read, as a thread
 * would (counted only when walked: see Intake.ownRows): work for this thread while the chunk it
 * must walk next is still with another. False when there is none.
 */
function readAhead(inFlight: readonly InFlight[], pool: Pick<RowPool, 'slots'>, reader: ChunkReader): boolean {
  const chunk = inFlight.find((waiting) => !waiting.reply && !waiting.ahead);
  if (!chunk) return false;
  chunk.ahead = reader.read(-1, pool.slots[chunk.slot]!, chunk.length);
  return true;
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
    if (!waiting.early || waiting.ahead) return;
    waiting.reply = pool.read(waiting.slot, waiting.length);
    if (!waiting.reply) return;
    track(waiting);
  }
}
