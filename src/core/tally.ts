// Counts of counted requests by every dimension a report or query groups by. Its size grows with the
// number of distinct combinations (countries × categories × outcomes × months …), never with rows.
//
// A combination is a cell, known by a code: one whole number for its country, requester, category,
// outcome, reason, notice and month (cellCode). The code is the same in every thread, so that the
// counts of several threads join by number; no key is built or split per cell, and the cell's text
// is made only once, by entries(). The intake counts by the cell's index (addToCell).
import { epochDayOf } from './dates.js';
import { PairCounts } from './pair-counts.js';
import {
  CATEGORIES, OUTCOMES, REJECTION_REASONS, REQUESTERS, USER_NOTICES,
  type Category, type Outcome, type RejectionReason, type RequestRecord, type Requester, type UserNotice,
} from './schema.js';

export interface TallyEntry {
  country: string;
  requester: Requester;
  category: Category;
  outcome: Outcome;
  rejectionReason?: RejectionReason;
  userNotified?: UserNotice;
  /**
   * `YYYY-MM` of the received day; for a period tallied without months (IntakeOptions.periodMonths),
   * the period's first month.
   */
  month: string;
  count: number;
}

export interface DecisionTimeEntry {
  country: string;
  requester: Requester;
  category: Category;
  /** Whole days from received to decided. */
  days: number;
  count: number;
}

export interface DecisionHistogram {
  country: string;
  requester: Requester;
  category: Category;
  /** Requests by whole days from received to decided. */
  histogram: Map<number, number>;
}

export interface Tally {
  add(record: RequestRecord): void;
  entries(): TallyEntry[];
  /**
   * Visits every counted cell by numbers rather than text (country as countryNumber, the others as
   * indices into REQUESTERS, CATEGORIES and OUTCOMES, month as monthNumber): for sums that need no
   * entry object per cell.
   */
  forEachCount(visit: (country: number, requester: number, category: number, outcome: number, month: number, count: number) => void): void;
  decisionTimes(): DecisionTimeEntry[];
  /**
   * The decision times as histograms (days → requests), one per country, requester and category
   * (months added up), in no particular order: what the report's sections need, in one pass and a
   * few hundred objects rather than an entry per group, month and days.
   */
  decisionHistograms(): DecisionHistogram[];
  /** The index of a count cell, by its code (see cellCode), created at 0 when new. */
  cell(code: number): number;
  /** The index of a decision-time group, by its code (see timeCode): its counts by days, created empty when new. */
  timeCell(code: number): number;
  addToCell(cell: number, count: number): void;
  addToTimeCell(cell: number, days: number, count: number): void;
}

/** Month numbers (year × 12 + month − 1) below this: years up to 10922. */
const MONTHS = 1 << 17;
const SIZES = [REQUESTERS.length, CATEGORIES.length, OUTCOMES.length, REJECTION_REASONS.length + 1, USER_NOTICES.length + 1] as const;

/** A country code's number: `AA` 0 … `ZZ` 675. */
export function countryNumber(code: string): number {
  const first = code.charCodeAt(0) - 65;
  const second = code.charCodeAt(1) - 65;
  if (code.length !== 2 || !(first >= 0 && first < 26 && second >= 0 && second < 26)) throw new Error(`not an ISO 3166-1 alpha-2 code: ${code}`);
  return first * 26 + second;
}

