// The fast path of validation: a quote-free log line, read in place (no fields array, no record
// object), with every distinct value normalised once and cached. It accepts a row only when the row
// is entirely valid, and then says what validateRow would: the same normalised values, hence the
// same tally cell, content hash and period. Anything else — an empty required cell, an unknown
// value, a date that needs a message, a field count that differs — is left to validateRow, which
// reports it with the exact wording. Both paths end in RowKeys, so a duplicate is found whichever
// path read each copy. test/perf-props/ proves the two paths agree (fast-path, row-bytes).
import type { Classification, Classifier } from './classify.js';
import { resolveCountry } from './country.js';
import { ascii, isSpace } from './ascii.js';
import { toEpochDay } from './dates.js';
import { ByteMap } from './byte-map.js';
import { finish32, HASH_OUT, hashBytes, hashRange, hashString32, mix32 } from './hash.js';
import type { Period } from './period.js';
import {
  CATEGORIES, COLUMNS, OUTCOMES, REJECTION_REASONS, REQUESTERS, USER_NOTICES,
  type Category, type Column, type RequestRecord,
} from './schema.js';
import { IntMap } from './int-map.js';
import { dayNumber, dayOfBytes, dayOfText } from './log-days.js';
import { cellCode, countryNumber, monthNumber, timeCode } from './tally.js';
import type { ColumnIndex } from './validate-row.js';
import { matchCategory, matchOutcome, matchRejectionReason, matchRequester, matchUserNotice, type MatchResult } from './vocabulary.js';

/** What the intake needs of a valid row. Indices are this RowKeys' own; keys() names them. */
export interface RowOutput {
  idLow: number;
  idHigh: number;
  signature: number;
  /** Count cell (an index into cellCodes). */
  cell: number;
  /** Decision-time group, or -1; `days` from received to decided. */
  timeCell: number;
  days: number;
  /** 0 in the period (or no period), 1 outside, 2 outside but in the comparison period. */
  bucket: number;
  /** A policy violation: the prohibited kind's wording, or undefined. */
  prohibited: string | undefined;
}

const USER_REQUESTER = REQUESTERS.indexOf('user');
const APPROVED = OUTCOMES.indexOf('approved');
const REJECTED = OUTCOMES.indexOf('rejected');
const USER_CATEGORY = CATEGORIES.map((category) => category.startsWith('data-'));
const CACHE_LIMIT = 20_000;
/** An enumerated cell of spaces only (see RowKeys.enumBytes). */
const BLANK = -2;
/** The columns readSplit trims (by their place in COLUMNS): id, received, decided. */
const TRIMMED = [0, 1, 8];
/** The combinations of a row's outcome, reason and notice (see finish's `values`). */
const OUTCOME_VALUES = OUTCOMES.length * (REJECTION_REASONS.length + 1) * (USER_NOTICES.length + 1);
/** How many numbers the small values of a row make together (see finish). */
const VALUE_COMBINATIONS = REQUESTERS.length * CATEGORIES.length * OUTCOME_VALUES;

const PROHIBITED_WORDING = {
  'encryption-keys': 'asks for encryption keys',
  'undeclared-capabilities': 'asks for undeclared capabilities (a backdoor)',
  'direct-access': 'asks for direct access to user data or infrastructure',
} as const;
/** The wordings, for passing one between threads by its index. */
export const PROHIBITED_WORDINGS: readonly string[] = Object.values(PROHIBITED_WORDING);

/** An enumerated column's values, folded and matched once each. */
class EnumCache {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly match: (text: string) => MatchResult<string>,
    private readonly values: readonly string[],
  ) {}
  /** The value's index, or -1 when it is not one. */
  get(text: string): number {
    let index = this.cache.get(text);
    if (index === undefined) {
      const result = this.match(text);
      index = result.ok ? this.values.indexOf(result.value) : -1;
      if (this.cache.size < CACHE_LIMIT) this.cache.set(text, index);
    }
    return index;
  }
}

interface RequestTypeInfo {
  text: string;
  hash: number;
  authority: Classification | undefined;
  user: Classification | undefined;
  /** For an authority's row with a category: the wording of what the principles forbid, '' for nothing; undefined until asked. */
  prohibited: string | undefined;
}

export interface RowKeysOptions {
  classifier: Classifier;
  today?: string;
  period?: Period;
  comparePeriod?: Period;
  /** Whether the period's cells are kept by month (see IntakeOptions.periodMonths). Default true. */
  periodMonths?: boolean;
  /** Whether the comparison period's cells are kept by outcome (see IntakeOptions.comparisonOutcomes). Default true. */
  comparisonOutcomes?: boolean;
}

