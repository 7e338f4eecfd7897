// Counts of counted requests by every dimension a report or query groups by. Its size grows with the
// number of distinct combinations (countries × categories × outcomes × months …), never with rows.
//
// A combination is a cell: its key is a string (see cellKey), looked up once; after that the intake
// counts by the cell's number (addToCell), without building a key per row.
import { epochDayOf } from './dates.js';
import type { Category, Outcome, RejectionReason, RequestRecord, Requester, UserNotice } from './schema.js';

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
  /** The number of a count cell (see cellKey), created at 0 when new. */
  cell(key: string): number;
  /** The number of a decision-time group (see timeKey): its counts by days, created empty when new. */
  timeCell(key: string): number;
  addToCell(cell: number, count: number): void;
  addToTimeCell(cell: number, days: number, count: number): void;
}

const SEPARATOR = '\u0001';

/** The key of a count cell. */
export function cellKey(
  country: string, requester: string, category: string, outcome: string,
  rejectionReason: string, userNotified: string, month: string,
): string {
  return `${country}${SEPARATOR}${requester}${SEPARATOR}${category}${SEPARATOR}${outcome}${SEPARATOR}${rejectionReason}${SEPARATOR}${userNotified}${SEPARATOR}${month}`;
}

/** The key of a decision-time group: its requests are counted by their days from received to decided. */
export function timeKey(country: string, requester: string, category: string, month: string): string {
  return `${country}${SEPARATOR}${requester}${SEPARATOR}${category}${SEPARATOR}${month}`;
}

export function recordCellKey(record: RequestRecord): string {
  return cellKey(
    record.country, record.requester, record.category, record.outcome,
    record.rejectionReason ?? '', record.userNotified ?? '', record.received.slice(0, 7),
  );
}

/** The decision-time key of a record and its days from received to decided, or undefined when it was not decided. */
export function recordTime(record: RequestRecord): { key: string; days: number } | undefined {
  if (!record.decided) return undefined;
  const days = epochDayOf(record.decided) - epochDayOf(record.received);
  return { key: timeKey(record.country, record.requester, record.category, record.received.slice(0, 7)), days };
}

/** Counts by whole days: an array for the usual small numbers, a map for the rest. */
class DayCounts {
  readonly small: number[] = [];
  large: Map<number, number> | undefined;
  add(days: number, count: number): void {
    if (days >= 0 && days < 1024) {
      while (this.small.length <= days) this.small.push(0);
      this.small[days]! += count;
    } else {
      this.large ??= new Map();
      this.large.set(days, (this.large.get(days) ?? 0) + count);
    }
  }
  entries(): [number, number][] {
    const entries: [number, number][] = [];
    this.small.forEach((count, days) => {
      if (count !== 0) entries.push([days, count]);
    });
    for (const [days, count] of this.large ?? []) if (count !== 0) entries.push([days, count]);
    return entries.sort((a, b) => a[0] - b[0]);
  }
}

export function createTally(): Tally {
  const cellIndex = new Map<string, number>();
  const cellKeys: string[] = [];
  const counts: number[] = [];
  const timeIndex = new Map<string, number>();
  const timeKeys: string[] = [];
  const timeCounts: DayCounts[] = [];
  // The parts of each key (7 a cell, 4 a group), split once when the key is new and shared: the
  // same few countries, months and values are then one string each, in the entries too.
  const cellParts: string[] = [];
  const timeParts: string[] = [];
  /** Where each key's parts start in cellParts / timeParts. */
  const cellPartsAt: number[] = [];
  const timePartsAt: number[] = [];
  const interned = new Map<string, string>();
  const addParts = (parts: string[], key: string) => {
    for (const part of key.split(SEPARATOR)) {
      let shared = interned.get(part);
      if (shared === undefined) {
        shared = part;
        interned.set(part, part);
      }
      parts.push(shared);
    }
  };
  const tally: Tally = {
    add(record) {
      counts[tally.cell(recordCellKey(record))]!++;
      const time = recordTime(record);
      if (time !== undefined) timeCounts[tally.timeCell(time.key)]!.add(time.days, 1);
    },
    cell(key) {
      let index = cellIndex.get(key);
      if (index === undefined) {
        index = cellKeys.push(key) - 1;
        counts.push(0);
        cellIndex.set(key, index);
        cellPartsAt.push(cellParts.length);
        addParts(cellParts, key);
      }
      return index;
    },
    timeCell(key) {
      let index = timeIndex.get(key);
      if (index === undefined) {
        index = timeKeys.push(key) - 1;
        timeCounts.push(new DayCounts());
        timeIndex.set(key, index);
        timePartsAt.push(timeParts.length);
        addParts(timeParts, key);
      }
      return index;
    },
    addToCell(cell, count) {
      counts[cell]! += count;
    },
    addToTimeCell(cell, days, count) {
      timeCounts[cell]!.add(days, count);
    },
    entries() {
      const entries: TallyEntry[] = [];
      cellKeys.forEach((_key, index) => {
        const count = counts[index]!;
        if (count === 0) return; // a cell looked up but never counted
        const [country, requester, category, outcome, rejectionReason, userNotified, month] = cellParts.slice(
          cellPartsAt[index]!, cellPartsAt[index + 1] ?? cellParts.length,
        );
        const entry: TallyEntry = {
          country: country!,
          requester: requester as Requester,
          category: category as Category,
          outcome: outcome as Outcome,
          month: month!,
          count,
        };
        if (rejectionReason) entry.rejectionReason = rejectionReason as RejectionReason;
        if (userNotified) entry.userNotified = userNotified as UserNotice;
        entries.push(entry);
      });
      return entries;
    },
    decisionTimes() {
      const entries: DecisionTimeEntry[] = [];
      timeKeys.forEach((_key, index) => {
        const [country, requester, category, month] = timeParts.slice(timePartsAt[index]!, timePartsAt[index + 1] ?? timeParts.length);
        for (const [days, count] of timeCounts[index]!.entries()) {
          entries.push({ country: country!, requester: requester as Requester, category: category as Category, month: month!, days, count });
        }
      });
      return entries;
    },
  };
  return tally;
}
