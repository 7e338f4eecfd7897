// Streams every source through the decoder and the record splitter into the intake. Memory stays
// flat: a chunk at a time, a record at a time.
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { Readable } from 'node:stream';
import type { Intake } from '../core/intake.js';
import { CsvRecordSplitter } from './csv-records.js';
import { describeFsError, IoError } from './io-error.js';
import type { Source } from './resolve-inputs.js';

const CHUNK_BYTES = 1 << 20;

export interface ReadOptions {
  stdin?: Readable;
  /** Called after each chunk with the bytes read so far (for a progress display). */
  onProgress?: (bytes: number) => void;
}

export async function readLogs(sources: readonly Source[], intake: Intake, options: ReadOptions = {}): Promise<void> {
  let bytes = 0;
  for (const source of sources) {
    const stream =
      source.kind === 'stdin'
        ? (options.stdin ?? process.stdin)
        : createReadStream(source.path, { highWaterMark: CHUNK_BYTES });
    try {
      await readSource(source.name, stream, intake, (chunkBytes) => {
        bytes += chunkBytes;
        options.onProgress?.(bytes);
      });
    } catch (error) {
      if (error instanceof IoError) throw error;
      throw new IoError(`${source.name}: cannot read: ${describeFsError(error)}`);
    }
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

async function readSource(file: string, stream: Readable, intake: Intake, progress: (bytes: number) => void): Promise<void> {
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
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    progress(bytes.length);
    if (!decoder) {
      decoder = chooseDecoder(bytes, file, intake);
      if (!decoder) {
        intake.header(file, 0, null);
        stream.destroy();
        return;
      }
    }
    splitter.push(decoder.decode(bytes, { stream: true }));
  }
  if (decoder) splitter.push(decoder.decode());
  splitter.end();
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