/**
 * A record of the row scanner (io/row-scan.wat), SCAN_WORDS words: 0 where the line's '\n' is, 1 its
 * kind, 2-3 its id's hash (as hashBytes gives it), and 3 + c the dictionary entry of column c's cell
 * (c = 1-9, COLUMNS order; see RowKeys.meaningOf) — or, for a date YYYY-MM-DD that is valid, its day
 * YYYYMMDD with SCAN_DAY set.
 */
export const SCAN_WORDS = 13;
export const SCAN_DAY = 0x40000000;
/**
 * A record's kind, two bits. Without SCAN_UNREAD the scanner read the row (commas only, or simple
 * quoted fields; the header's number of fields; a non-blank id; every cell in the dictionary) and
 * readScanned reads it; with it, readBytes does.
 */
export const SCAN_UNREAD = 1;
/** The kind's bit for a line that holds a quote. */
export const SCAN_QUOTED = 2;

/** A line the row scanner read: its record is `records[at, at + SCAN_WORDS)` (see RowKeys.readScanned). */
export interface ScannedLine {
  records: Int32Array;
  at: number;
  meanings: Int32Array;
}

/** What a row scanner needs of the RowKeys it scans for (see io/row-scan.ts). */
export interface ScanKeys {
  readonly today: number;
  fieldLayout(): { at: Int32Array; width: number };
  meaningOf(column: number, bytes: Uint8Array, start: number, end: number): number;
}

/** The seven numbers of a row's keys, in one order, into `target` from `at` (intake batches, worker replies). */
export const ROW_KEY_WORDS = 7;
export function copyRowKeys(out: RowOutput, target: Int32Array, at: number): void {
  target[at] = out.idLow;
  target[at + 1] = out.idHigh;
  target[at + 2] = out.signature;
  target[at + 3] = out.cell;
  target[at + 4] = out.timeCell;
  target[at + 5] = out.days;
  target[at + 6] = out.bucket;
}

export class RowKeys {
  readonly out: RowOutput = { idLow: 0, idHigh: 0, signature: 0, cell: -1, timeCell: -1, days: 0, bucket: 0, prohibited: undefined };
  /** The codes of the cells and decision-time groups found so far (see tally.cellCode, timeCode), by their index here. */
  readonly cellCodes: number[] = [];
  readonly timeCodes: number[] = [];
  /** Cell and group indices by a number quicker to find than a code (see finish()). */
  private readonly localCells = new IntMap();
  /** Decision-time groups by country (the first 256 seen), requester and category; -1 for none yet. */
  private readonly localTimeCells = new Int32Array(256 * 4 * 5).fill(-1);
  /** The same for the rest: a country or month beyond the first 256 or 1024 seen. */
  private readonly otherCells = new Map<number, number>();
  private readonly otherTimeCells = new Map<number, number>();
  private readonly monthSlots = new Map<number, number>();
  private readonly countryCodes: string[] = [];
  /** Each country's number (see tally.countryNumber). */
  private readonly countryNumbers: number[] = [];
  private readonly countryHashes: number[] = [];
  private readonly countryIndex = new Map<string, number>();
  private readonly countries = new Map<string, number>();
  private readonly requesters = new EnumCache(matchRequester, REQUESTERS);
  private readonly categories = new EnumCache(matchCategory, CATEGORIES);
  private readonly outcomes = new EnumCache(matchOutcome, OUTCOMES);
  private readonly reasons = new EnumCache(matchRejectionReason, REJECTION_REASONS);
  private readonly notices = new EnumCache(matchUserNotice, USER_NOTICES);
  private readonly requestTypes = new Map<string, RequestTypeInfo>();
  // The same caches, keyed by bytes (for ASCII lines read straight from the file).
  private readonly countryBytes = new ByteMap<number>();
  private readonly requesterBytes = new ByteMap<number>();
  private readonly categoryBytes = new ByteMap<number>();
  private readonly outcomeBytes = new ByteMap<number>();
  private readonly reasonBytes = new ByteMap<number>();
  private readonly noticeBytes = new ByteMap<number>();
  private readonly requestTypeBytes = new ByteMap<RequestTypeInfo | null>();
  private readonly classifier: Classifier;
  private width = 0;
  /** Field index of each column in COLUMNS order, -1 when absent. */
  private at = new Int32Array(COLUMNS.length).fill(-1);
  private readonly starts = new Int32Array(257);
  private readonly ends = new Int32Array(257);
  /** Today as YYYYMMDD: a later date is no log date. */
  readonly today: number;
  private readonly periodStart: number;
  private readonly periodEnd: number;
  private readonly compareStart: number;
  private readonly compareEnd: number;
  /** The month number (see tally.monthNumber) of every cell of the period, or -1 to count by months. */
  private readonly periodMonth: number;
  private readonly comparisonOutcomes: boolean;

