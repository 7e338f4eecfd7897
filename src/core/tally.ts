// Counts of counted requests by every dimension a report or query groups by. Its size grows with the
// number of distinct combinations (countries × categories × outcomes × months …), never with rows.
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
}

const SEPARATOR = '\u0001';

export function createTally(): Tally {
  const counts = new Map<string, number>();
  const times = new Map<string, number>();
  return {
    add(record) {
      const month = record.received.slice(0, 7);
      const key = [
        record.country, record.requester, record.category, record.outcome,
        record.rejectionReason ?? '', record.userNotified ?? '', month,
      ].join(SEPARATOR);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (record.decided) {
        const days = epochDayOf(record.decided) - epochDayOf(record.received);
        const timeKey = [record.country, record.requester, record.category, month, days].join(SEPARATOR);
        times.set(timeKey, (times.get(timeKey) ?? 0) + 1);
      }
    },
    entries() {
      return [...counts].map(([key, count]) => {
        const [country, requester, category, outcome, rejectionReason, userNotified, month] = key.split(SEPARATOR);
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
        return entry;
      });
    },
    decisionTimes() {
      return [...times].map(([key, count]) => {
        const [country, requester, category, month, days] = key.split(SEPARATOR);
        return { country: country!, requester: requester as Requester, category: category as Category, month: month!, days: Number(days), count };
      });
    },
  };
}
