// Splits CSV text into records, incrementally, keeping the line where each record starts.
//
// Most log lines hold no quote character: those are split on commas directly (the fast path).
// A line with a quote is followed until its quoted fields close, and the whole record is handed to
// csv-parse, the parser of record for everything unusual, whose verdict (and error) we report.
// A record that never closes its quote is reported, and reading resumes on the line after its start,
// so that one stray quote cannot swallow the rest of a file.
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvSyntaxError {
  line: number;
  /** Records lost: always 1, the record that could not be split. */
  rows: number;
  message: string;
}

export interface RecordSink {
  record(record: CsvRecord): void;
  error(error: CsvSyntaxError): void;
  /**
   * When given, a record that is one line without a quote character (nor U+FFFD) comes here instead,
   * unsplit: `text[start, end)` without its line end, never blank. Splitting it on commas gives the
   * fields record() would have had.
   */
  text?(text: string, start: number, end: number, line: number): void;
}

/** A quoted field may span lines; past this size a record is taken to be an unclosed quote. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const CSV_PARSE_HINTS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters; quote the whole field and double every quote inside it ("")',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field; quote the whole field and double every quote inside it ("")',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
};

/** Quote state at the end of `line`, given the state at its start. RFC 4180: `""` inside quotes is one quote. */
function endsInsideQuotes(line: string, inside: boolean): boolean {
  for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) {
    if (inside) {
      if (line.charCodeAt(i + 1) === 34) i++; // an escaped quote
      else inside = false;
    } else if (i === 0 || line.charCodeAt(i - 1) === 44) {
      // Outside quotes, a quote opens a field only at the field's start; elsewhere it is literal.
      inside = true;
    }
  }
  return inside;
}

/** A physical line and whether it ended in CRLF (kept inside quoted fields, where it is data). */
interface Line {
  text: string;
  crlf: boolean;
}

export class CsvRecordSplitter {
  private rest = '';
  private line = 0;
  private pending: Line[] = [];
  private pendingLine = 0;
  private pendingChars = 0;

  constructor(private readonly sink: RecordSink) {}

  /** Feeds decoded text; complete lines are processed, the last partial line is kept. */
  push(text: string): void {
    const data = this.rest + text;
    const sink = this.sink;
    const direct = sink.text !== undefined;
    let start = 0;
    // Where the next quote (and U+FFFD) is: a line before it holds none, and goes the fast way.
    let quote = direct ? data.indexOf('"') : 0;
    let replacement = direct ? data.indexOf('\uFFFD') : 0;
    if (quote === -1) quote = data.length;
    if (replacement === -1) replacement = data.length;
    for (let end = data.indexOf('\n'); end !== -1; end = data.indexOf('\n', start)) {
      if (direct && this.pending.length === 0 && end < quote && end < replacement) {
        const line = ++this.line;
        const stop = end > start && data.charCodeAt(end - 1) === 13 ? end - 1 : end;
        if (stop > start) {
          const first = data.charCodeAt(start);
          // Blank lines are skipped; a line that starts with white space may be one.
          if ((first > 32 && first < 127) || data.slice(start, stop).trim() !== '') sink.text!(data, start, stop, line);
        }
      } else {
        this.takeLine(data.slice(start, end));
        if (direct) {
          if (quote < end + 1) {
            quote = data.indexOf('"', end + 1);
            if (quote === -1) quote = data.length;
          }
          if (replacement < end + 1) {
            replacement = data.indexOf('\uFFFD', end + 1);
            if (replacement === -1) replacement = data.length;
          }
        }
      }
      start = end + 1;
    }
    this.rest = data.slice(start);
  }

  /** No quoted record is open: the next line starts a record. */
  get idle(): boolean {
    return this.pending.length === 0 && this.rest === '';
  }

  /** The number the next line will have. */
  get nextLine(): number {
    return this.line + 1;
  }

  /** Counts a line the caller handled itself (only while idle); returns its number. */
  countLine(): number {
    return ++this.line;
  }

  /** Feeds one whole line, without its `\n` (a trailing `\r` is the line end's). */
  pushLine(line: string): void {
    if (this.rest !== '') {
      this.push(`${line}\n`);
      return;
    }
    this.takeLine(line);
  }

  /** Ends the input: the last line, then any record whose quote never closed. */
  end(): void {
    if (this.rest !== '') this.takeLine(this.rest);
    this.rest = '';
    while (this.pending.length > 0) this.recoverUnclosed();
  }

