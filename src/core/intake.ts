// The intake: fed header and records one at a time by the reader, it validates each row, finds
// duplicates, sorts rows into the period or out of it, and counts. Nothing here reads a file: the
// state it keeps is a tally whose size depends on the number of distinct keys, not of rows.
import type { ClassificationRule, Classifier, ProhibitedRule } from './classify.js';
import { copyRowKeys, PROHIBITED_WORDINGS, ROW_KEY_WORDS, RowKeys, type RowKeysOptions, type ScanKeys, type ScannedLine } from './fast-row.js';
import { HASH_OUT } from './hash.js';
import { hashIdOfBytes, hashIdOfFields, hashIdOfText } from './id-probe.js';
import { createIdRegistry, ID_CONFLICT, ID_DUPLICATE, ID_NEW, ID_SEEN, type IdRegistry } from './id-registry.js';
import { mapHeader } from './map-header.js';
import type { Period } from './period.js';
import type { Problem } from './problem.js';
import { conflictProblem, duplicateProblem, lostFirstRowProblem, REPEAT_PLACEHOLDER } from './repeat-problems.js';
import type { Column, RequestRecord } from './schema.js';
import { createTally, type Tally } from './tally.js';
import { validateRow, type ColumnIndex } from './validate-row.js';

export interface IntakeOptions {
  /** Rows received outside it are reported as outside the period; none when absent. */
  period?: Period;
  /** Rows of this period (outside `period`) are also tallied apart, for a comparison with it. */
  comparePeriod?: Period;
  /**
   * Whether the period's rows are tallied by month too (default true). A report of the period as a
   * whole (`build`, `compare`) passes false: its cells are then one for all the period's months,
   * dated its first month, ~6 times fewer for a half-year (fewer for every row to find, for threads
   * to send and join, and for the report to go through). The comparison period's rows keep their
   * months: a comparison needs the months it covers.
   */
  periodMonths?: boolean;
  /**
   * Whether the comparison period's rows are tallied by outcome, rejection reason and notice too
   * (default true). A comparison counts requests only (by country, requester, category and month):
   * `build` and `compare` pass false, and comparisonTally's entries then all read outcome
   * 'approved', with no reason or notice, for the requests of every outcome.
   */
  comparisonOutcomes?: boolean;
  classifier: Classifier;
  today?: string;
  /** Extra header spellings (folded) → column, from the config. */
  columnAliases?: ReadonlyMap<string, Column>;
  /** Problems kept in full; the rest are only counted. */
  maxProblems?: number;
  /** Told of every valid, non-duplicate row (for explain and --explain-classification). */
  observe?: (row: ObservedRow) => void;
  /** Read quote-free lines in place (rowText); false sends every row through validateRow. Default true. */
  fastPath?: boolean;
  /** The rules `classifier` was built from: with them, other threads can read rows too (see parallel()). */
  classifierRules?: { categories: readonly ClassificationRule[]; prohibited: readonly ProhibitedRule[] };
  /**
   * Where a repeated id's first row comes from. `inline` (the default): the id table keeps each id's
   * first row, 16 bytes an id. `later`: the table keeps ids only, 8 bytes an id (44 MB instead of
   * 89 MB for 5 million rows); a repeated row is uncounted at once, and told a duplicate or a
   * conflict by a second reading of the logs (see Intake.repeatedIds) before finish(). Only for logs
   * that can be read twice (regular files).
   */
  firstRows?: 'inline' | 'later';
  /**
   * Makes this intake the second reading: it counts nothing; it finds the first valid row of each
   * repeated id, and tells the rows that repeat it (see Intake.toldRepeats).
   */
  find?: RepeatedIds;
}

/**
 * What the first reading (firstRows `later`) knows of repeated ids: the ids (each to get its first
 * row: IdRegistry.expect), how many rows repeated one, and the problems of the first of those rows,
 * in order — placeholders until told (as many as maxProblems left room for).
 */