  constructor(options: RowKeysOptions) {
    this.classifier = options.classifier;
    this.today = options.today ? dayNumber(options.today) : 99999999;
    this.periodStart = options.period ? dayNumber(options.period.start) : 0;
    this.periodEnd = options.period ? dayNumber(options.period.end) : 99999999;
    this.compareStart = options.comparePeriod ? dayNumber(options.comparePeriod.start) : 1;
    this.compareEnd = options.comparePeriod ? dayNumber(options.comparePeriod.end) : 0;
    this.periodMonth = options.period && options.periodMonths === false ? monthNumber(options.period.start) : -1;
    this.comparisonOutcomes = options.comparisonOutcomes !== false;
  }

  /** The columns of the file being read (its header's). */
  layout(columns: ColumnIndex, width: number): void {
    this.width = width;
    this.at = Int32Array.from(COLUMNS, (column: Column) => columns[column] ?? -1);
  }

  private countryOf(code: string): number {
    let index = this.countryIndex.get(code);
    if (index === undefined) {
      index = this.countryCodes.push(code) - 1;
      this.countryHashes.push(hashString32(code));
      this.countryNumbers.push(countryNumber(code));
      this.countryIndex.set(code, index);
    }
    return index;
  }

  private requestType(text: string): RequestTypeInfo {
    let info = this.requestTypes.get(text);
    if (info === undefined) {
      info = { text, hash: hashString32(text), authority: undefined, user: undefined, prohibited: undefined };
      if (this.requestTypes.size < CACHE_LIMIT) this.requestTypes.set(text, info);
    }
    return info;
  }

  /**
   * Sets `out` from the parts of a valid row, the id's hash being in HASH_OUT. Days are YYYYMMDD numbers; indices are positions in
   * the schema's lists (optional ones 1-based, 0 for none).
   */
  private finish(
    received: number, country: number, requester: number, category: number,
    outcome: number, reason: number, decided: number, notice: number, info: RequestTypeInfo | undefined, prohibited: string | undefined,
  ): void {
    // The id's hash is read from HASH_OUT, and the request type's from `info`, rather than passed:
    // a 32-bit value passed to a call that is not inlined is boxed (a heap number a row).
    const out = this.out;
    out.idLow = HASH_OUT[0]!;
    out.idHigh = HASH_OUT[1]!;
    const requestTypeHash = info === undefined ? EMPTY_HASH : info.hash;
    // The small values as one number (each below its list's length, so no two rows share one): five
    // mixing steps a row instead of nine, and with the country, the cell's number below.
    const values = (((requester * CATEGORIES.length + category) * OUTCOMES.length + outcome) * (REJECTION_REASONS.length + 1) + reason) *
      (USER_NOTICES.length + 1) + notice;
    let h = mix32(0x5bd1e995, received);
    h = mix32(h, this.countryHashes[country]!);
    h = mix32(h, values);
    h = mix32(h, decided);
    h = mix32(h, requestTypeHash);
    out.signature = finish32(h);
    const bucket = received >= this.periodStart && received <= this.periodEnd ? 0 : received >= this.compareStart && received <= this.compareEnd ? 2 : 1;
    out.bucket = bucket;
    out.prohibited = prohibited;
    if (bucket === 1) {
      // Outside the period: counted as such, never tallied.
      out.cell = -1;
      out.timeCell = -1;
      return;
    }
    const year = Math.floor(received / 10000);
    const month = Math.floor(received / 100) % 100;
    // The period's rows all in its first month when no report needs its months (IntakeOptions.periodMonths).
    const monthIndex = bucket === 0 && this.periodMonth >= 0 ? this.periodMonth : year * 12 + month - 1;
    // A number for the cell, to find it here: a small integer (quicker to look up than its code, which
    // is above 2^31) when the country and month are among the first 256 and 1024 seen.
    let monthSlot = this.monthSlots.get(monthIndex);
    if (monthSlot === undefined) {
      monthSlot = this.monthSlots.size;
      this.monthSlots.set(monthIndex, monthSlot);
    }
    const small = country < 256 && monthSlot < 1024;
    // The comparison's rows without outcome, reason and notice when no report asks for them
    // (IntakeOptions.comparisonOutcomes): its cells' values are then the requester's and category's.
    const cellValues = bucket === 2 && !this.comparisonOutcomes ? (requester * CATEGORIES.length + category) * OUTCOME_VALUES : values;
    const combo = country * VALUE_COMBINATIONS + cellValues;
    let cell = small ? this.localCells.get(combo * 1024 + monthSlot) : (this.otherCells.get(monthIndex * 2_000_000 + combo) ?? -1);
    if (cell < 0) {
      const lean = cellValues !== values;
      cell = this.cellCodes.push(cellCode(this.countryNumbers[country]!, requester, category, lean ? 0 : outcome, lean ? 0 : reason, lean ? 0 : notice, monthIndex)) - 1;
      if (small) this.localCells.add(combo * 1024 + monthSlot, cell);
      else this.otherCells.set(monthIndex * 2_000_000 + combo, cell);
    }
    out.cell = cell;
    // Decision times are reported for the period only: the comparison with the period before (bucket
    // 2) counts requests, so its rows' times are not grouped, counted or joined across threads.
    if (decided && bucket === 0) {
      const days =
        toEpochDay(Math.floor(decided / 10000), Math.floor(decided / 100) % 100, decided % 100) -
        toEpochDay(year, month, received % 100);
      const group = (country * 4 + requester) * 5 + category;
      // By country, requester and category, whatever the month: the report's times are the period's.
      const near = country < 256;
      let timeCell = near ? this.localTimeCells[group]! : (this.otherTimeCells.get(group) ?? -1);
      if (timeCell < 0) {
        timeCell = this.timeCodes.push(timeCode(this.countryNumbers[country]!, requester, category)) - 1;
        if (near) this.localTimeCells[group] = timeCell;
        else this.otherTimeCells.set(group, timeCell);
      }
      out.days = days;
      out.timeCell = timeCell;
    } else {
      out.timeCell = -1;
    }
  }

