// The fast front of the reader for UTF-8 input: finds lines in the bytes as they come from the file.
// A line that starts a record and is not blank is offered as bytes to `direct` (which reads ASCII
// rows in place, those with simple quoted fields too); every other line — records over several
// lines, non-ASCII text, blank lines, a row `direct` declines — is decoded and given to the
// CsvRecordSplitter, which numbers lines and handles quotes as it always does. Lines split at `\n`
// bytes decode exactly as the whole text would: in UTF-8 a `\n` byte is never part of another
// character.
import { TextDecoder } from 'node:util';
import { SCAN_QUOTED, SCAN_UNREAD, SCAN_WORDS, type ScannedLine } from '../core/fast-row.js';
import type { CsvRecordSplitter } from './csv-records.js';
import type { RowScan } from './row-scan.js';
import { LINE_PLAIN, LINE_WORDS } from './shared-chunks.js';

/**
 * Offered a line `bytes[start, end)` that will be line number `line` (`quoted`: it holds a quote;
 * `scanned`: its row scanner record, when the scanner read it: see RowKeys.readScanned); true when
 * it took it.
 */
export type DirectLine = (bytes: Uint8Array, start: number, end: number, line: number, quoted: boolean, scanned?: ScannedLine) => boolean;

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

  /** The scanner record of the line being offered (one object, updated line by line). */
  private readonly scanned: ScannedLine;

  /**
   * `begin` is told of each array of bytes before `direct` is offered lines in it (so that the row
   * reader sets itself up for an array once, not at a line that finds it changed). With `scanner`,
   * push() finds lines and reads plain rows with the row scanner (see row-scan.ts), once `scans`
   * says so: the scanner maps fields to columns by the header its RowKeys has read, so a chunk that
   * holds this file's header is read without it (with the header of the file before, its records
   * would map the wrong fields).
   */
  constructor(
    private readonly splitter: CsvRecordSplitter,
    private readonly direct: DirectLine,
    private readonly begin: (bytes: Uint8Array) => void = () => undefined,
    private readonly scanner?: RowScan,
    private readonly scans: () => boolean = () => true,
  ) {
    this.scanned = { records: scanner?.records ?? new Int32Array(0), at: 0, meanings: scanner?.meanings ?? new Int32Array(0) };
  }

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
    const scanned = this.scanner && position < data.length && this.scans() ? this.scanner.scan(data, position, data.length) : -1;
    if (scanned >= 0) position = this.pushScanned(data, position, scanned);
    if (scanned < 0 || scanned === this.scanner!.maxLines) position = this.pushLines(data, position);
    if (position < data.length) this.rest = Buffer.from(data.subarray(position));
  }

  /** push() for the lines of `data` from `position` on, found with indexOf; returns where the last ends. */
  private pushLines(data: Uint8Array, position: number): number {
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
    return position;
  }

  /** push() for the `count` lines of `data` from `position` on that the scanner has just read; returns where the last ends. */
  private pushScanned(data: Uint8Array, position: number, count: number): number {
    const scanned = this.scanned;
    const records = scanned.records;
    for (let i = 0, at = 0; i < count; i++, at += SCAN_WORDS) {
      const newline = records[at]!;
      const kind = records[at + 1]!;
      scanned.at = at;
      this.line(data, position, newline, (kind & SCAN_QUOTED) === 0, (kind & SCAN_UNREAD) === 0 ? scanned : undefined);
      position = newline + 1;
    }
    return position;
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
    // One subarray() call on both paths: a call that has never run when V8 optimises this method
    // (a chunk starting exactly at a line, so no rest) throws the optimised loop away when it first does.
    const lead = data.subarray(0, first);
    const head = this.rest ? concat(this.rest, lead) : lead;
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

  /** The line `data[start, newline)`; `quoteFree` when it holds no quote; `scanned`, see DirectLine. */
  private line(data: Uint8Array, start: number, newline: number, quoteFree: boolean, scanned?: ScannedLine): void {
    const splitter = this.splitter;
    if (splitter.idle) {
      const end = newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
      const first = data[start]!;
      if (end > start && first > 32 && first < 127 && this.direct(data, start, end, splitter.nextLine, !quoteFree, scanned)) {
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
