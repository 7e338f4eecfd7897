// The fast front of the reader for UTF-8 input: finds lines in the bytes as they come from the file.
// A line that starts a record and is not blank is offered as bytes to `direct` (which reads ASCII
// rows in place, those with simple quoted fields too); every other line — records over several
// lines, non-ASCII text, blank lines, a row `direct` declines — is decoded and given to the
// CsvRecordSplitter, which numbers lines and handles quotes as it always does. Lines split at `\n`
// bytes decode exactly as the whole text would: in UTF-8 a `\n` byte is never part of another
// character.
import { TextDecoder } from 'node:util';
import type { LineCommas } from '../core/intake.js';
import type { CsvRecordSplitter } from './csv-records.js';
import { nextIndexedLine, type FieldIndex, type IndexedLine } from './field-index.js';
import { LINE_PLAIN, LINE_WORDS } from './shared-chunks.js';

/**
 * Offered a line `bytes[start, end)` that will be line number `line` (`quoted`: it holds a quote;
 * `commas`: where its commas are, when it holds neither a quote nor a byte above 127 and they are
 * known); true when it took it.
 */
export type DirectLine = (bytes: Uint8Array, start: number, end: number, line: number, quoted: boolean, commas?: LineCommas) => boolean;

/**
 * The lines of a chunk that a thread has found (see row-worker.ts): per line after the first `\n`,
 * its `\n`'s position and LINE_QUOTED, LINE_PLAIN or its candidate number.
 */
export interface FoundLines {
  /** Position of the chunk's first `\n`, -1 when it has none. */
  first: number;
  lines: Int32Array;
  lineCount: number;
  /** The lines found stop before the end of the chunk's lines: read the rest here. */
  overflow: boolean;
}

/** Told, for a candidate line that starts a record, its number; true when it took the row. */
export type TakeCandidate = (candidate: number, line: number) => boolean;

/** Told of a candidate line that it did not take, since it does not start a record. */
export type PassCandidate = (candidate: number) => void;

export class ByteLineReader {
  private rest: Uint8Array | undefined;
  private atStart = true;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  /** The commas of the line being offered, and the line found in the index (objects updated line by line). */
  private readonly commas: LineCommas = { positions: new Int32Array(0), from: 0, to: 0 };
  private readonly found: IndexedLine = { newline: -1, from: 0, to: 0, quoted: false, plain: true };

  /**
   * `begin` is told of each array of bytes before `direct` is offered lines in it (so that the row
   * reader sets itself up for an array once, not at a line that finds it changed). With `index`,
   * push() finds lines and commas from a field index of each chunk (see field-index.ts).
   */
  constructor(
    private readonly splitter: CsvRecordSplitter,
    private readonly direct: DirectLine,
    private readonly begin: (bytes: Uint8Array) => void = () => undefined,
    private readonly index?: FieldIndex,
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
      this.begin(line);
      this.line(line, 0, line.length, !line.includes(34));
      position = newline + 1;
    }
    this.begin(data);
    const found = this.index && position < data.length ? this.index.index(data, data.length) : -1;
    if (found >= 0) {
      this.pushIndexed(data, position, this.index!.positions, found);
      return;
    }
    let quote = data.indexOf(34, position);
    if (quote === -1) quote = data.length;
    for (let newline = data.indexOf(10, position); newline !== -1; newline = data.indexOf(10, position)) {
      if (newline < quote) {
        this.line(data, position, newline, true);
      } else {
        this.line(data, position, newline, false);
        quote = data.indexOf(34, newline + 1);
        if (quote === -1) quote = data.length;
      }
      position = newline + 1;
    }
    if (position < data.length) this.rest = Buffer.from(data.subarray(position));
  }

  /** push() for the lines of `data` from `position` on, by the `count` positions of its field index. */
  private pushIndexed(data: Uint8Array, position: number, positions: Int32Array, count: number): void {
    const commas = this.commas;
    commas.positions = positions;
    const found = this.found;
    let k = 0;
    while (k < count && positions[k]! < position) k++;
    while (k < count) {
      k = nextIndexedLine(data, positions, k, count, found);
      if (found.newline === -1) break;
      commas.from = found.from;
      commas.to = found.to;
      this.line(data, position, found.newline, !found.quoted, found.plain ? commas : undefined);
      position = found.newline + 1;
    }
    if (position < data.length) this.rest = Buffer.from(data.subarray(position));
  }

  /**
   * Reads a chunk whose lines a thread has found: the line completed from the last chunk first, then
   * each line in order, a candidate that starts a record offered to `take`, one that does not told to
   * `pass`. Only after the start of the input (use push() first).
   */
  runFound(data: Uint8Array, length: number, found: FoundLines, take: TakeCandidate, pass: PassCandidate): void {
    const { first, lines, lineCount } = found;
    if (first === -1) {
      const whole = data.subarray(0, length);
      this.rest = this.rest ? concat(this.rest, whole) : Buffer.from(whole);
      return;
    }
    const head = this.rest ? concat(this.rest, data.subarray(0, first)) : data.subarray(0, first);
    this.rest = undefined;
    this.begin(head);
    this.line(head, 0, head.length, !head.includes(34));
    this.begin(data);
    const splitter = this.splitter;
    let position = first + 1;
    for (let i = 0, at = 0; i < lineCount; i++, at += LINE_WORDS) {
      const newline = lines[at]!;
      const kind = lines[at + 1]!;
      if (kind >= 0) {
        if (splitter.idle && take(kind, splitter.nextLine)) splitter.countLine();
        else {
          pass(kind);
          const quote = data.indexOf(34, position);
          this.line(data, position, newline, quote === -1 || quote >= newline);
        }
      } else {
        this.line(data, position, newline, kind === LINE_PLAIN);
      }
      position = newline + 1;
    }
    if (found.overflow) this.push(data.subarray(position, length));
    else if (position < length) this.rest = Buffer.from(data.subarray(position, length));
  }

  /** The line `data[start, newline)`; `quoteFree` when it holds no quote; `commas`, see DirectLine. */
  private line(data: Uint8Array, start: number, newline: number, quoteFree: boolean, commas?: LineCommas): void {
    const splitter = this.splitter;
    if (splitter.idle) {
      const end = newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
      const first = data[start]!;
      if (end > start && first > 32 && first < 127 && this.direct(data, start, end, splitter.nextLine, !quoteFree, commas)) {
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