  /** Sets `out` from a record validateRow accepted; `prohibited` from its findings. */
  fromRecord(record: RequestRecord, prohibited: string | undefined): void {
    const reason = record.rejectionReason ? REJECTION_REASONS.indexOf(record.rejectionReason) + 1 : 0;
    const notice = record.userNotified ? USER_NOTICES.indexOf(record.userNotified) + 1 : 0;
    const country = this.countryOf(record.country);
    const info = this.requestType(record.requestType);
    hashRange(record.id, 0, record.id.length); // last: the calls above hash too
    this.finish(
      dayNumber(record.received), country, REQUESTERS.indexOf(record.requester),
      CATEGORIES.indexOf(record.category), OUTCOMES.indexOf(record.outcome), reason,
      record.decided ? dayNumber(record.decided) : 0, notice, info, prohibited,
    );
  }

  /** The trimmed cells of the row being read, in COLUMNS order ('' when absent). */
  private readonly cells: string[] = COLUMNS.map(() => '');

  /**
   * Reads the line `text[start, end)` (no quote, no U+FFFD, no line end). True when the row is valid
   * and `out` is set; false when validateRow must read it (the row has a problem, or is unusual).
   */
  read(text: string, start: number, end: number): boolean {
    const starts = this.starts;
    const ends = this.ends;
    let count = 0;
    let position = start;
    for (;;) {
      if (count === 256) return false;
      starts[count] = position;
      const comma = text.indexOf(',', position);
      if (comma === -1 || comma >= end) {
        ends[count++] = end;
        break;
      }
      ends[count++] = comma;
      position = comma + 1;
    }
    if (count !== this.width) return false;
    const at = this.at;
    const cells = this.cells;
    for (let column = 0; column < 10; column++) {
      const index = at[column]!;
      cells[column] = index < 0 ? '' : text.slice(starts[index]!, ends[index]!).trim();
    }
    return this.readCells();
  }

  /** read() for a record already split into fields (of the header's number, or more). */
  readFields(fields: readonly string[]): boolean {
    const at = this.at;
    const cells = this.cells;
    for (let column = 0; column < 10; column++) {
      const index = at[column]!;
      const cell = index < 0 ? '' : (fields[index] ?? '').trim();
      if (cell.includes('\uFFFD')) return false;
      cells[column] = cell;
    }
    return this.readCells();
  }

