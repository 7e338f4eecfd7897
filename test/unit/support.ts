// Shared helpers for the unit and property tests (not a test file itself).
import { createClassifier } from '../../src/core/classify.js';
import { createIntake, type Intake, type IntakeOptions, type IntakeResult } from '../../src/core/intake.js';
import { CsvRecordSplitter, type CsvRecord, type CsvSyntaxError } from '../../src/io/csv-records.js';

export type SplitEvent = ({ kind: 'record' } & CsvRecord) | ({ kind: 'error' } & CsvSyntaxError);

/** Runs the splitter over `chunks` (pushed one after the other) and returns what it emitted, in order. */
export function splitChunks(chunks: readonly string[]): SplitEvent[] {
  const events: SplitEvent[] = [];
  const splitter = new CsvRecordSplitter({
    record: (record) => events.push({ kind: 'record', ...record }),
    error: (error) => events.push({ kind: 'error', ...error }),
  });
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return events;
}

export function split(text: string): SplitEvent[] {
  return splitChunks([text]);
}

/** Only the records, as [line, fields]. */
export function recordsOf(events: readonly SplitEvent[]): [number, string[]][] {
  return events.filter((event) => event.kind === 'record').map((event) => [event.line, event.fields]);
}

/** Feeds one CSV text to the intake the way the reader does: first record is the header. */
export function feedCsv(intake: Intake, file: string, text: string): void {
  let headerSeen = false;
  const splitter = new CsvRecordSplitter({
    record({ line, fields }) {
      if (!headerSeen) {
        headerSeen = true;
        intake.header(file, line, fields);
      } else intake.row(file, line, fields);
    },
    error({ line, rows, message }) {
      if (!headerSeen) {
        headerSeen = true;
        intake.header(file, line, null);
      } else intake.unreadable(file, line, rows, message);
    },
  });
  splitter.push(text);
  splitter.end();
}

export const classifier = createClassifier();

export function runIntake(files: readonly { name: string; text: string }[], options: Partial<IntakeOptions> = {}): IntakeResult {
  const intake = createIntake({ classifier, ...options });
  for (const { name, text } of files) feedCsv(intake, name, text);
  return intake.finish();
}

/** Serialises fields RFC 4180 style: a field is quoted when it holds a comma, a quote, CR or LF. */
export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function csvLine(fields: readonly string[]): string {
  // A record of one blank field would be a blank line, which readers skip: quote it.
  if (fields.length === 1 && fields[0]!.trim() === '') return `"${fields[0]!.replace(/"/g, '""')}"`;
  return fields.map(csvField).join(',');
}