export interface RepeatedIds {
  readonly ids: IdRegistry;
  readonly rows: number;
  readonly problems: readonly Problem[];
}

/** The repeated rows as the second reading told them, in input order (see IntakeOptions.find). */
export interface ToldRepeats {
  duplicates: number;
  conflicts: number;
  /** The problems of the first rows, one per placeholder (fewer if the logs changed meanwhile). */
  problems: Problem[];
}

/** What a RowKeys reads rows by, but its classifier (a thread makes its own from the rules). */
export type KeyOptions = Omit<RowKeysOptions, 'classifier'>;

/** What a row-reading thread needs to read rows as this intake would (see RowKeys). */
export interface ParallelInit extends KeyOptions {
  categories: readonly ClassificationRule[];
  prohibited: readonly ProhibitedRule[];
}

/**
 * Rows another thread's RowKeys has read and counted in its own tallies, taken here in input order.
 * A row's words are RowKeys.out's (copyRowKeys), then `prohibited` as an index into
 * PROHIBITED_WORDINGS + 1 (0: none).
 */
export interface RemoteRows {
  /** The codes of the cells and groups that thread's RowKeys added since its last batch, in order. */
  addCodes(cellCodes: readonly number[], timeCodes: readonly number[]): void;
  /** One valid row, counted by the thread: checked here for a repeated id (then uncounted again). */
  commit(file: string, line: number, words: Int32Array, at: number): void;
  /** A row the thread counted that is not a row after all (it lies inside a quoted field): uncounted. */
  retract(words: Int32Array, at: number): void;
  /** Adds what the thread counted (once, after its last row). */
  addCounts(counts: RemoteCounts): void;
}

/**
 * What a thread counted (see RemoteRows), by its RowKeys' cell numbers: per cell, the rows in the
 * period and in the comparison period; per decision-time group, (group, days, rows) triples.
 */
export interface RemoteCounts {
  cells: Int32Array;
  comparisonCells: Int32Array;
  times: Int32Array;
  comparisonTimes: Int32Array;
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
  /** The rows of `comparePeriod`, when one was given: their counts (no decision times; see also comparisonOutcomes). */
  comparisonTally?: Tally;
  /** The problems kept, in input order. */
  problems: Problem[];
  /** All problems by severity, including those beyond `maxProblems`. */
  errorCount: number;
  warningCount: number;
  /** Header cells no column matched, each once, in order of first appearance. */
  ignoredColumns: string[];
  files: number;
  /** Files none of whose rows could be read (empty, not text, a header without a required column). */
  unreadableFiles: string[];
}