/** The number of the month of `YYYY-MM…`: year × 12 + month − 1. */
export function monthNumber(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/**
 * The code of a count cell: requester, category and outcome are indices into REQUESTERS, CATEGORIES
 * and OUTCOMES; reason and notice one more than theirs, 0 for none. Below 2^53 (a whole number a
 * double holds exactly).
 */
export function cellCode(
  country: number, requester: number, category: number, outcome: number, reason: number, notice: number, month: number,
): number {
  return (((((country * SIZES[0] + requester) * SIZES[1] + category) * SIZES[2] + outcome) * SIZES[3] + reason) * SIZES[4] + notice) * MONTHS + month;
}

/**
 * The code of a decision-time group: its requests are counted by their days from received to
 * decided. By country, requester and category only: the report gives the period's times, never a
 * month's, so a group of every month of the period is one (fewer groups to count and join).
 */
export function timeCode(country: number, requester: number, category: number): number {
  return (country * SIZES[0] + requester) * SIZES[1] + category;
}

function recordCellCode(record: RequestRecord): number {
  return cellCode(
    countryNumber(record.country), REQUESTERS.indexOf(record.requester), CATEGORIES.indexOf(record.category), OUTCOMES.indexOf(record.outcome),
    record.rejectionReason ? REJECTION_REASONS.indexOf(record.rejectionReason) + 1 : 0,
    record.userNotified ? USER_NOTICES.indexOf(record.userNotified) + 1 : 0,
    monthNumber(record.received),
  );
}

/** The decision-time code of a record and its days from received to decided, or undefined when it was not decided. */
function recordTime(record: RequestRecord): { code: number; days: number } | undefined {
  if (!record.decided) return undefined;
  const days = epochDayOf(record.decided) - epochDayOf(record.received);
  const code = timeCode(countryNumber(record.country), REQUESTERS.indexOf(record.requester), CATEGORIES.indexOf(record.category));
  return { code, days };
}

/**
 * Decodes a cell code (see cellCode) into `into`: month, notice, reason, outcome, category, requester,
 * country. The month is split off first, as a double; what is left is below 2^31, so the other
 * digits come from small-integer arithmetic (the report's tail decodes tens of thousands of codes).
 */
function decodeCell(code: number, into: Int32Array): void {
  const month = code % MONTHS;
  let rest = (code - month) / MONTHS;
  into[0] = month;
  // Written out rather than looped over the radices: this runs once per cell, in code too cold for
  // V8 to have compiled, where every loop step and array read costs.
  const notice = rest % NOTICES;
  rest = (rest - notice) / NOTICES;
  const reason = rest % REASONS;
  rest = (rest - reason) / REASONS;
  const outcome = rest % OUTCOME_COUNT;
  rest = (rest - outcome) / OUTCOME_COUNT;
  const category = rest % CATEGORY_COUNT;
  rest = (rest - category) / CATEGORY_COUNT;
  const requester = rest % REQUESTER_COUNT;
  into[1] = notice;
  into[2] = reason;
  into[3] = outcome;
  into[4] = category;
  into[5] = requester;
  into[6] = (rest - requester) / REQUESTER_COUNT;
}

/** Decodes a decision-time code (see timeCode) into `into`: category, requester, country. */
function decodeTime(code: number, into: Int32Array): void {
  const category = code % SIZES[1];
  const requesters = (code - category) / SIZES[1];
  const requester = requesters % SIZES[0];
  into[0] = category;
  into[1] = requester;
  into[2] = (requesters - requester) / SIZES[0];
}

/** cellCode's radices (see SIZES), as constants of their own for decodeCell. */
const [REQUESTER_COUNT, CATEGORY_COUNT, OUTCOME_COUNT, REASONS, NOTICES] = SIZES;

/** Turns codes back into text, each country and month made once. */
class CodeText {
  private readonly countries = new Map<number, string>();
  private readonly months = new Map<number, string>();

  country(number: number): string {
    let code = this.countries.get(number);
    if (code === undefined) {
      code = String.fromCharCode(65 + Math.floor(number / 26), 65 + (number % 26));
      this.countries.set(number, code);
    }
    return code;
  }

  month(number: number): string {
    let text = this.months.get(number);
    if (text === undefined) {
      const month = (number % 12) + 1;
      text = `${String(Math.floor(number / 12)).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
      this.months.set(number, text);
    }
    return text;
  }
}

/**
 * Creates an empty tally. A class rather than an object of closures: the period's tally and the
 * comparison's then share their methods, so that code counting into either calls one function (V8
 * inlines it), instead of finding a second closure and throwing its optimised code away.
 */
export function createTally(): Tally {
  return new CodeTally();
}

class CodeTally implements Tally {
  private readonly cellIndex = new Map<number, number>();
  private readonly cellCodes: number[] = [];
  private readonly counts: number[] = [];
  private readonly timeIndex = new Map<number, number>();
  private readonly timeCodes: number[] = [];
  /** Requests by decision-time group and days. */
  private readonly timeCounts = new PairCounts();

  add(record: RequestRecord): void {
    this.counts[this.cell(recordCellCode(record))]!++;
    const time = recordTime(record);
    if (time !== undefined) this.timeCounts.add(this.timeCell(time.code), time.days, 1);
  }

  cell(code: number): number {
    let index = this.cellIndex.get(code);
    if (index === undefined) {
      index = this.cellCodes.push(code) - 1;
      this.counts.push(0);
      this.cellIndex.set(code, index);
    }
    return index;
  }

  timeCell(code: number): number {
    let index = this.timeIndex.get(code);
    if (index === undefined) {
      index = this.timeCodes.push(code) - 1;
      this.timeIndex.set(code, index);
    }
    return index;
  }

  addToCell(cell: number, count: number): void {
    this.counts[cell]! += count;
  }

  addToTimeCell(cell: number, days: number, count: number): void {
    this.timeCounts.add(cell, days, count);
  }

  entries(): TallyEntry[] {
    const { cellCodes, counts } = this;
    const text = new CodeText();
    const entries: TallyEntry[] = [];
    const digits = new Int32Array(7);
    for (let index = 0; index < cellCodes.length; index++) {
      const count = counts[index]!;
      if (count === 0) continue; // a cell looked up but never counted
      decodeCell(cellCodes[index]!, digits);
      const entry: TallyEntry = {
        country: text.country(digits[6]!),
        requester: REQUESTERS[digits[5]!]!,
        category: CATEGORIES[digits[4]!]!,
        outcome: OUTCOMES[digits[3]!]!,
        month: text.month(digits[0]!),
        count,
      };
      if (digits[2]) entry.rejectionReason = REJECTION_REASONS[digits[2] - 1]!;
      if (digits[1]) entry.userNotified = USER_NOTICES[digits[1] - 1]!;
      entries.push(entry);
    }
    return entries;
  }

  forEachCount(visit: (country: number, requester: number, category: number, outcome: number, month: number, count: number) => void): void {
    const { cellCodes, counts } = this;
    const digits = new Int32Array(7);
    for (let index = 0; index < cellCodes.length; index++) {
      const count = counts[index]!;
      if (count === 0) continue;
      decodeCell(cellCodes[index]!, digits);
      visit(digits[6]!, digits[5]!, digits[4]!, digits[3]!, digits[0]!, count);
    }
  }

  decisionTimes(): DecisionTimeEntry[] {
    const { timeCodes } = this;
    const text = new CodeText();
    const entries: DecisionTimeEntry[] = [];
    const digits = new Int32Array(3);
    let group = -1;
    let country = '';
    let requester: Requester = REQUESTERS[0];
    let category: Category = CATEGORIES[0];
    this.timeCounts.forEach((index, days, count) => {
      if (index !== group) {
        group = index;
        decodeTime(timeCodes[index]!, digits);
        country = text.country(digits[2]!);
        requester = REQUESTERS[digits[1]!]!;
        category = CATEGORIES[digits[0]!]!;
      }
      entries.push({ country, requester, category, days, count });
    });
    return entries;
  }

  decisionHistograms(): DecisionHistogram[] {
    const { timeCodes } = this;
    const text = new CodeText();
    const digits = new Int32Array(3);
    // One histogram per group, made when its first count comes.
    const histogramOfGroup = new Array<Map<number, number> | undefined>(timeCodes.length);
    const histograms: DecisionHistogram[] = [];
    this.timeCounts.forEachUnordered((index, days, count) => {
      let histogram = histogramOfGroup[index];
      if (histogram === undefined) {
        decodeTime(timeCodes[index]!, digits);
        histogram = histogramOfGroup[index] = new Map();
        histograms.push({ country: text.country(digits[2]!), requester: REQUESTERS[digits[1]!]!, category: CATEGORIES[digits[0]!]!, histogram });
      }
      histogram.set(days, (histogram.get(days) ?? 0) + count);
    });
    return histograms;
  }
}
