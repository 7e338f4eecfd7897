// The fast front of the reader for UTF-8 input: finds lines in the bytes as they come from the file.
// A line that starts a record, holds no quote and is not blank is offered as bytes to `direct`
// (which reads plain ASCII rows in place); every other line — quoted records, non-ASCII text,
// blank lines, a row `direct` declines — is decoded and given to the CsvRecordSplitter, which
// numbers lines and handles quotes as it always does. Lines split at `\n` bytes decode exactly as the
// whole text would: in UTF-8 a `\n` byte is never part of another character.
import { TextDecoder } from 'node:util';
import type { CsvRecordSplitter } from './csv-records.js';

/** Offered a line `bytes[start, end)` that will be line number `line`; true when it took it. */
export type DirectLine = (bytes: Uint8Array, start: number, end: number, line: number) => boolean;

/** The lines of one chunk, found ahead of reading them (see plan() and run()). */
export interface ChunkPlan {
  data: Uint8Array;
  /** The line completed from the previous chunk's last bytes, read first. */
  head: Uint8Array | undefined;
  /** Per line: start, newline position, candidate number (-1 none), quote-free (0/1). */
  lines: Int32Array;
  lineCount: number;
  /** Candidate rows (quote-free, not blank, starting with printable ASCII): start, end pairs. */
  candidates: Int32Array;
  candidateCount: number;
}

/** Told, for a candidate line that starts a record, its number; true when it took the row. */
export type TakeCandidate = (candidate: number, line: number) => boolean;

export class ByteLineReader {
  private rest: Uint8Array | undefined;
  private atStart = true;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    private readonly splitter: CsvRecordSplitter,
    private readonly direct: DirectLine,
  ) {}

  push(chunk: Uint8Array): void {
    let data = chunk;
    let position = 0;
    if (this.atStart) {
      if (this.rest) {
        data = concat(this.rest, chunk);
        this.rest = undefined;
      }
      if (data.length < 3 && isBomPrefix(data)) {
        this.rest = Buffer.from(data);
        return;
      }
      this.atStart = false;
      // A UTF-8 byte order mark (Excel writes one) is dropped, as the decoder would.
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) position = 3;
    } else if (this.rest) {
      // The line cut at the end of the last chunk: complete it without copying this whole chunk.
      const newline = data.indexOf(10);
      if (newline === -1) {
        this.rest = concat(this.rest, data);
        return;
      }
      const line = concat(this.rest, data.subarray(0, newline));
      this.rest = undefined;
      this.line(line, 0, line.length, !line.includes(34));
      position = newline + 1;
    }
    let quote = data.indexOf(34, position);
    if (quote === -1) quote = data.length;
    for (let newline = data.indexOf(10, position); newline !== -1; newline = data.indexOf(10, position)) {
      if (newline < quote) {
        this.line(data, position, newline, true);
      } else {
        this.splitter.pushLine(this.decoder.decode(data.subarray(position, newline)));
        quote = data.indexOf(34, newline + 1);
        if (quote === -1) quote = data.length;
      }
      position = newline + 1;
    }
    if (position < data.length) this.rest = Buffer.from(data.subarray(position));
  }

  /**
   * Finds the lines of the next chunk without reading them, for threads to read the candidate rows
   * ahead; run() then reads the lines in order. Only after the start of the input (use push() first).
   */
  plan(chunk: Uint8Array): ChunkPlan {
    let data = chunk;
    let position = 0;
    let head: Uint8Array | undefined;
    if (this.rest) {
      const newline = data.indexOf(10);
      if (newline === -1) {
        this.rest = concat(this.rest, data);
        return { data, head: undefined, lines: new Int32Array(0), lineCount: 0, candidates: new Int32Array(0), candidateCount: 0 };
      }
      head = concat(this.rest, data.subarray(0, newline));
      this.rest = undefined;
      position = newline + 1;
    }
    let lines = new Int32Array(4 * 8192);
    let candidates = new Int32Array(2 * 8192);
    let lineCount = 0;
    let candidateCount = 0;
    let quote = data.indexOf(34, position);
    if (quote === -1) quote = data.length;
    for (let newline = data.indexOf(10, position); newline !== -1; newline = data.indexOf(10, position)) {
      if (4 * lineCount + 4 > lines.length) {
        const more = new Int32Array(lines.length * 2);
        more.set(lines);
        lines = more;
      }
      const at = 4 * lineCount++;
      lines[at] = position;
      lines[at + 1] = newline;
      lines[at + 2] = -1;
      if (newline < quote) {
        lines[at + 3] = 1;
        const end = newline > position && data[newline - 1] === 13 ? newline - 1 : newline;
        const first = data[position]!;
        if (end > position && first > 32 && first < 127) {
          if (2 * candidateCount + 2 > candidates.length) {
            const more = new Int32Array(candidates.length * 2);
            more.set(candidates);
            candidates = more;
          }
          candidates[2 * candidateCount] = position;
          candidates[2 * candidateCount + 1] = end;
          lines[at + 2] = candidateCount++;
        }
      } else {
        lines[at + 3] = 0;
        quote = data.indexOf(34, newline + 1);
        if (quote === -1) quote = data.length;
      }
      position = newline + 1;
    }
    if (position < data.length) this.rest = Buffer.from(data.subarray(position));
    return { data, head, lines, lineCount, candidates, candidateCount };
  }

  /** Reads the lines of a plan, in order; a candidate that starts a record is offered to `take` first. */
  run(plan: ChunkPlan, take: TakeCandidate): void {
    const splitter = this.splitter;
    if (plan.head) this.line(plan.head, 0, plan.head.length, !plan.head.includes(34));
    const { data, lines } = plan;
    for (let i = 0, at = 0; i < plan.lineCount; i++, at += 4) {
      const candidate = lines[at + 2]!;
      if (candidate >= 0 && splitter.idle && take(candidate, splitter.nextLine)) {
        splitter.countLine();
        continue;
      }
      this.line(data, lines[at]!, lines[at + 1]!, lines[at + 3] === 1);
    }
  }

  /** The line `data[start, newline)`. */
  private line(data: Uint8Array, start: number, newline: number, quoteFree: boolean): void {
    const splitter = this.splitter;
    if (quoteFree && splitter.idle) {
      const end = newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
      const first = data[start]!;
      if (end > start && first > 32 && first < 127 && this.direct(data, start, end, splitter.nextLine)) {
        splitter.countLine();
        return;
      }
    }
    splitter.pushLine(this.decoder.decode(data.subarray(start, newline)));
  }

  end(): void {
    if (this.rest) this.splitter.pushLine(this.decoder.decode(this.rest));
    this.rest = undefined;
    this.splitter.end();
  }
}

/** Always a Buffer, so that the row reader sees one kind of array (and stays optimised). */
function concat(a: Uint8Array, b: Uint8Array): Buffer {
  return Buffer.concat([a, b]);
}

function isBomPrefix(data: Uint8Array): boolean {
  const bom = [0xef, 0xbb, 0xbf];
  for (let i = 0; i < data.length; i++) if (data[i] !== bom[i]) return false;
  return true;
}
