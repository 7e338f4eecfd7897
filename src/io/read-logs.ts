// Streams every source through the decoder and the record splitter into the intake. Memory stays
// flat: a chunk at a time, a record at a time.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { TextDecoder } from 'node:util';
import type { Readable } from 'node:stream';
import type { Intake, IntakeOptions, IntakeResult, RemoteRows } from '../core/intake.js';
import { ByteLineReader, type DirectLine } from './byte-lines.js';
import { CsvRecordSplitter } from './csv-records.js';
import { RowScan } from './row-scan.js';
import { describeFsError, IoError } from './io-error.js';
import { freeMemoryNow } from './free-memory.js';
import { readRestWithThreads, type LineCounter, type ReadAhead } from './read-with-threads.js';
import type { RowPool } from './row-pool.js';
import type { Source } from './resolve-inputs.js';

const CHUNK_BYTES = 1 << 20;

/** The read size: TRANSPARENCY_CHUNK_BYTES (for tests: small chunks put rows across their edges), else 1 MiB. */
function chunkBytes(): number {
  const value = Number(process.env.TRANSPARENCY_CHUNK_BYTES);
  return Number.isInteger(value) && value >= 16 && value <= 1 << 28 ? value : CHUNK_BYTES;
}

/** TRANSPARENCY_READ_AHEAD=always|never (for tests; see ReadAhead), else `waiting`. */
function readAheadWhen(): ReadAhead {
  const value = process.env.TRANSPARENCY_READ_AHEAD;
  return value === 'always' || value === 'never' ? value : 'waiting';
}