export interface Intake {
  /**
   * A file's header row, or null when the reader could not split it (the problem is the reader's to report).
   * Returns false when the file's rows cannot be read: they are then counted as invalid.
   */
  header(file: string, line: number, cells: readonly string[] | null): boolean;
  /** One data record of the current file. */
  row(file: string, line: number, fields: readonly string[]): void;
  /**
   * One data record that is the line `text[start, end)`: no quote character, no line end, not blank.
   * The same as row() with the line split on commas, without splitting it unless it must.
   */
  rowText(file: string, line: number, text: string, start: number, end: number): void;
  /**
   * One data record that is the line `bytes[start, end)` of ASCII (no line end, not blank; `quoted`
   * when it holds a quote; `scanned` when a row scanner has read it: see RowKeys.readScanned).
   * Returns false, having done nothing, when the row must be given as text (rowText) instead.
   */
  rowBytes(file: string, line: number, bytes: Uint8Array, start: number, end: number, quoted: boolean, scanned?: ScannedLine): boolean;
  /** Tells rowBytes that lines of `bytes` come next (see RowKeys.useBytes). */
  useBytes(bytes: Uint8Array): void;
  /** What a row scanner for rowBytes needs (see io/row-scan.ts). */
  scanKeys(): ScanKeys;
  /** How other threads can read rows for this intake, or undefined when they cannot (then read here). */
  parallel(): ParallelInit | undefined;
  /** The current file's columns, or undefined when its rows cannot be read. */
  layout(): { columns: ColumnIndex; width: number } | undefined;
  /** A sink for rows another thread has read (one per thread). */
  remote(): RemoteRows;
  /**
   * This intake's own row reader, to read a chunk's rows ahead of their turn on this thread as
   * another thread would (see io/read-with-threads.ts), and the sink that then takes them in
   * order: it checks and counts them as rowBytes would (they are counted nowhere else).
   */
  ownRows(): { keys: RowKeys; rows: RemoteRows };
  /** Data rows read so far (for a progress display). */
  rowsRead(): number;
  /** Expect about this many data rows in all (sizes the id registry once instead of growing it). */
  reserve(rows: number): void;
  /** Records the reader could not split into fields (malformed CSV): counted as invalid. */
  unreadable(file: string, line: number, rows: number, message: string): void;
  /** A problem the reader found outside any row (empty file, encoding). */
  problem(problem: Problem): void;
  /**
   * Every row is read (other threads' counts may follow): the table of every id is let go. Returns
   * whether there was one to let go (the second reading keeps its table).
   */
  endOfRows(): boolean;
  /**
   * With firstRows `later`, once every row is read: the ids that repeat, for a second reading to tell
   * their rows (an intake created with `find`); undefined when no id repeats. The intake takes no
   * rows after this.
   */
  repeatedIds(): RepeatedIds | undefined;
  /** The second reading (`find`): whether every repeated row is told (the reading can stop). */
  foundAll(): boolean;
  /** The second reading (`find`): what it told, for the first intake's finish(). */
  toldRepeats(): ToldRepeats;
  /** The result; `told` is required when repeatedIds() gave ids. */
  finish(told?: ToldRepeats): IntakeResult;
}

/**
 * RemoteRows.commit reads the id table for this many rows at once, before checking them: their cache
 * misses then overlap, instead of each row waiting for its own.
 */
const TOUCH_ROWS = 128;

