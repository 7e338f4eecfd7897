// What a row-reading thread (row-worker.ts) does with a chunk of a log in its slot (see
// shared-chunks.ts): finds the lines, reads every line that may start a record with its own RowKeys,
// and counts the valid rows in its own tallies, committing nothing (the main thread does, in order).
import { createClassifier } from '../core/classify.js';
import { copyRowKeys, PROHIBITED_WORDINGS, ROW_KEY_WORDS, RowKeys, SCAN_QUOTED, SCAN_UNREAD, SCAN_WORDS } from '../core/fast-row.js';
import type { ParallelInit, RemoteCounts } from '../core/intake.js';
import type { ColumnIndex } from '../core/validate-row.js';
import { RowScan } from './row-scan.js';
import { LINE_PLAIN, LINE_QUOTED, LINE_WORDS, RESULT_BUCKET, RESULT_WORDS, type ChunkReply } from './shared-chunks.js';

/** A slot as a reader sees it. */
export interface SlotView {
  data: Buffer;
  lines: Int32Array;
  results: Int32Array;
}

const SCANNED_CANDIDATES = 0;
const SCANNED_OVERFLOW = 1;

export class ChunkReader {
  private readonly keys: RowKeys;
  /** Created with the first chunk; null where it cannot run (see RowScan.create). */
  private scanner: RowScan | null | undefined;
  /** False for a reader of the main thread's RowKeys (see ChunkReader.sharing): its rows are counted when taken. */
  private readonly counting: boolean = true;
  private cellsSent = 0;
  private timesSent = 0;
  /** Rows counted by cell number, in the period (0) and the comparison period (1). */
  private readonly cellCounts: number[][] = [[], []];
  /** Decision times by group number and days (below 1024), and the rest as (group, days, rows) triples. */
  private readonly timeCounts: number[][][] = [[], []];
  private readonly otherTimes: number[][] = [[], []];

  constructor(init: ParallelInit | { keys: RowKeys; scanner: RowScan | null }) {
    if ('keys' in init) {
      this.keys = init.keys;
      this.scanner = init.scanner;
      this.counting = false;
      return;
    }
    const { categories, prohibited, ...keyOptions } = init;
    this.keys = new RowKeys({ classifier: createClassifier(categories, prohibited), ...keyOptions });
  }

  /**
   * A reader of chunks with the main thread's own RowKeys (and its row scanner, or null), laid out
   * already: it counts nothing and adds no codes to its replies, since the rows it reads are
   * counted as the main thread takes them (see Intake.ownRows).
   */
  static sharing(keys: RowKeys, scanner: RowScan | null): ChunkReader {
    return new ChunkReader({ keys, scanner });
  }

  layout(columns: ColumnIndex, width: number): void {
    this.keys.layout(columns, width);
  }

  /** Reads the first `length` bytes of `slot`; what the main thread needs to walk them. */
  read(id: number, slot: SlotView, length: number): ChunkReply {
    const rowKeys = this.keys;
    const first = slot.data.indexOf(10);
    const scanned = this.scanned;
    scanned[SCANNED_CANDIDATES] = 0;
    scanned[SCANNED_OVERFLOW] = 0;
    let lineCount = 0;
    if (!this.counting) rowKeys.useBytes(slot.data);
    if (first !== -1 && first < length) {
      this.scanner ??= RowScan.create(slot.data.length, rowKeys) ?? null;
      lineCount = this.scanner ? this.readScanned(slot, first, length, this.scanner) : this.scan(slot, first + 1, length, 0);
    }
    const reply: ChunkReply = {
      type: 'chunk',
      id,
      first: first < length ? first : -1,
      lineCount,
      candidateCount: scanned[SCANNED_CANDIDATES]!,
      overflow: scanned[SCANNED_OVERFLOW] === 1,
      cellCodes: this.counting ? rowKeys.cellCodes.slice(this.cellsSent) : [],
      timeCodes: this.counting ? rowKeys.timeCodes.slice(this.timesSent) : [],
    };
    this.cellsSent = rowKeys.cellCodes.length;
    this.timesSent = rowKeys.timeCodes.length;
    return reply;
  }

  /** What scan() found besides the lines: candidates, and 1 when the slot held too few lines. */
  private readonly scanned = new Int32Array(2);

  /**
   * Finds and reads the lines from `position` on, line `lineCount` of the chunk the first; returns
   * how many lines the chunk has. A method of its own that ends in a plain return: V8 compiles its
   * long loop on the fly (on-stack replacement) before any code after the loop has run, and code
   * there that needs type feedback (building the reply, say) would then throw the compiled loop
   * away at the end of every chunk.
   */
  private scan(slot: SlotView, position: number, length: number, lineCount: number): number {
    const rowKeys = this.keys;
    const { data, lines, results } = slot;
    const scanned = this.scanned;
    const maxLines = lines.length / LINE_WORDS;
    let quote = data.indexOf(34, position);
    if (quote === -1 || quote >= length) quote = length;
    for (let newline = data.indexOf(10, position); newline !== -1 && newline < length; newline = data.indexOf(10, position)) {
      if (lineCount === maxLines) {
        scanned[SCANNED_OVERFLOW] = 1;
        break;
      }
      const quoted = newline > quote;
      if (quoted) {
        quote = data.indexOf(34, newline + 1);
        if (quote === -1 || quote >= length) quote = length;
      }
      const end = newline > position && data[newline - 1] === 13 ? newline - 1 : newline;
      const candidate = this.addLine(slot, lineCount++, position, end, newline, quoted);
      if (candidate >= 0) this.record(rowKeys.readBytes(data, position, end, quoted), results, candidate * RESULT_WORDS);
      position = newline + 1;
    }
    return lineCount;
  }

