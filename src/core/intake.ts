// The intake: fed header and records one at a time by the reader, it validates each row, finds
// duplicates, sorts rows into the period or out of it, and counts. Nothing here reads a file: the
// state it keeps is a tally whose size depends on the number of distinct keys, not of rows.
import type { Classifier } from './classify.js';
import { createIdRegistry } from './id-registry.js';
import { periodContains, type Period } from './period.js';
import type { Problem } from './problem.js';
import { REQUIRED_COLUMNS, type Column, type RequestRecord } from './schema.js';
import { createTally, type Tally } from './tally.js';
import { validateRow, type ColumnIndex } from './validate-row.js';
import { matchColumn } from './vocabulary.js';

export interface IntakeOptions {
  /** Rows received outside it are reported as outside the period; none when absent. */
  period?: Period;
  /** Rows of this period (outside `period`) are also tallied apart, for a comparison with it. */
  comparePeriod?: Period;
  classifier: Classifier;
  today?: string;
  /** Extra header spellings (folded) → column, from the config. */
  columnAliases?: ReadonlyMap<string, Column>;
  /** Problems kept in full; the rest are only counted. */
  maxProblems?: number;
  /** Told of every valid, non-duplicate row (for explain and --explain-classification). */
  observe?: (row: ObservedRow) => void;
}

export interface ObservedRow {
  record: RequestRecord;
  file: string;
  line: number;
  /** "category column" or "rule <id>". */
  classifiedBy: string;
  inPeriod: boolean;
}

/** What happened to every data row: read = counted + invalid + duplicate + outsidePeriod. */
export interface Ledger {
  read: number;
  counted: number;
  invalid: number;
  duplicate: number;
  outsidePeriod: number;
}

export interface IntakeResult {
  ledger: Ledger;
  tally: Tally;
  /** The rows of `comparePeriod`, when one was given. */
  comparisonTally?: Tally;
  /** The problems kept, in input order. */
  problems: Problem[];
  /** All problems by severity, including those beyond `maxProblems`. */
  errorCount: number;
  warningCount: number;
  /** Header cells no column matched, each once, in order of first appearance. */
  ignoredColumns: string[];
  files: number;
}

export interface Intake {
  /**
   * A file's header row, or null when the reader could not split it (the problem is the reader's to report).
   * Returns false when the file's rows cannot be read: they are then counted as invalid.
   */
  header(file: string, line: number, cells: readonly string[] | null): boolean;
  /** One data record of the current file. */
  row(file: string, line: number, fields: readonly string[]): void;
  /** Records the reader could not split into fields (malformed CSV): counted as invalid. */
  unreadable(file: string, line: number, rows: number, message: string): void;
  /** A problem the reader found outside any row (empty file, encoding). */
  problem(problem: Problem): void;
  finish(): IntakeResult;
}

export function createIntake(options: IntakeOptions): Intake {
  const maxProblems = options.maxProblems ?? 10_000;
  const ledger: Ledger = { read: 0, counted: 0, invalid: 0, duplicate: 0, outsidePeriod: 0 };
  const tally = createTally();
  const comparisonTally = options.comparePeriod ? createTally() : undefined;
  const ids = createIdRegistry();
  const problems: Problem[] = [];
  const ignored = new Set<string>();
  let errorCount = 0;
  let warningCount = 0;
  let files = 0;
  let columns: ColumnIndex = {};
  let width = 0;
  let readable = true;

  const addProblem = (problem: Problem) => {
    if (problem.severity === 'error') errorCount++;
    else warningCount++;
    if (problems.length < maxProblems) problems.push(problem);
  };

  const header = (file: string, line: number, cells: readonly string[] | null): boolean => {
    files++;
    columns = {};
    width = cells?.length ?? 0;
    if (cells === null) {
      readable = false;
      return false;
    }
    const seen = new Map<Column, number>();
    const fileProblems: Problem[] = [];
    cells.forEach((cell, index) => {
      const column = matchColumn(cell, options.columnAliases);
      if (!column) {
        if (cell.trim()) ignored.add(cell.trim());
        return;
      }
      const first = seen.get(column);
      if (first !== undefined) {
        fileProblems.push({
          severity: 'error', code: 'duplicate-column', file, line, column,
          message: `header cells ${first + 1} ("${cells[first]}") and ${index + 1} ("${cell}") both name column ${column}; keep one`,
        });
        return;
      }
      seen.set(column, index);
      columns[column] = index;
    });
    for (const column of REQUIRED_COLUMNS) {
      if (columns[column] === undefined) {
        fileProblems.push({
          severity: 'error', code: 'missing-column', file, line, column,
          message: `required column "${column}" is missing; the header has: ${cells.map((c) => c.trim()).join(', ')}`,
        });
      }
    }
    fileProblems.forEach(addProblem);
    readable = fileProblems.length === 0;
    return readable;
  };

  /** Counts a valid row in the period, or as outside it; says which. */
  const count = (record: RequestRecord): boolean => {
    if (options.period && !periodContains(options.period, record.received)) {
      ledger.outsidePeriod++;
      if (options.comparePeriod && periodContains(options.comparePeriod, record.received)) comparisonTally?.add(record);
      return false;
    }
    ledger.counted++;
    tally.add(record);
    return true;
  };

  const row = (file: string, line: number, fields: readonly string[]) => {
    ledger.read++;
    if (!readable) {
      ledger.invalid++; // reported once, at the header
      return;
    }
    if (fields.length !== width && !(fields.length > width && fields.slice(width).every((f) => f.trim() === ''))) {
      ledger.invalid++;
      addProblem({
        severity: 'error', code: 'field-count', file, line,
        message: `has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${width}; check for an unquoted comma or a missing value`,
      });
      return;
    }
    const result = validateRow(fields, { file, line, columns, classifier: options.classifier, today: options.today });
    if (!result.ok) {
      ledger.invalid++;
      result.problems.forEach(addProblem);
      return;
    }
    const { record } = result;
    const seen = ids.check(record.id, signatureOf(record), { file, line });
    if (seen.kind === 'duplicate') {
      ledger.duplicate++;
      addProblem({
        severity: 'warning', code: 'duplicate-row', file, line, column: 'id',
        message: `repeats the request at ${seen.first.file}:${seen.first.line} exactly; counted once`,
      });
      return;
    }
    if (seen.kind === 'conflict') {
      ledger.invalid++;
      addProblem({
        severity: 'error', code: 'conflicting-id', file, line, column: 'id',
        message: `the id is already used at ${seen.first.file}:${seen.first.line} by a request with different content; ids must be unique`,
      });
      return;
    }
    result.findings.forEach(addProblem);
    const inPeriod = count(record);
    options.observe?.({ record, file, line, classifiedBy: result.classifiedBy, inPeriod });
  };

  return {
    header,
    row,
    unreadable(file, line, rows, message) {
      ledger.read += rows;
      ledger.invalid += rows;
      addProblem({ severity: 'error', code: 'csv-syntax', file, line, message });
    },
    problem: addProblem,
    finish: () => ({
      ledger: { ...ledger },
      tally,
      comparisonTally,
      problems: [...problems],
      errorCount,
      warningCount,
      ignoredColumns: [...ignored],
      files,
    }),
  };
}

/** The content that makes two rows with one id the same request. */
function signatureOf(record: RequestRecord): string {
  return [
    record.received, record.country, record.requester, record.category, record.outcome,
    record.rejectionReason ?? '', record.decided ?? '', record.userNotified ?? '', record.requestType,
  ].join('\u0000');
}