  /** Validates the cells (see read()). */
  private readCells(): boolean {
    // COLUMNS: id, received, country, requester, category, request_type, outcome, rejection_reason, decided, user_notified
    const [id, receivedText, countryText, requesterText, categoryText, requestType, outcomeText, reasonText, decidedText, noticeText] = this.cells as [
      string, string, string, string, string, string, string, string, string, string,
    ];
    if (id === '') return false;
    const received = dayOfText(receivedText, 0, receivedText.length, this.today);
    if (received <= 0) return false;
    const country = this.country(countryText);
    if (country < 0) return false;
    let requester = 0; // law-enforcement
    if (requesterText !== '') {
      requester = this.requesters.get(requesterText);
      if (requester < 0) return false;
    }
    if (outcomeText === '') return false;
    const outcome = this.outcomes.get(outcomeText);
    if (outcome < 0) return false;
    let reason = 0;
    if (reasonText !== '') {
      reason = this.reasons.get(reasonText) + 1;
      if (reason <= 0 || outcome !== REJECTED) return false;
    }
    let decided = 0;
    if (decidedText !== '') {
      decided = dayOfText(decidedText, 0, decidedText.length, this.today);
      if (decided <= 0 || decided < received) return false;
    }
    let notice = 0;
    if (noticeText !== '') {
      notice = this.notices.get(noticeText) + 1;
      if (notice <= 0) return false;
    }
    const user = requester === USER_REQUESTER;
    const info = requestType === '' ? undefined : this.requestType(requestType);
    let category: number;
    let classification: Classification | undefined;
    if (categoryText !== '') {
      category = this.categories.get(categoryText);
      if (category < 0 || USER_CATEGORY[category] !== user) return false;
    } else {
      if (info === undefined) return false;
      classification = this.classification(info, user);
      const classified: Category | undefined = classification.category;
      if (classified === undefined) return false;
      category = CATEGORIES.indexOf(classified);
    }
    const prohibited = outcome === APPROVED && !user && info !== undefined ? this.prohibitedWording(info, classification) : undefined;
    hashRange(id, 0, id.length);
    this.finish(received, country, requester, category, outcome, reason, decided, notice, info, prohibited);
    return true;
  }

  private country(text: string): number {
    let country = this.countries.get(text);
    if (country === undefined) {
      const result = resolveCountry(text);
      country = result.ok ? this.countryOf(result.country.code) : -1;
      if (this.countries.size < CACHE_LIMIT) this.countries.set(text, country);
    }
    return country;
  }

  /** The request type's category and prohibition, for a row that leaves the category to the rules. */
  private classification(info: RequestTypeInfo, user: boolean): Classification {
    let classification = user ? info.user : info.authority;
    if (classification === undefined) {
      classification = this.classifier.classify(info.text, user ? 'user' : 'authority');
      if (user) info.user = classification;
      else info.authority = classification;
    }
    return classification;
  }

  /**
   * What an approved authority's request asks that the principles forbid, or undefined: from its
   * classification when the rules gave the category, else from the prohibited rules alone.
   */
  private prohibitedWording(info: RequestTypeInfo, classification: Classification | undefined): string | undefined {
    if (classification !== undefined) return classification.prohibited && PROHIBITED_WORDING[classification.prohibited.kind];
    if (info.prohibited === undefined) {
      const kind = this.classifier.prohibition(info.text)?.kind;
      info.prohibited = kind === undefined ? '' : PROHIBITED_WORDING[kind];
    }
    return info.prohibited === '' ? undefined : info.prohibited;
  }

  /**
   * An enumerated cell's index from the bytes cache, else from the text cache; -1 when it is not
   * one, BLANK when it holds only spaces (no value, as an empty cell). The bytes cache is keyed by
   * the cell as it stands (a row's cells are not trimmed), the text cache by the trimmed text.
   */
  private static enumBytes(map: ByteMap<number>, cache: EnumCache, bytes: Uint8Array, words: Int32Array, base: number, start: number, end: number): number {
    let index = map.getAligned(bytes, words, base, start, end);
    if (index === undefined) {
      const text = ascii(bytes, start, end).trim();
      index = text === '' ? BLANK : cache.get(text);
      map.setMissed(bytes, start, end, index);
    }
    return index;
  }