  /**
   * scan() by the row scanner's records of the lines after the `\n` at `first` (see io/row-scan.ts):
   * a scanned line is read from its record, any other as scan() reads it. Lines past the scanner's
   * records, if any, are left to scan().
   */
  private readScanned(slot: SlotView, first: number, length: number, scanner: RowScan): number {
    const rowKeys = this.keys;
    const { data, lines, results } = slot;
    const scanned = this.scanned;
    const maxLines = lines.length / LINE_WORDS;
    let position = first + 1;
    const count = scanner.scan(data, position, length);
    if (count < 0) return this.scan(slot, position, length, 0);
    const { records, meanings } = scanner;
    // Read before the loop, not after it: V8 compiles the loop on the fly (on-stack replacement)
    // before the code after it has run, and a property first read there (scanner.maxLines) threw
    // the compiled loop out at the end of every chunk the main thread read ahead (~20 a run).
    const more = count === scanner.maxLines;
    let lineCount = 0;
    for (let at = 0; lineCount < count; at += SCAN_WORDS) {
      if (lineCount === maxLines) {
        scanned[SCANNED_OVERFLOW] = 1;
        return lineCount;
      }
      const newline = records[at]!;
      const kind = records[at + 1]!;
      const end = newline > position && data[newline - 1] === 13 ? newline - 1 : newline;
      const quoted = (kind & SCAN_QUOTED) !== 0;
      const candidate = this.addLine(slot, lineCount++, position, end, newline, quoted);
      if (candidate >= 0) {
        const read = (kind & SCAN_UNREAD) === 0 ? rowKeys.readScanned(records, at, meanings) : rowKeys.readBytes(data, position, end, quoted);
        this.record(read, results, candidate * RESULT_WORDS);
      }
      position = newline + 1;
    }
    return more ? this.scan(slot, position, length, lineCount) : lineCount;
  }

  /**
   * Notes line `line` of the chunk, `data[start, end)` before its `\n` at `newline`: its candidate
   * number, or -1 when it is none (empty, or not led by printable ASCII).
   */
  private addLine(slot: SlotView, line: number, start: number, end: number, newline: number, quoted: boolean): number {
    const { data, lines } = slot;
    const at = LINE_WORDS * line;
    lines[at] = newline;
    const firstByte = data[start]!;
    if (end === start || firstByte <= 32 || firstByte >= 127) {
      lines[at + 1] = quoted ? LINE_QUOTED : LINE_PLAIN;
      return -1;
    }
    // A candidate, quoted or not: a line that turns out to lie inside a quoted field is not taken
    // (see ByteLineReader.runFound).
    const candidate = this.scanned[SCANNED_CANDIDATES]!;
    this.scanned[SCANNED_CANDIDATES] = candidate + 1;
    lines[at + 1] = candidate;
    return candidate;
  }

  /** Puts a candidate's result at `r` of `results`, and counts its row when it was `read` (valid). */
  private record(read: boolean, results: Int32Array, r: number): void {
    if (!read) {
      results[r + RESULT_BUCKET] = -1;
      return;
    }
    const out = this.keys.out;
    copyRowKeys(out, results, r);
    results[r + ROW_KEY_WORDS] = out.prohibited ? PROHIBITED_WORDINGS.indexOf(out.prohibited) + 1 : 0;
    if (this.counting) this.count(out.cell, out.timeCell, out.days, out.bucket);
  }

  /**
   * What this reader counted, by its RowKeys' cell numbers. Written straight into typed arrays: at
   * the end of a 5M-row log, building them through arrays of numbers raised peak memory by ~6 MB.
   */
  counts(): RemoteCounts {
    return {
      cells: this.cellArray(0),
      comparisonCells: this.cellArray(1),
      times: this.timeTriples(0),
      comparisonTimes: this.timeTriples(1),
    };
  }

  private cellArray(which: number): Int32Array {
    const counts = this.cellCounts[which]!;
    const cells = new Int32Array(counts.length);
    for (let cell = 0; cell < counts.length; cell++) cells[cell] = counts[cell] ?? 0;
    return cells;
  }

  /** Counts a valid row as the intake would: bucket 0 in the period, 2 in the comparison period, 1 not at all. */
  private count(cell: number, timeCell: number, days: number, bucket: number): void {
    if (bucket === 1) return;
    const which = bucket === 0 ? 0 : 1;
    const cells = this.cellCounts[which]!;
    cells[cell] = (cells[cell] ?? 0) + 1;
    if (timeCell < 0) return;
    if (days >= 0 && days < 1024) {
      const groups = this.timeCounts[which]!;
      const byDays = (groups[timeCell] ??= []);
      byDays[days] = (byDays[days] ?? 0) + 1;
    } else {
      this.otherTimes[which]!.push(timeCell, days, 1);
    }
  }

  /** The decision times counted for the period (0) or the comparison period (1), as (group, days, rows) triples. */
  private timeTriples(which: number): Int32Array {
    const other = this.otherTimes[which]!;
    const groups = this.timeCounts[which]!;
    let count = other.length;
    groups.forEach((byDays) => byDays.forEach((rows) => (count += rows ? 3 : 0)));
    const triples = new Int32Array(count);
    triples.set(other);
    let at = other.length;
    groups.forEach((byDays, group) => {
      byDays.forEach((rows, days) => {
        if (!rows) return;
        triples[at++] = group;
        triples[at++] = days;
        triples[at++] = rows;
      });
    });
    return triples;
  }
}
