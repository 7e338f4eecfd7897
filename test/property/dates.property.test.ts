import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayOf, fromEpochDay, parseLogDate, toEpochDay } from '../../src/core/dates.js';
import { parsePeriod, periodContains, periodIdsOf, previousPeriod, rangePeriod, type Period } from '../../src/core/period.js';

const DAY_MS = 86_400_000;
const FIRST = toEpochDay(1600, 1, 1);
const LAST = toEpochDay(2400, 12, 31);
const epochDay = fc.integer({ min: FIRST, max: LAST });

/** The oracle: JavaScript's Date, which uses the proleptic Gregorian calendar in UTC. */
function isoOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function period(text: string): Period {
  const result = parsePeriod(text);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

describe('epoch days (property)', () => {
  it('fromEpochDay agrees with Date, and toEpochDay inverts it, for every day 1600–2400', () => {
    fc.assert(
      fc.property(epochDay, (day) => {
        const iso = fromEpochDay(day);
        expect(iso).toBe(isoOfEpochDay(day));
        const [year, month, dayOfMonth] = iso.split('-').map(Number) as [number, number, number];
        expect(toEpochDay(year, month, dayOfMonth)).toBe(day);
        expect(epochDayOf(iso)).toBe(day);
        // consecutive days are consecutive ISO strings
        expect(fromEpochDay(day + 1) > iso).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseLogDate (property)', () => {
  it('accepts exactly the valid calendar dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${year}-${pad(month)}-${pad(day)}`;
        const date = new Date(Date.UTC(year, month - 1, day));
        const valid = month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        const result = parseLogDate(text);
        expect(result.ok).toBe(valid);
        if (result.ok) expect(result.day).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('converts a date-time with any valid offset to its UTC day', () => {
    const offsetMinutes = fc.integer({ min: -18 * 60, max: 18 * 60 });
    const instant = fc.integer({ min: FIRST * DAY_MS, max: (LAST + 1) * DAY_MS - 1 });
    fc.assert(
      fc.property(instant, offsetMinutes, fc.boolean(), fc.boolean(), (ms, offset, colon, fraction) => {
        const local = new Date(ms + offset * 60_000).toISOString(); // the wall clock at that offset
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const zone = `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
        const text = `${local.slice(0, 19)}${fraction ? local.slice(19, 23) : ''}${zone}`;
        const result = parseLogDate(text);
        expect(result).toEqual({ ok: true, day: new Date(ms).toISOString().slice(0, 10) });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, and accepts only what looks like an ISO date', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?)?$/)), (text) => {
        const result = parseLogDate(text);
        if (result.ok) {
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}/);
          expect(result.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('periods (property)', () => {
  const day2000s = fc.integer({ min: toEpochDay(1900, 1, 1), max: toEpochDay(2200, 12, 31) }).map(fromEpochDay);

  it('every calendar period of a day contains it, and parses back from its id', () => {
    fc.assert(
      fc.property(day2000s, (day) => {
        for (const id of Object.values(periodIdsOf(day))) {
          const p = period(id);
          expect(p.id).toBe(id);
          expect(periodContains(p, day)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the previous period ends the day before, has the same kind, and tiles the calendar', () => {
    fc.assert(
      fc.property(day2000s, (day) => {
        for (const id of Object.values(periodIdsOf(day))) {
          const current = period(id);
          const before = previousPeriod(current);
          expect(before.kind).toBe(current.kind);
          expect(epochDayOf(before.end)).toBe(epochDayOf(current.start) - 1);
          // the previous period of a calendar period is the calendar period of the day before it
          const dayBefore = fromEpochDay(epochDayOf(current.start) - 1);
          expect(before.id).toBe(periodIdsOf(dayBefore)[current.kind as 'year' | 'half' | 'quarter' | 'month']);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a range parses from its id, and its previous range is as long and ends the day before', () => {
    fc.assert(
      fc.property(day2000s, fc.nat({ max: 800 }), (start, length) => {
        const end = fromEpochDay(epochDayOf(start) + length);
        const current = period(`${start}..${end}`);
        expect(current).toEqual(rangePeriod(start, end));
        const before = previousPeriod(current);
        expect(epochDayOf(before.end) - epochDayOf(before.start)).toBe(length);
        expect(epochDayOf(before.end)).toBe(epochDayOf(start) - 1);
        if (length > 0) expect(parsePeriod(`${end}..${start}`).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
