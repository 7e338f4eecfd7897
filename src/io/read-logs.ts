// Streams every source through the decoder and the record splitter into the intake. Memory stays
// flat: a chunk at a time, a record at a time.
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { Readable } from 'node:stream';
import type { Intake } from '../core/intake.js';
import { ByteLineReader, type ChunkPlan } from './byte-lines.js';
import { CsvRecordSplitter } from './csv-records.js';
import { describeFsError, IoError } from './io-error.js';
import { RowPool, type PoolReply } from './row-pool.js';
import { RESULT_WORDS } from './row-worker.js';
import type { Source } from './resolve-inputs.js';

const CHUNK_BYTES = 1 << 20;

export interface ReadOptions {
  stdin?: Readable;
  /**
   * Threads to help read large logs: 0 or 1 none (the default), 2 or more with that many. Off by
   * default: on the two-core machine measured, two busy threads ran at the speed of one (see README,
   * Performance), so they cost more than they gained. TRANSPARENCY_THREADS sets it too.
   */
  threads?: number;
  /** Called after each chunk with the bytes read so far (for a progress display). */
  onProgress?: (bytes: number) => void;
}

/** Below this many bytes of logs, the id registry simply grows as it fills. */
const RESERVE_FROM_BYTES = 8 << 20;
/** From this many bytes of logs on, other threads help read rows (starting them costs ~50 ms). */
const PARALLEL_FROM_BYTES = 16 << 20;
/** Chunks read ahead by the threads, at most. */
const IN_FLIGHT = 4;

export async function readLogs(sources: readonly Source[], intake: Intake, options: ReadOptions = {}): Promise<void> {
  let bytes = 0;
  // Size the id registry once, from the files' sizes and the rows per byte of the first chunk,
  // rather than growing it (a growing table briefly holds its old and new copies).
  let totalBytes = 0;
  for (const source of sources) {
    if (source.kind !== 'file') continue;
    try {
      totalBytes += statSync(source.path).size;
    } catch {
      // reported when the file is read
    }
  }
  let sized = totalBytes < RESERVE_FROM_BYTES;
  if (!sized) {
    // Reading a large log allocates little, and little of it lives: V8's young generation need not
    // grow (by default to 2 × 16 MB). Kept at the size it has, peak memory drops by ~30 MB.
    setFlagsFromString('--semi-space-growth-factor=1');
  }
  const sample = (chunk: Buffer) => {
    if (sized || chunk.length < 1 << 16) return;
    sized = true;
    let lines = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    if (lines > 0) intake.reserve(Math.ceil(((totalBytes * lines) / chunk.length) * 1.02));
  };
  const init = totalBytes >= PARALLEL_FROM_BYTES ? intake.parallel() : undefined;
  const threads = options.threads ?? Number(process.env.TRANSPARENCY_THREADS ?? 0);
  const pool = init && threads >= 2 ? RowPool.create(init, Math.min(threads, 8)) : undefined;
  try {
    await readAll(sources, intake, options, pool, (chunk) => {
      sample(chunk);
      bytes += chunk.length;
      options.onProgress?.(bytes);
    });
  } finally {
    await pool?.close();
  }
}