  /**
   * read() for a line of ASCII bytes `bytes[start, end)` (no line end); `quoted` when it holds a
   * quote. False also when the line holds a byte above 127, or quotes that are not simple (see
   * splitQuoted): it is then read as text.
   */
  readBytes(bytes: Uint8Array, start: number, end: number, quoted = false): boolean {
    if (bytes !== this.wordSource) this.useBytes(bytes);
    if (quoted) return this.splitQuoted(bytes, start, end) === this.width && this.readSplit(bytes);
    const starts = this.starts;
    const ends = this.ends;
    let count = 0;
    let fieldStart = start;
    let any = 0;
    // Commas are found four bytes at a time, in the 32-bit words of the bytes' buffer: a word without
    // a comma (x = word ^ ',,,,' has no zero byte) is passed over at once; in one with, each flag is a
    // comma. (The exact test: the shorter (x - 0x01010101) & ~x flags a '-' after a comma too.)
    const words = this.words;
    const base = this.wordBase;
    let i = start;
    const aligned = Math.min(end, start + ((4 - ((base + start) & 3)) & 3));
    for (; i < aligned; i++) {
      const c = bytes[i]!;
      any |= c;
      if (c === 44) {
        if (count === 255) return false;
        starts[count] = fieldStart;
        ends[count++] = i;
        fieldStart = i + 1;
      }
    }
    let anyWord = 0;
    for (let word = (base + i) >> 2; i + 4 <= end; i += 4, word++) {
      const w = words[word]!;
      anyWord |= w;
      const x = w ^ 0x2c2c2c2c;
      let z = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
      while (z !== 0) {
        const at = i + ((31 - Math.clz32(z & -z)) >> 3);
        if (count === 255) return false;
        starts[count] = fieldStart;
        ends[count++] = at;
        fieldStart = at + 1;
        z &= z - 1;
      }
    }
    for (; i < end; i++) {
      const c = bytes[i]!;
      any |= c;
      if (c === 44) {
        if (count === 255) return false;
        starts[count] = fieldStart;
        ends[count++] = i;
        fieldStart = i + 1;
      }
    }
    if (any > 127 || (anyWord & 0x80808080) !== 0) return false; // not ASCII: read as text
    starts[count] = fieldStart;
    ends[count++] = end;
    if (count !== this.width) return false;
    return this.readSplit(bytes);
  }

  /** The field of each column (COLUMNS order, -1 when absent; a new array for each layout) and how many fields a row has. */
  fieldLayout(): { at: Int32Array; width: number } {
    return { at: this.at, width: this.width };
  }

  /**
   * What the cell `bytes[start, end)` of column `column` (its place in COLUMNS) means, for
   * readScanned: for the dates, the day (0 for a blank cell, -1 for one that is no date); for the
   * country, its index here or -1; for the request type, its number in scannedTypes or -1 for none;
   * for the enumerated columns, as enumBytes says. Found once per distinct cell (see io/row-scan.ts).
   */
  meaningOf(column: number, bytes: Uint8Array, start: number, end: number): number {
    // Trimmed as readSplit trims (these bytes are ASCII: String.prototype.trim's spaces are these).
    let s = start;
    let e = end;
    while (s < e && isSpace(bytes[s]!)) s++;
    while (e > s && isSpace(bytes[e - 1]!)) e--;
    if (column === 1 || column === 8) {
      if (s === e) return 0;
      const day = dayOfBytes(bytes, s, e, this.today);
      return day > 0 ? day : -1;
    }
    const text = ascii(bytes, s, e);
    switch (column) {
      case 2:
        return this.country(text);
      case 5:
        return text === '' ? -1 : this.scannedTypes.push(this.requestType(text)) - 1;
      case 3:
        return text === '' ? BLANK : this.requesters.get(text);
      case 4:
        return text === '' ? BLANK : this.categories.get(text);
      case 6:
        return text === '' ? BLANK : this.outcomes.get(text);
      case 7:
        return text === '' ? BLANK : this.reasons.get(text);
      case 9:
        return text === '' ? BLANK : this.notices.get(text);
      default:
        return 0;
    }
  }

  /** The rules' classification of the row categoryOf last read, when the rules gave its category. */
  private ruled: Classification | undefined;

  /**
   * The category of a row (by its user or authority requester and request type) from its category
   * cell's index — BLANK for none, when the rules give it — or -1 when the row is not valid so.
   */
  private categoryOf(category: number, user: boolean, info: RequestTypeInfo | undefined): number {
    this.ruled = undefined;
    if (category >= 0) return USER_CATEGORY[category] === user ? category : -1;
    if (category !== BLANK || info === undefined) return -1;
    const classification = (user ? info.user : info.authority) ?? this.classification(info, user);
    const classified: Category | undefined = classification.category;
    if (classified === undefined) return -1;
    this.ruled = classification;
    return CATEGORIES.indexOf(classified);
  }

  /** The request types of scanned rows, by the number meaningOf gave them. */
  private readonly scannedTypes: RequestTypeInfo[] = [];