  private takeLine(raw: string): void {
    this.line++;
    const crlf = raw.endsWith('\r');
    this.processLine({ text: crlf ? raw.slice(0, -1) : raw, crlf }, this.line);
  }

  private processLine(line: Line, number: number): void {
    const { text } = line;
    if (this.pending.length === 0) {
      if (!text.includes('"')) {
        if (text.trim() !== '') this.sink.record({ line: number, fields: text.split(',') });
        return;
      }
      if (!endsInsideQuotes(text, false)) {
        this.parseQuoted(text, number, true);
        return;
      }
      this.pending = [line];
      this.pendingLine = number;
      this.pendingChars = text.length;
      return;
    }
    this.pending.push(line);
    this.pendingChars += text.length + 1;
    if (!endsInsideQuotes(text, true)) {
      const record = this.pending.map((part, index) => (index === 0 ? part.text : `${this.pending[index - 1]!.crlf ? '\r\n' : '\n'}${part.text}`)).join('');
      // A record that spans lines must close its quote cleanly: a closing quote followed by other
      // characters means the quote that opened it was a stray one that never closed.
      if (!this.parseQuoted(record, this.pendingLine, false)) this.recoverUnclosed();
      else this.pending = [];
    } else if (this.pendingChars > MAX_RECORD_CHARS) {
      this.recoverUnclosed();
    }
  }

  /** The record at `pendingLine` never closes its quote: report it, then re-read the lines after it. */
  private recoverUnclosed(): void {
    const [, ...after] = this.pending;
    const line = this.pendingLine;
    this.pending = [];
    this.sink.error({
      line,
      rows: 1,
      message: `a quoted field opened on this line is never closed; this record is skipped and reading resumes on line ${line + 1}`,
    });
    after.forEach((part, index) => this.processLine(part, line + 1 + index));
  }

  /**
   * Parses one record with csv-parse. On one line, a quote inside an unquoted field is taken
   * literally (as spreadsheets write it), and a syntax error is reported; across lines, parsing is
   * strict and a failure is left to the caller (returns false).
   */
  private parseQuoted(text: string, line: number, singleLine: boolean): boolean {
    const simple = splitSimpleQuoted(text);
    if (simple) {
      this.sink.record({ line, fields: simple });
      return true;
    }
    try {
      this.sink.record({ line, fields: parseOne(text, false) });
      return true;
    } catch (strictError) {
      // On one line, a quote in the middle of an unquoted field (a,b"c) is taken literally, as
      // spreadsheets write it; any other error, such as a closing quote followed by text, stands.
      let error = strictError;
      if (singleLine && (strictError as { code?: string }).code === 'INVALID_OPENING_QUOTE') {
        try {
          this.sink.record({ line, fields: parseOne(text, true) });
          return true;
        } catch (relaxedError) {
          error = relaxedError;
        }
      }
      if (!singleLine) return false;
      const code = (error as { code?: string }).code ?? '';
      this.sink.error({ line, rows: 1, message: `malformed CSV: ${CSV_PARSE_HINTS[code] ?? (error as Error).message}` });
      return true;
    }
  }
}

/** One record with csv-parse. Lines are already split, so line breaks are inside quotes; a bare CR is data. */
function parseOne(text: string, relaxQuotes: boolean): string[] {
  const records = parse(text, { relax_quotes: relaxQuotes, relax_column_count: true, record_delimiter: ['\n', '\r\n'] }) as string[][];
  if (records.length !== 1) throw Object.assign(new Error('not one record'), { code: 'CSV_NOT_ONE_RECORD' });
  return records[0]!;
}

/**
 * The fields of a record in the plainest quoted form — each field either holds no quote, CR or LF at
 * all, or is wholly quoted with inner quotes doubled (line breaks inside quotes are data). Undefined
 * for anything else, which csv-parse reads. On the records it accepts it gives what csv-parse gives,
 * strict or relaxed (test/property/csv-records.property.test.ts): csv-parse costs ~0.1 ms a record to set up.
 */
export function splitSimpleQuoted(text: string): string[] | undefined {
  if (text === '') return undefined;
  const fields: string[] = [];
  const length = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return undefined;
        if (text.charCodeAt(quote + 1) === 34) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === length) return fields;
      if (text.charCodeAt(i) !== 44) return undefined;
      i++;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? length : comma;
      const field = text.slice(i, end);
      if (field.includes('"') || field.includes('\n') || field.includes('\r')) return undefined;
      fields.push(field);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}