async function readAll(sources: readonly Source[], intake: Intake, options: ReadOptions, pool: RowPool | undefined, progress: (chunk: Buffer) => void): Promise<void> {
  // One read buffer for every file read here: memory stays flat (a stream would allocate a new
  // megabyte per chunk, freed only when the collector gets to it). Threads keep each chunk, so
  // with them chunks are fresh.
  const buffer = pool ? undefined : Buffer.allocUnsafe(CHUNK_BYTES);
  for (const source of sources) {
    const chunks =
      source.kind === 'stdin'
        ? (options.stdin ?? process.stdin)
        : buffer
          ? readInto(source.path, buffer)
          : createReadStream(source.path, { highWaterMark: CHUNK_BYTES });
    try {
      await readSource(source.name, chunks, intake, progress, source.kind === 'file' ? pool : undefined);
    } catch (error) {
      // Only the file system's errors (ENOENT, EACCES, EIO…) are the input's; anything else is a bug
      // and must surface as one, not as "cannot read".
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (error instanceof IoError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
      throw new IoError(`${source.name}: cannot read: ${describeFsError(error)}`);
    }
  }
}

/** A file's bytes, a buffer at a time, into the same buffer (each chunk is used before the next read). */
async function* readInto(path: string, buffer: Buffer): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Picks the decoder from the byte order mark; refuses what is plainly not text. */
function chooseDecoder(first: Uint8Array, file: string, intake: Intake): TextDecoder | undefined {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  if (first.subarray(0, 4096).includes(0)) {
    intake.problem({
      severity: 'error', code: 'encoding', file, line: 0,
      message: 'is not a text file (it holds NUL bytes: UTF-16 without a byte order mark, or binary data); save it as UTF-8 CSV',
    });
    return undefined;
  }
  // A UTF-8 byte order mark (Excel writes one) is dropped by the decoder; invalid bytes become U+FFFD,
  // which validation reports at the cell where they stand.
  return new TextDecoder('utf-8');
}

async function readSource(file: string, stream: AsyncIterable<Buffer | string>, intake: Intake, progress: (chunk: Buffer) => void, pool: RowPool | undefined): Promise<void> {
  let decoder: TextDecoder | undefined;
  let headerSeen = false;
  let readable = true;
  let rows = 0;
  const splitter = new CsvRecordSplitter({
    record({ line, fields }) {
      if (!headerSeen) {
        headerSeen = true;
        readable = intake.header(file, line, fields);
        return;
      }
      rows++;
      intake.row(file, line, fields);
    },
    text(text, start, end, line) {
      if (!headerSeen) {
        headerSeen = true;
        readable = intake.header(file, line, text.slice(start, end).split(','));
        return;
      }
      rows++;
      intake.rowText(file, line, text, start, end);
    },
    error({ line, rows: lost, message }) {
      if (!headerSeen) {
        headerSeen = true;
        readable = intake.header(file, line, null);
        intake.problem({ severity: 'error', code: 'csv-syntax', file, line, message: `the header row cannot be read: ${message}` });
        return;
      }
      rows += lost;
      intake.unreadable(file, line, lost, message);
    },
  });
  // UTF-8 (nearly every log) is read as bytes, plain rows in place; UTF-16 is decoded first.
  let bytesReader: ByteLineReader | undefined;
  const direct = (bytes: Uint8Array, start: number, end: number, line: number): boolean => {
    if (!headerSeen) return false;
    if (!intake.rowBytes(file, line, bytes, start, end)) return false;
    rows++;
    return true;
  };
  // With threads: once the header is read, each chunk's candidate rows go to a thread as soon as it
  // is read; the chunks are then read here in order, taking the threads' verdicts (see ByteLineReader.run).
  const remotes = pool ? Array.from({ length: pool.size }, () => intake.remote()) : [];
  const ahead: { plan: ChunkPlan; reply: Promise<PoolReply> }[] = [];
  let parallel = false;
  const runPlan = async () => {
    const { plan, reply } = ahead.shift()!;
    const { results, cellKeys, timeKeys, worker } = await reply;
    const remote = remotes[worker]!;
    remote.addKeys(cellKeys, timeKeys);
    bytesReader!.run(plan, (candidate, line) => {
      const r = candidate * RESULT_WORDS;
      if (results[r] !== 1) return false;
      rows++;
      remote.commit(file, line, results[r + 1]!, results[r + 2]!, results[r + 3]!, results[r + 4]!, results[r + 5]!, results[r + 6]!, results[r + 7]!, results[r + 8]!);
      return true;
    });
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    progress(bytes);
    if (parallel) {
      const plan = bytesReader!.plan(bytes);
      const reply = pool!.read(plan.data, plan.candidates, plan.candidateCount);
      reply.catch(() => undefined); // awaited in turn by runPlan; never left unhandled meanwhile
      ahead.push({ plan, reply });
      while (ahead.length >= IN_FLIGHT) await runPlan();
      continue;
    }
    if (!decoder) {
      decoder = chooseDecoder(bytes, file, intake);
      if (!decoder) {
        intake.header(file, 0, null);
        return; // leaving the loop closes the file (or stream)
      }
      if (decoder.encoding === 'utf-8') bytesReader = new ByteLineReader(splitter, direct);
    }
    if (bytesReader) {
      bytesReader.push(bytes);
      const layout = pool && headerSeen ? intake.layout() : undefined;
      if (layout) {
        pool!.layout(layout.columns, layout.width);
        parallel = true;
      }
    } else splitter.push(decoder.decode(bytes, { stream: true }));
  }
  while (ahead.length > 0) await runPlan();
  if (bytesReader) bytesReader.end();
  else {
    if (decoder) splitter.push(decoder.decode());
    splitter.end();
  }
  if (!decoder || !headerSeen) {
    intake.header(file, 0, null);
    intake.problem({
      severity: 'error', code: 'empty-input', file, line: 0,
      message: 'is empty; a log starts with a header row naming its columns (id, received, country, outcome, …)',
    });
  } else if (rows === 0 && readable) {
    intake.problem({ severity: 'warning', code: 'empty-input', file, line: 0, message: 'has a header but no requests' });
  }
}