export function createIntake(options: IntakeOptions): Intake {
  const maxProblems = options.maxProblems ?? 10_000;
  const ledger: Ledger = { read: 0, counted: 0, invalid: 0, duplicate: 0, outsidePeriod: 0 };
  const tally = createTally();
  const comparisonTally = options.comparePeriod ? createTally() : undefined;
  const later = options.firstRows === 'later';
  // The second reading checks rows against the repeated ids, and keeps the first row of each.
  let ids = options.find?.ids ?? createIdRegistry(undefined, later ? 'ids' : 'first-rows');
  // The first reading (`later`): the repeated ids (8 bytes each), how many rows repeat one, the
  // placeholders of their problems. Memory grows with repeated ids, never with rows.
  const repeated = later ? { ids: createIdRegistry(undefined, 'ids'), rows: 0, problems: [] as Problem[] } : undefined;
  // The second reading: what it has told.
  const finding = options.find;
  const told: ToldRepeats = { duplicates: 0, conflicts: 0, problems: [] };
  const keyOptions: KeyOptions = {
    today: options.today, period: options.period, comparePeriod: options.comparePeriod,
    periodMonths: options.periodMonths, comparisonOutcomes: options.comparisonOutcomes,
  };
  const keys = new RowKeys({ classifier: options.classifier, ...keyOptions });
  const fast = options.fastPath !== false && !options.observe;
  // RowKeys' cells → the tallies' cells, found once each.
  const tallyCells: number[] = [];
  const comparisonCells: number[] = [];
  const tallyTimeCells: number[] = [];
  const comparisonTimeCells: number[] = [];
  const problems: Problem[] = [];
  const ignored = new Set<string>();
  let errorCount = 0;
  let warningCount = 0;
  let files = 0;
  let columns: ColumnIndex = {};
  let width = 0;
  let readable = true;
  const unreadableFiles: string[] = [];

  const addProblem = (problem: Problem) => {
    if (problem.severity === 'error') errorCount++;
    else warningCount++;
    if (problems.length < maxProblems) problems.push(problem);
  };

  const header = (file: string, line: number, cells: readonly string[] | null): boolean => {
    flush();
    files++;
    columns = {};
    width = cells?.length ?? 0;
    if (cells === null) {
      readable = false;
      unreadableFiles.push(file);
      return false;
    }
    const mapped = mapHeader(cells, options.columnAliases, file, line);
    columns = mapped.columns;
    mapped.ignored.forEach((cell) => ignored.add(cell));
    mapped.problems.forEach(addProblem);
    readable = mapped.problems.length === 0;
    if (!readable) unreadableFiles.push(file);
    keys.layout(columns, width);
    return readable;
  };

  interface KeySource {
    /** True when another thread has counted its rows already (see RemoteRows). */
    counted: boolean;
    /** Codes of the source's cells and groups (see tally.cellCode), by the source's numbers. */
    cellCodes: number[];
    timeCodes: number[];
    tallyCells: number[];
    comparisonCells: number[];
    tallyTimeCells: number[];
    comparisonTimeCells: number[];
  }
  const local: KeySource = { counted: false, cellCodes: keys.cellCodes, timeCodes: keys.timeCodes, tallyCells, comparisonCells, tallyTimeCells, comparisonTimeCells };

  /** Counts a valid row unless its id was seen before; says whether it is new. */
  // A row's words (ROW_WORDS of them): idLow, idHigh, signature, cell, timeCell, days, bucket, line. In
  // a typed array rather than arguments, since a 32-bit hash passed to a call is boxed (a heap number).
  const commitRow = (
    file: string, line: number, findings: readonly Problem[] | undefined, words: Int32Array, at: number,
    prohibited: string | undefined, source: KeySource,
  ): boolean => {
    if (finding) {
      if (!ids.claim(words, at, file, line)) tellRepeat(file, line, words, at); // unless it is the first row
      return false;
    }
    const verdict = ids.checkWords(words, at, file, line);
    if (verdict !== ID_NEW && source.counted) countRow(words, at, source, -1);
    if (verdict === ID_SEEN) {
      // Duplicate or conflict: the second reading tells (see tellRepeat, addTold). Its problem keeps
      // its place among the others.
      repeated!.ids.checkWords(words, at, file, line); // registered once
      repeated!.rows++;
      if (problems.length < maxProblems) {
        const problem = { ...REPEAT_PLACEHOLDER, file, line };
        problems.push(problem);
        repeated!.problems.push(problem);
      }
      return false;
    }
    if (verdict === ID_DUPLICATE) {
      ledger.duplicate++;
      addProblem(duplicateProblem(file, line, ids.first()));
      return false;
    }
    if (verdict === ID_CONFLICT) {
      ledger.invalid++;
      addProblem(conflictProblem(file, line, ids.first()));
      return false;
    }
    if (findings) findings.forEach(addProblem);
    else if (prohibited) {
      addProblem({
        severity: 'error', code: 'policy-violation', file, line, column: 'request_type',
        message: `the request ${prohibited} and was approved; the principles say such requests are always declined`,
      });
    }
    if (words[at + 6] === 0) ledger.counted++;
    else ledger.outsidePeriod++;
    if (!source.counted) countRow(words, at, source, 1);
    return true;
  };

  /** Adds a row's counts (`sign` 1) or takes them away again (-1; see RemoteRows). */
  const countRow = (words: Int32Array, at: number, source: KeySource, sign: number) => {
    const cellIndex = words[at + 3]!;
    const timeIndex = words[at + 4]!;
    const days = words[at + 5]!;
    const bucket = words[at + 6]!;
    if (bucket === 1 || (bucket === 2 && !comparisonTally)) return;
    const target = bucket === 0 ? tally : comparisonTally!;
    const cells = bucket === 0 ? source.tallyCells : source.comparisonCells;
    const timeCells = bucket === 0 ? source.tallyTimeCells : source.comparisonTimeCells;
    let cell = cells[cellIndex];
    if (cell === undefined) cell = cells[cellIndex] = target.cell(source.cellCodes[cellIndex]!);
    target.addToCell(cell, sign);
    if (timeIndex >= 0) {
      let timeCell = timeCells[timeIndex];
      if (timeCell === undefined) timeCell = timeCells[timeIndex] = target.timeCell(source.timeCodes[timeIndex]!);
      target.addToTimeCell(timeCell, days, sign);
    }
  };

  /** Counts the valid row RowKeys has just read (see commitRow). */
  const commit = (file: string, line: number, findings: readonly Problem[] | undefined): boolean => {
    const out = keys.out;
    const words = rowWords;
    words[0] = out.idLow;
    words[1] = out.idHigh;
    words[2] = out.signature;
    words[3] = out.cell;
    words[4] = out.timeCell;
    words[5] = out.days;
    words[6] = out.bucket;
    return commitRow(file, line, findings, words, 0, out.prohibited, local);
  };
  const rowWords = new Int32Array(8);

  // Valid rows of the fast path wait here, a batch at a time, and are committed in order when the
  // batch is full or before anything else happens (a problem, a header, the end): so that the id
  // registry's table can be touched for the whole batch first — its cache misses then overlap,
  // instead of each row waiting for its own.
  const BATCH = 256;
  const WORDS = 8; // idLow, idHigh, signature, cell, timeCell, days, bucket, line
  const pending = new Int32Array(BATCH * WORDS);
  const pendingProhibited: (string | undefined)[] = new Array<string | undefined>(BATCH).fill(undefined);
  let pendingCount = 0;
  let pendingFile = '';
  let touched = 0;
  const flush = () => {
    const count = pendingCount;
    if (count === 0) return;
    pendingCount = 0;
    touched = ids.touchWords(pending, 0, count, WORDS); // kept, so that the reads are not optimised away
    for (let i = 0, at = 0; i < count; i++, at += WORDS) {
      commitRow(pendingFile, pending[at + 7]!, undefined, pending, at, pendingProhibited[i], local);
      pendingProhibited[i] = undefined;
    }
  };
  /** Queues the valid row RowKeys has just read. */
  const defer = (file: string, line: number) => {
    if (file !== pendingFile) {
      flush();
      pendingFile = file;
    }
    const out = keys.out;
    const at = pendingCount * WORDS;
    copyRowKeys(out, pending, at);
    pending[at + ROW_KEY_WORDS] = line;
    pendingProhibited[pendingCount] = out.prohibited;
    if (++pendingCount === BATCH) flush();
  };

  /** A row through validateRow (read already counted). */
  const rowFields = (file: string, line: number, fields: readonly string[]) => {
    if (fields.length !== width) flush();
    // No guessing: a row with a field more or less than the header is refused, even an empty extra
    // one, since the shift may be anywhere in the row.
    if (fields.length !== width) {
      ledger.invalid++;
      addProblem({
        severity: 'error', code: 'field-count', file, line,
        message: `has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${width}; check for an unquoted comma or a missing value`,
      });
      return;
    }
    if (fast && keys.readFields(fields)) {
      defer(file, line);
      return;
    }
    flush();
    const result = validateRow(fields, { file, line, columns, classifier: options.classifier, today: options.today });
    if (!result.ok) {
      ledger.invalid++;
      result.problems.forEach(addProblem);
      return;
    }
    const { record } = result;
    keys.fromRecord(record, undefined);
    if (!commit(file, line, result.findings)) return;
    options.observe?.({ record, file, line, classifiedBy: result.classifiedBy, inPeriod: keys.out.bucket === 0 });
  };

  // The second reading reads in full only the rows whose id it seeks (see id-probe.ts).
  const probe = new Int32Array(2);
  const sought = (): boolean => {
    probe[0] = HASH_OUT[0]!;
    probe[1] = HASH_OUT[1]!;
    return ids.has(probe, 0);
  };

  const row = (file: string, line: number, fields: readonly string[]) => {
    ledger.read++;
    if (!readable) {
      ledger.invalid++; // reported once, at the header
      return;
    }
    if (finding) {
      hashIdOfFields(fields, columns.id!);
      if (!sought()) return;
    }
    rowFields(file, line, fields);
  };

  const rowText = (file: string, line: number, text: string, start: number, end: number) => {
    ledger.read++;
    if (!readable) {
      ledger.invalid++;
      return;
    }
    if (finding) {
      hashIdOfText(text, start, end, columns.id!);
      if (!sought()) return;
    }
    if (fast && keys.read(text, start, end)) defer(file, line);
    else rowFields(file, line, text.slice(start, end).split(','));
  };

  const rowBytes = (file: string, line: number, bytes: Uint8Array, start: number, end: number, quoted: boolean, scanned?: ScannedLine): boolean => {
    if (!readable) {
      ledger.read++;
      ledger.invalid++;
      return true;
    }
    if (finding) {
      if (quoted || !hashIdOfBytes(bytes, start, end, columns.id!)) return false;
      if (!sought()) {
        ledger.read++;
        return true;
      }
    }
    if (!fast || !(scanned ? keys.readScanned(scanned.records, scanned.at, scanned.meanings) : keys.readBytes(bytes, start, end, quoted))) return false;
    ledger.read++;
    defer(file, line);
    return true;
  };

  // The rows whose ids RemoteRows.commit has read the table for: words[touchedFrom, touchedTo).
  let touchedWords: Int32Array | undefined;
  let touchedFrom = 0;
  let touchedTo = 0;
  const sink = (source: KeySource): RemoteRows => {
    return {
      addCodes(cellCodes, timeCodes) {
        for (const code of cellCodes) source.cellCodes.push(code);
        for (const code of timeCodes) source.timeCodes.push(code);
      },
      commit(file, line, words, at) {
        ledger.read++;
        flush();
        if (words !== touchedWords || at < touchedFrom || at >= touchedTo) {
          touchedWords = words;
          touchedFrom = at;
          touchedTo = at + TOUCH_ROWS * (ROW_KEY_WORDS + 1);
          touched ^= ids.touchWords(words, at, TOUCH_ROWS, ROW_KEY_WORDS + 1);
        }
        const prohibited = words[at + ROW_KEY_WORDS]!;
        commitRow(file, line, undefined, words, at, prohibited ? PROHIBITED_WORDINGS[prohibited - 1] : undefined, source);
      },
      retract(words, at) {
        if (source.counted) countRow(words, at, source, -1);
      },
      addCounts(counts) {
        addThreadCounts(tally, source.cellCodes, source.timeCodes, counts.cells, counts.times);
        if (comparisonTally) addThreadCounts(comparisonTally, source.cellCodes, source.timeCodes, counts.comparisonCells, counts.comparisonTimes);
      },
    };
  };
  const remote = (): RemoteRows =>
    sink({ counted: true, cellCodes: [], timeCodes: [], tallyCells: [], comparisonCells: [], tallyTimeCells: [], comparisonTimeCells: [] });
  // The own rows' cells are keys' own, which `local` numbers already.
  const ownRows = { keys, rows: sink(local) };

  return {
    header,
    row,
    rowText,
    rowBytes,
    useBytes: (bytes) => keys.useBytes(bytes),
    scanKeys: () => keys,
    remote,
    ownRows: () => ownRows,
    parallel: () =>
      fast && options.classifierRules
        ? { ...options.classifierRules, ...keyOptions }
        : undefined,
    layout: () => (readable ? { columns, width } : undefined),
    reserve: (rows) => {
      if (!finding) ids.reserve(rows); // the second reading's table is as large as the repeated ids
    },
    rowsRead: () => ledger.read,
    unreadable(file, line, rows, message) {
      flush();
      ledger.read += rows;
      ledger.invalid += rows;
      addProblem({ severity: 'error', code: 'csv-syntax', file, line, message });
    },
    problem(problem) {
      flush();
      addProblem(problem);
    },
    endOfRows() {
      flush();
      // The second reading keeps its table; the first has no use for its table of every id (44 MB at
      // 5M rows) once no row comes: repeated ids are in a set of their own, duplicates told.
      if (finding) return false;
      ids = createIdRegistry(4);
      return true;
    },
    repeatedIds() {
      flush();
      if (!repeated || repeated.rows === 0) return undefined;
      // Now that the table of every id is gone (endOfRows), room for each repeated id's first row.
      const firstRows = createIdRegistry(undefined, 'first-rows');
      firstRows.reserve(repeated.ids.size);
      repeated.ids.forEachId((words, at) => firstRows.expect(words, at));
      return { ids: firstRows, rows: repeated.rows, problems: repeated.problems };
    },
    foundAll() {
      flush();
      return finding !== undefined && told.duplicates + told.conflicts === finding.rows;
    },
    toldRepeats() {
      if (!finding) throw new Error('toldRepeats() is for an intake created with `find`');
      flush();
      return told;
    },
    finish: (repeats) => {
      flush();
      if (repeated && repeated.rows > 0) {
        if (!repeats) throw new Error('finish() needs the repeated rows told (see repeatedIds)');
        addTold(repeated, repeats);
      }
      return finishResult();
    },
  };

  /** The second reading: a valid row whose id is sought and whose first row is found already. */
  function tellRepeat(file: string, line: number, words: Int32Array, at: number): void {
    const verdict = ids.find(words, at);
    if (verdict === ID_NEW) return; // not a sought id
    if (verdict === ID_DUPLICATE) told.duplicates++;
    else told.conflicts++;
    if (told.problems.length < finding!.problems.length) {
      told.problems.push(verdict === ID_DUPLICATE ? duplicateProblem(file, line, ids.first()) : conflictProblem(file, line, ids.first()));
    }
  }

  /** The first reading: the repeated rows, as the second told them — duplicates (warnings) or conflicts (errors). */
  function addTold(sought: RepeatedIds, repeats: ToldRepeats): void {
    warningCount += repeats.duplicates;
    ledger.duplicate += repeats.duplicates;
    // Rows the second reading did not meet again (a log changed meanwhile) are errors too.
    const errors = sought.rows - repeats.duplicates;
    errorCount += errors;
    ledger.invalid += errors;
    sought.problems.forEach((placeholder, index) => {
      Object.assign(placeholder, repeats.problems[index] ?? lostFirstRowProblem(placeholder.file, placeholder.line));
    });
  }

  function finishResult(): IntakeResult {
    return {
      ledger: { ...ledger },
      tally,
      comparisonTally,
      problems: [...problems],
      errorCount,
      warningCount,
      ignoredColumns: [...ignored],
      files,
      unreadableFiles: [...unreadableFiles],
    };
  }
}


/** Adds a thread's counts, by its cell numbers (whose codes are `cellCodes`, `timeCodes`), to `tally`. */
function addThreadCounts(tally: Tally, cellCodes: readonly number[], timeCodes: readonly number[], cells: Int32Array, times: Int32Array): void {
  for (let cell = 0; cell < cells.length; cell++) {
    const count = cells[cell]!;
    if (count !== 0) tally.addToCell(tally.cell(cellCodes[cell]!), count);
  }
  // The triples come group by group (see ChunkReader.timeTriples): each group is looked up once.
  let group = -1;
  let timeCell = -1;
  for (let at = 0; at < times.length; at += 3) {
    if (times[at] !== group) {
      group = times[at]!;
      timeCell = tally.timeCell(timeCodes[group]!);
    }
    tally.addToTimeCell(timeCell, times[at + 1]!, times[at + 2]!);
  }
}