/** TRANSPARENCY_THREADS_LATE=N (for tests): the threads are taken as not running for N chunks (see PoolOptions.late). */
function lateBy(): number {
  const value = Number(process.env.TRANSPARENCY_THREADS_LATE);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export interface ReadOptions {
  stdin?: Readable;
  /**
   * Threads that help the main thread read logs given as files: 0 none, N that many, whatever the
   * size of the logs, each given chunks from the first (even while it starts: so that a test or a
   * measurement always has them read). By default (and with TRANSPARENCY_THREADS unset) one, for logs
   * of PARALLEL_FROM_BYTES or more on a machine with two cores or more, given chunks once it runs:
   * measured on two cores, one helper beside the main thread (which also reads chunks itself) beat
   * two. TRANSPARENCY_THREADS sets it too.
   */
  threads?: number;
  /** Called after each chunk with the bytes and rows read so far (for a progress display). */
  onProgress?: (bytes: number, rows: number) => void;
  /** Reading stops, between chunks, once this says so (a second reading that found what it sought). */
  until?: () => boolean;
}

/** Below this many bytes of logs, the id registry simply grows as it fills. */
const RESERVE_FROM_BYTES = 8 << 20;
/**
 * From this many bytes of logs on, a helper thread reads rows. Below, starting it and warming up its
 * compiled code cost more than it gains: measured on two cores, one thread was faster at 46 MB,
 * a helper at 70 MB.
 */
const PARALLEL_FROM_BYTES = 56 << 20;

/** From this many rows on (an id table of 18 MB or more), reading ends with a garbage collection. */
const FREE_FROM_ROWS = 2_000_000;

/**
 * Reading a large log allocates little, and little of it lives: V8's young generation need not grow
 * (by default to 2 × 16 MB). Kept at the size it has, peak memory drops by ~30 MB.
 */
function keepYoungGenerationSmall(v8: typeof import('node:v8')): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** The row-reading threads for logs of `totalBytes`, and whether they were asked for (see ReadOptions.threads). */
function threadsFor(totalBytes: number, options: ReadOptions): { threads: number; asked: boolean } {
  const env = process.env.TRANSPARENCY_THREADS;
  const asked = options.threads ?? (env !== undefined && env !== '' ? Number(env) : undefined);
  if (asked !== undefined && Number.isInteger(asked) && asked >= 0) return { threads: Math.min(asked, 8), asked: true };
  return { threads: totalBytes >= PARALLEL_FROM_BYTES && availableParallelism() >= 2 ? 1 : 0, asked: false };
}

/** Makes an intake with these options on top of the caller's. */
export type IntakeMaker = (options: Partial<IntakeOptions>) => Intake;

/**
 * From this many bytes of logs on (about a million rows), the id table keeps ids only: 8 bytes a
 * request instead of 16, so that memory stays flat for many millions of rows. Below, the 16 bytes
 * cost little and a repeated id never needs a second reading.
 */
const IDS_ONLY_FROM_BYTES = 128 << 20;

export interface IntakeLogsOptions extends ReadOptions {
  /**
   * What the id table keeps (see IntakeOptions.firstRows): `ids` (files only; else first rows) or
   * `first-rows`. By default, and with TRANSPARENCY_ID_TABLE unset, ids only for files of
   * IDS_ONLY_FROM_BYTES or more.
   */
  idTable?: 'ids' | 'first-rows';
  /** onProgress for the second reading. */
  onSecondReading?: ReadOptions['onProgress'];
}

/**
 * The logs given as files: their total size (0 for those that cannot be read: reported when read),
 * and whether every source is a regular file, which can be read again (a path may name a pipe or a
 * FIFO, `<(zcat old.csv.gz)`; standard input cannot be read twice either).
 */
function statSources(sources: readonly Source[]): { bytes: number; rereadable: boolean } {
  let bytes = 0;
  let rereadable = true;
  for (const source of sources) {
    if (source.kind !== 'file') {
      rereadable = false;
      continue;
    }
    try {
      const stats = statSync(source.path);
      bytes += stats.size;
      rereadable &&= stats.isFile();
    } catch {
      rereadable = false; // reported when the file is read
    }
  }
  return { bytes, rereadable };
}

/**
 * Reads the logs through an intake and finishes it. Large logs given as regular files keep ids only
 * in their id table (half the memory); when an id repeats, a second reading finds its first row and
 * tells each row that repeats it a duplicate or a conflict — only when an id repeats, and only up to
 * the last such row. Standard input and pipes are read once, so their id table keeps first rows as
 * it goes; so do smaller logs.
 */
export async function intakeLogs(sources: readonly Source[], makeIntake: IntakeMaker, options: IntakeLogsOptions = {}): Promise<IntakeResult> {
  const env = process.env.TRANSPARENCY_ID_TABLE;
  const asked = options.idTable ?? (env === 'ids' || env === 'first-rows' ? env : undefined);
  const { bytes, rereadable } = statSources(sources);
  const idsOnly = rereadable && (asked ? asked === 'ids' : bytes >= IDS_ONLY_FROM_BYTES);
  const intake = makeIntake({ firstRows: idsOnly ? 'later' : 'inline' });
  await readLogs(sources, intake, options, bytes);
  const repeated = intake.repeatedIds();
  if (!repeated) return intake.finish();
  const finder = makeIntake({ find: repeated, observe: undefined, maxProblems: 0 });
  // Few ids sought: one thread skims the rows, reading in full only those it seeks (see id-probe.ts).
  // Many (logs given twice): the helper threads read them, as in the first reading.
  const many = repeated.ids.size * 8 >= intake.rowsRead();
  await readLogs(sources, finder, { threads: many ? options.threads : 0, until: () => finder.foundAll(), onProgress: options.onSecondReading }, bytes);
  return intake.finish(finder.toldRepeats());
}

/** Reads the logs through an intake; `totalBytes`, the files' size, when the caller has it (see statSources). */
export async function readLogs(
  sources: readonly Source[], intake: Intake, options: ReadOptions = {}, totalBytes = statSources(sources).bytes,
): Promise<void> {
  let bytes = 0;
  // Size the id registry once, from the files' sizes and the rows per byte of the first chunk,
  // rather than growing it (a growing table briefly holds its old and new copies).
  let sized = totalBytes < RESERVE_FROM_BYTES;
  // node:v8 and the threads' module are loaded for large logs only: a small command starts sooner.
  const v8 = sized ? undefined : await import('node:v8');
  if (v8) keepYoungGenerationSmall(v8);
  const sample = (chunk: Buffer) => {
    if (sized || chunk.length < 1 << 16) return;
    sized = true;
    let lines = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    if (lines > 0) intake.reserve(Math.ceil(((totalBytes * lines) / chunk.length) * 1.02));
  };
  const { threads, asked } = sources.some((source) => source.kind === 'file') ? threadsFor(totalBytes, options) : { threads: 0, asked: false };
  const init = threads >= 1 ? intake.parallel() : undefined;
  const chunk = chunkBytes();
  // Starting a thread resets V8's flags to those of the command line: set ours again once it runs.
  const pool = init
    ? (await import('./row-pool.js')).RowPool.create(init, {
      threads, eager: asked, chunkBytes: chunk, late: lateBy(), online: v8 ? () => keepYoungGenerationSmall(v8) : undefined,
    })
    : undefined;
  try {
    // One sink per thread for all files: a thread numbers its cells across files.
    const remotes = pool ? Array.from({ length: pool.size }, () => intake.remote()) : [];
    // A row scanner for the rows read here, for large logs only (a small one reads as fast without),
    // or whenever TRANSPARENCY_FIELD_INDEX=on (for tests).
    const indexed = totalBytes >= RESERVE_FROM_BYTES || process.env.TRANSPARENCY_FIELD_INDEX === 'on';
    const scanner = indexed ? RowScan.create(chunk, intake.scanKeys()) : undefined;
    await readAll(sources, intake, options, pool, remotes, chunk, scanner, (data) => {
      sample(data);
      bytes += data.length;
      options.onProgress?.(bytes, intake.rowsRead());
    });
    // The id table (44 MB at 5M rows) goes back to the system now, before the threads' counts and the
    // report add to the peak, rather than whenever V8 next collects its old generation.
    if (intake.endOfRows() && intake.rowsRead() >= FREE_FROM_ROWS) freeMemoryNow(v8 ?? (await import('node:v8')));
    // What the threads counted joins the tallies once every row is read.
    if (pool) (await pool.counts()).forEach((counts, index) => remotes[index]!.addCounts(counts));
  } finally {
    pool?.close();
  }
}

async function readAll(
  sources: readonly Source[], intake: Intake, options: ReadOptions, pool: RowPool | undefined, remotes: readonly RemoteRows[], chunk: number,
  scanner: RowScan | undefined, progress: (chunk: Buffer) => void,
): Promise<void> {
  // One read buffer for every file read here: memory stays flat (a stream would allocate a new
  // megabyte per chunk, freed only when the collector gets to it).
  const buffer = Buffer.allocUnsafe(chunk);
  const until = options.until ?? (() => false);
  for (const [index, source] of sources.entries()) {
    if (until()) return;
    try {
      if (source.kind === 'stdin') {
        await readSource(source.name, options.stdin ?? process.stdin, intake, progress);
        continue;
      }
      const fd = openSync(source.path, 'r');
      try {
        const rest = pool
          ? (reader: ByteLineReader, lines: LineCounter) =>
            readRestWithThreads(source.name, fd, reader, pool, remotes, intake, lines, {
              progress, until, scanner, readAhead: readAheadWhen(), last: index === sources.length - 1,
            })
          : undefined;
        await readSource(source.name, readInto(fd, buffer, until, pool ? FIRST_READ_BYTES : buffer.length), intake, progress, rest, scanner);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      // Only the file system's errors (ENOENT, EACCES, EIO…) are the input's; anything else is a bug
      // and must surface as one, not as "cannot read".
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (error instanceof IoError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
      throw new IoError(`${source.name}: cannot read: ${describeFsError(error)}`);
    }
  }
}

/**
 * The first read of a file that threads will read (see readRestWithThreads): its header and a sample
 * of its rows (see readLogs), no more. The main thread reads this chunk alone, in code not yet
 * compiled; a megabyte took ~100 ms, and a started thread waited that long for its first chunk.
 */
const FIRST_READ_BYTES = 1 << 16;

/**
 * A file's bytes, a buffer at a time, into the same buffer (each chunk is used before the next
 * read); the first read `first` bytes at most. Read synchronously: each chunk is used before the
 * next is read anyway, and an asynchronous read goes through libuv's thread pool, whose first use
 * starts four threads and whose every read waits for one of them to get a core (up to ~8 ms of a
 * small build on a busy machine of two cores).
 */
function* readInto(fd: number, buffer: Buffer, until: () => boolean, first: number): Generator<Buffer> {
  let size = Math.min(first, buffer.length);
  while (!until()) {
    const bytesRead = readSync(fd, buffer, 0, size, null);
    size = buffer.length;
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
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

async function readSource(
  file: string, stream: AsyncIterable<Buffer | string> | Iterable<Buffer>, intake: Intake, progress: (chunk: Buffer) => void,
  readRestWithThreads?: (reader: ByteLineReader, counter: LineCounter) => Promise<void>, scanner?: RowScan,
): Promise<void> {
  let decoder: TextDecoder | undefined;
  let headerSeen = false;
  let readable = true;
  const counter: LineCounter = { rows: 0 };
  const splitter = new CsvRecordSplitter({
    record({ line, fields }) {
      if (!headerSeen) {
        headerSeen = true;
        readable = intake.header(file, line, fields);
        return;
      }
      counter.rows++;
      intake.row(file, line, fields);
    },
    text(text, start, end, line) {
      if (!headerSeen) {
        headerSeen = true;
        readable = intake.header(file, line, text.slice(start, end).split(','));
        return;
      }
      counter.rows++;
      intake.rowText(file, line, text, start, end);
    },
    error({ line, rows: lost, message }) {
      if (!headerSeen) {
        headerSeen = true;
        readable = intake.header(file, line, null);
        intake.problem({ severity: 'error', code: 'csv-syntax', file, line, message: `the header row cannot be read: ${message}` });
        return;
      }
      counter.rows += lost;
      intake.unreadable(file, line, lost, message);
    },
  });
  // UTF-8 (nearly every log) is read as bytes, ASCII rows in place; UTF-16 is decoded first.
  let bytesReader: ByteLineReader | undefined;
  const direct: DirectLine = (bytes, start, end, line, quoted, scanned) => {
    if (!headerSeen) return false;
    if (!intake.rowBytes(file, line, bytes, start, end, quoted, scanned)) return false;
    counter.rows++;
    return true;
  };
  let threaded = false;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    progress(bytes);
    if (!decoder) {
      decoder = chooseDecoder(bytes, file, intake);
      if (!decoder) {
        intake.header(file, 0, null);
        return; // leaving the loop closes the stream
      }
      if (decoder.encoding === 'utf-8') bytesReader = new ByteLineReader(splitter, direct, (bytes) => intake.useBytes(bytes), scanner, () => headerSeen);
    }
    if (bytesReader) {
      bytesReader.push(bytes);
      // Once the header is read, threads read the rest of the file (when there are threads, and the
      // file's rows can be read at all).
      const layout = readRestWithThreads && headerSeen ? intake.layout() : undefined;
      if (layout) {
        threaded = true;
        break;
      }
    } else splitter.push(decoder.decode(bytes, { stream: true }));
  }
  if (threaded) await readRestWithThreads!(bytesReader!, counter);
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
  } else if (counter.rows === 0 && readable) {
    intake.problem({ severity: 'warning', code: 'empty-input', file, line: 0, message: 'has a header but no requests' });
  }
}