  /**
   * Reads a row from its scanner record `records[at, at + SCAN_WORDS)` that the scanner read,
   * the cells' entries meaning what `meanings` says (see meaningOf); as readSplit would.
   */
  readScanned(records: Int32Array, at: number, meanings: Int32Array): boolean {
    // Word 3 + c is column c's (COLUMNS order): 4 received, 5 country, 6 requester, 7 category,
    // 8 request_type, 9 outcome, 10 rejection_reason, 11 decided, 12 user_notified.
    const receivedWord = records[at + 4]!;
    const received = receivedWord & SCAN_DAY ? receivedWord ^ SCAN_DAY : meanings[receivedWord]!;
    if (received <= 0) return false;
    const country = meanings[records[at + 5]!]!;
    if (country < 0) return false;
    let requester = meanings[records[at + 6]!]!;
    if (requester < 0) {
      if (requester !== BLANK) return false;
      requester = 0; // law-enforcement
    }
    const outcome = meanings[records[at + 9]!]!;
    if (outcome < 0) return false;
    let reason = meanings[records[at + 10]!]!;
    if (reason >= 0 && outcome === REJECTED) reason++;
    else if (reason === BLANK) reason = 0;
    else return false;
    const decidedWord = records[at + 11]!;
    const decided = decidedWord & SCAN_DAY ? decidedWord ^ SCAN_DAY : meanings[decidedWord]!;
    if (decided < 0 || (decided > 0 && decided < received)) return false;
    let notice = meanings[records[at + 12]!]!;
    if (notice >= 0) notice++;
    else if (notice === BLANK) notice = 0;
    else return false;
    const user = requester === USER_REQUESTER;
    const type = meanings[records[at + 8]!]!;
    const info = type < 0 ? undefined : this.scannedTypes[type];
    const category = this.categoryOf(meanings[records[at + 7]!]!, user, info);
    if (category < 0) return false;
    const prohibited = outcome === APPROVED && !user && info !== undefined ? this.prohibitedWording(info, this.ruled) : undefined;
    HASH_OUT[0] = records[at + 2]!;
    HASH_OUT[1] = records[at + 3]!;
    this.finish(received, country, requester, category, outcome, reason, decided, notice, info, prohibited);
    return true;
  }

  /**
   * Splits a line of ASCII bytes `bytes[start, end)` with quoted fields into this.starts/ends (the
   * fields' text, without their quotes): its number of fields, or -1 when it is not that simple —
   * a quote inside a field or doubled, a field that goes on past the line, a byte outside printable
   * ASCII — and must be read as text. The fields are those csv-parse would give.
   */
  private splitQuoted(bytes: Uint8Array, start: number, end: number): number {
    const starts = this.starts;
    const ends = this.ends;
    let count = 0;
    let i = start;
    for (;;) {
      if (count === 256) return -1;
      if (i < end && bytes[i] === 34) {
        let j = i + 1;
        for (; j < end; j++) {
          const c = bytes[j]!;
          if (c === 34) break;
          if (c < 32 || c > 126) return -1;
        }
        if (j === end) return -1; // no closing quote on this line
        starts[count] = i + 1;
        ends[count++] = j;
        i = j + 1;
        if (i === end) return count;
        if (bytes[i] !== 44) return -1; // a doubled quote, or text after the closing one
        i++;
      } else {
        let j = i;
        for (; j < end; j++) {
          const c = bytes[j]!;
          if (c === 44) break;
          if (c === 34 || c < 32 || c > 126) return -1;
        }
        starts[count] = i;
        ends[count++] = j;
        if (j === end) return count;
        i = j + 1;
      }
    }
  }

