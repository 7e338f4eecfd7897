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
  /** `YYYY-MM` of the received day. */
  month: string;
  count: number;
}

export interface DecisionTimeEntry {
  country: string;
  requester: Requester;
  category: Category;
  month: string;
  /** Whole days from received to decided. */
  days: number;
  count: number;
}

export interface Tally {
  add(record: RequestRecord): void;
  entries(): TallyEntry[];
  decisionTimes(): DecisionTimeEntry[];
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

/** The code of a decision-time group: its requests are counted by their days from received to decided. */
export function timeCode(country: number, requester: number, category: number, month: number): number {
  return ((country * SIZES[0] + requester) * SIZES[1] + category) * MONTHS + month;
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
  const code = timeCode(countryNumber(record.country), REQUESTERS.indexOf(record.requester), CATEGORIES.indexOf(record.category), monthNumber(record.received));
  return { code, days };
}

/** cellCode's digits, least significant first (month, notice, reason, outcome, category, requester); the country is what is left. */
const CELL_RADICES = [MONTHS, SIZES[4], SIZES[3], SIZES[2], SIZES[1], SIZES[0]];
/** timeCode's digits (month, category, requester); the country is what is left. */
const TIME_RADICES = [MONTHS, SIZES[1], SIZES[0]];

type Digits<N extends number, T extends number[] = []> = T['length'] extends N ? T : Digits<N, [...T, number]>;

/** The digits of `code` in the mixed radix `radices` (least significant first), then what is left, into `into`. */
function digitsOf(code: number, radices: readonly number[], into: number[]): number[] {
  let rest = code;
  radices.forEach((radix, at) => {
    const digit = rest % radix;
    into[at] = digit;
    rest = (rest - digit) / radix;
  });
  into[radices.length] = rest;
  into.length = radices.length + 1;
  return into;
}

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

export function createTally(): Tally {
  const cellIndex = new Map<number, number>();
  const cellCodes: number[] = [];
  const counts: number[] = [];
  const timeIndex = new Map<number, number>();
  const timeCodes: number[] = [];
  /** Requests by decision-time group and days. */
  const timeCounts = new PairCounts();
  const tally: Tally = {
    add(record) {
      counts[tally.cell(recordCellCode(record))]!++;
      const time = recordTime(record);
      if (time !== undefined) timeCounts.add(tally.timeCell(time.code), time.days, 1);
    },
    cell(code) {
      let index = cellIndex.get(code);
      if (index === undefined) {
        index = cellCodes.push(code) - 1;
        counts.push(0);
        cellIndex.set(code, index);
      }
      return index;
    },
    timeCell(code) {
      let index = timeIndex.get(code);
      if (index === undefined) {
        index = timeCodes.push(code) - 1;
        timeIndex.set(code, index);
      }
      return index;
    },
    addToCell(cell, count) {
      counts[cell]! += count;
    },
    addToTimeCell(cell, days, count) {
      timeCounts.add(cell, days, count);
    },
    entries() {
      const text = new CodeText();
      const entries: TallyEntry[] = [];
      const digits: number[] = [];
      cellCodes.forEach((code, index) => {
        const count = counts[index]!;
        if (count === 0) return; // a cell looked up but never counted
        const [month, notice, reason, outcome, category, requester, country] = digitsOf(code, CELL_RADICES, digits) as Digits<7>;
        const entry: TallyEntry = {
          country: text.country(country),
          requester: REQUESTERS[requester]!,
          category: CATEGORIES[category]!,
          outcome: OUTCOMES[outcome]!,
          month: text.month(month),
          count,
        };
        if (reason) entry.rejectionReason = REJECTION_REASONS[reason - 1]!;
        if (notice) entry.userNotified = USER_NOTICES[notice - 1]!;
        entries.push(entry);
      });
      return entries;
    },
    decisionTimes() {
      const text = new CodeText();
      const entries: DecisionTimeEntry[] = [];
      const digits: number[] = [];
      let group = -1;
      let country = '';
      let requester: Requester = REQUESTERS[0];
      let category: Category = CATEGORIES[0];
      let month = '';
      timeCounts.forEach((index, days, count) => {
        if (index !== group) {
          group = index;
          const [monthNumber, categoryIndex, requesterIndex, countryNumber] = digitsOf(timeCodes[index]!, TIME_RADICES, digits) as Digits<4>;
          country = text.country(countryNumber);
          requester = REQUESTERS[requesterIndex]!;
          category = CATEGORIES[categoryIndex]!;
          month = text.month(monthNumber);
        }
        entries.push({ country, requester, category, month, days, count });
      });
      return entries;
    },
  };
  return tally;
}