  /** Reads the row whose `this.width` fields are at this.starts/ends in `bytes` (see readBytes). */
  private readSplit(bytes: Uint8Array): boolean {
    const starts = this.starts;
    const ends = this.ends;
    const words = this.words;
    const base = this.wordBase;
    const at = this.at;
    // Only the id and the dates are trimmed here: the enumerated cells are looked up as they stand,
    // their caches keyed by the cell with its spaces (see enumBytes).
    for (let k = 0; k < TRIMMED.length; k++) {
      const index = at[TRIMMED[k]!]!;
      if (index < 0) continue;
      let s = starts[index]!;
      let e = ends[index]!;
      // Nearly every cell starts and ends with a byte above the space: one test each, then.
      if (s < e && bytes[s]! <= 32) {
        while (s < e && (bytes[s] === 32 || (bytes[s]! >= 9 && bytes[s]! <= 13))) s++;
        starts[index] = s;
      }
      if (e > s && bytes[e - 1]! <= 32) {
        while (e > s && (bytes[e - 1] === 32 || (bytes[e - 1]! >= 9 && bytes[e - 1]! <= 13))) e--;
        ends[index] = e;
      }
    }
    const idAt = at[0]!;
    if (ends[idAt]! === starts[idAt]!) return false;
    const received = dayOfBytes(bytes, starts[at[1]!]!, ends[at[1]!]!, this.today);
    if (received <= 0) return false;
    const countryAt = at[2]!;
    let country = this.countryBytes.getAligned(bytes, words, base, starts[countryAt]!, ends[countryAt]!);
    if (country === undefined) {
      country = this.country(ascii(bytes, starts[countryAt]!, ends[countryAt]!).trim());
      this.countryBytes.setMissed(bytes, starts[countryAt]!, ends[countryAt]!, country);
    }
    if (country < 0) return false;
    let requester = 0; // law-enforcement
    const requesterAt = at[3]!;
    if (requesterAt >= 0 && ends[requesterAt]! > starts[requesterAt]!) {
      const found = RowKeys.enumBytes(this.requesterBytes, this.requesters, bytes, words, base, starts[requesterAt]!, ends[requesterAt]!);
      if (found >= 0) requester = found;
      else if (found !== BLANK) return false;
    }
    const outcomeAt = at[6]!;
    if (ends[outcomeAt]! === starts[outcomeAt]!) return false;
    const outcome = RowKeys.enumBytes(this.outcomeBytes, this.outcomes, bytes, words, base, starts[outcomeAt]!, ends[outcomeAt]!);
    if (outcome < 0) return false;
    let reason = 0;
    const reasonAt = at[7]!;
    if (reasonAt >= 0 && ends[reasonAt]! > starts[reasonAt]!) {
      const found = RowKeys.enumBytes(this.reasonBytes, this.reasons, bytes, words, base, starts[reasonAt]!, ends[reasonAt]!);
      if (found >= 0 && outcome === REJECTED) reason = found + 1;
      else if (found !== BLANK) return false;
    }
    let decided = 0;
    const decidedAt = at[8]!;
    if (decidedAt >= 0 && ends[decidedAt]! > starts[decidedAt]!) {
      decided = dayOfBytes(bytes, starts[decidedAt]!, ends[decidedAt]!, this.today);
      if (decided <= 0 || decided < received) return false;
    }
    let notice = 0;
    const noticeAt = at[9]!;
    if (noticeAt >= 0 && ends[noticeAt]! > starts[noticeAt]!) {
      const found = RowKeys.enumBytes(this.noticeBytes, this.notices, bytes, words, base, starts[noticeAt]!, ends[noticeAt]!);
      if (found >= 0) notice = found + 1;
      else if (found !== BLANK) return false;
    }
    const user = requester === USER_REQUESTER;
    const typeAt = at[5]!;
    let info: RequestTypeInfo | undefined;
    if (typeAt >= 0 && ends[typeAt]! > starts[typeAt]!) {
      let found = this.requestTypeBytes.getAligned(bytes, words, base, starts[typeAt]!, ends[typeAt]!);
      if (found === undefined) {
        const text = ascii(bytes, starts[typeAt]!, ends[typeAt]!).trim();
        found = text === '' ? null : this.requestType(text); // null: a blank cell, no request type
        this.requestTypeBytes.setMissed(bytes, starts[typeAt]!, ends[typeAt]!, found);
      }
      if (found !== null) info = found;
    }
    let category = BLANK;
    const categoryAt = at[4]!;
    if (categoryAt >= 0 && ends[categoryAt]! > starts[categoryAt]!) {
      category = RowKeys.enumBytes(this.categoryBytes, this.categories, bytes, words, base, starts[categoryAt]!, ends[categoryAt]!);
      if (category === -1) return false;
    }
    category = this.categoryOf(category, user, info);
    if (category < 0) return false;
    const prohibited = outcome === APPROVED && !user && info !== undefined ? this.prohibitedWording(info, this.ruled) : undefined;
    hashBytes(bytes, starts[idAt]!, ends[idAt]!);
    this.finish(received, country, requester, category, outcome, reason, decided, notice, info, prohibited);
    return true;
  }

  /** The bytes readBytes reads, and the 32-bit words of their whole buffer (from its start). */
  private wordSource: Uint8Array | undefined;
  private words: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Where `wordSource` starts in its buffer. */
  private wordBase = 0;

  /**
   * Sets readBytes up for lines in `bytes`: call it before the lines of each new array. (readBytes
   * does so itself when it meets another array, but a branch first taken after V8 has optimised
   * readBytes throws the optimised code away: ~50 ms of compiling again, per thread.)
   */
  useBytes(bytes: Uint8Array): void {
    const buffer = bytes.buffer;
    this.wordSource = bytes;
    this.wordBase = bytes.byteOffset;
    if (this.words.buffer !== buffer) this.words = new Int32Array(buffer, 0, buffer.byteLength >> 2);
  }
}

const EMPTY_HASH = hashString32('');

