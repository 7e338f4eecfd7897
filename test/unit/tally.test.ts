import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES, OUTCOMES, REJECTION_REASONS, REQUESTERS, USER_NOTICES, type RequestRecord,
} from '../../src/core/schema.js';
import { cellCode, countryNumber, createTally, monthNumber, timeCode } from '../../src/core/tally.js';

function record(overrides: Partial<RequestRecord>): RequestRecord {
  return {
    id: 'X',
    received: '2021-03-04',
    country: 'RU',
    requester: 'law-enforcement',
    category: 'technical-expertise',
    requestType: '',
    outcome: 'approved',
    ...overrides,
  };
}

describe('createTally', () => {
  it('is empty at first', () => {
    const tally = createTally();
    expect(tally.entries()).toEqual([]);
    expect(tally.decisionTimes()).toEqual([]);
  });

  it('counts records by country, requester, category, outcome, reason, notice and month', () => {
    const tally = createTally();
    tally.add(record({ id: '1' }));
    tally.add(record({ id: '2', received: '2021-03-31' })); // same month
    tally.add(record({ id: '3', received: '2021-04-01' }));
    tally.add(record({ id: '4', outcome: 'rejected', rejectionReason: 'no-data-found' }));
    tally.add(record({ id: '5', outcome: 'rejected', rejectionReason: 'no-data-found' }));
    tally.add(record({ id: '6', country: 'FR', category: 'user-data', userNotified: 'yes' }));
    tally.add(record({ id: '7', requester: 'user', category: 'data-copy' }));
    tally.add(record({ id: '8', requestType: 'different text, same key' }));
    const byKey = (entries: ReturnType<typeof tally.entries>) =>
      [...entries].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(byKey(tally.entries())).toEqual(
      byKey([
        { country: 'RU', requester: 'law-enforcement', category: 'technical-expertise', outcome: 'approved', month: '2021-03', count: 3 },
        { country: 'RU', requester: 'law-enforcement', category: 'technical-expertise', outcome: 'approved', month: '2021-04', count: 1 },
        { country: 'RU', requester: 'law-enforcement', category: 'technical-expertise', outcome: 'rejected', rejectionReason: 'no-data-found', month: '2021-03', count: 2 },
        { country: 'FR', requester: 'law-enforcement', category: 'user-data', outcome: 'approved', userNotified: 'yes', month: '2021-03', count: 1 },
        { country: 'RU', requester: 'user', category: 'data-copy', outcome: 'approved', month: '2021-03', count: 1 },
      ]),
    );
  });

  it('leaves rejectionReason and userNotified out when absent (not undefined)', () => {
    const tally = createTally();
    tally.add(record({}));
    const [entry] = tally.entries();
    expect(Object.keys(entry!).sort()).toEqual(['category', 'count', 'country', 'month', 'outcome', 'requester']);
  });

  it('counts decision times in whole days, by country, requester and category (months added up)', () => {
    const tally = createTally();
    tally.add(record({ id: '1', received: '2021-02-27', decided: '2021-03-01' })); // 2 days
    tally.add(record({ id: '2', received: '2021-02-10', decided: '2021-02-12' })); // 2 days
    tally.add(record({ id: '3', received: '2020-02-28', decided: '2020-03-01' })); // 2 days (leap year)
    tally.add(record({ id: '4', received: '2020-12-31', decided: '2021-01-01' })); // 1 day
    tally.add(record({ id: '5', received: '2021-02-10', decided: '2021-02-10' })); // 0 days
    tally.add(record({ id: '6', received: '2021-02-10' })); // undecided: not counted
    tally.add(record({ id: '7', country: 'FR', requester: 'government', received: '2021-02-10', decided: '2021-02-12' }));
    const times = tally.decisionTimes().sort((a, b) => b.country.localeCompare(a.country) || a.days - b.days);
    expect(times).toEqual([
      { country: 'RU', requester: 'law-enforcement', category: 'technical-expertise', days: 0, count: 1 },
      { country: 'RU', requester: 'law-enforcement', category: 'technical-expertise', days: 1, count: 1 },
      { country: 'RU', requester: 'law-enforcement', category: 'technical-expertise', days: 2, count: 3 },
      { country: 'FR', requester: 'government', category: 'technical-expertise', days: 2, count: 1 },
    ]);
  });

  it('gives decision times as histograms by country, requester and category, months added up', () => {
    const tally = createTally();
    tally.add(record({ id: '1', received: '2021-02-27', decided: '2021-03-01' })); // 2 days
    tally.add(record({ id: '2', received: '2021-03-10', decided: '2021-03-12' })); // 2 days, another month
    tally.add(record({ id: '3', received: '2021-04-01', decided: '2021-04-06' })); // 5 days
    tally.add(record({ id: '4', received: '2021-04-01' })); // undecided: not counted
    tally.add(record({ id: '5', country: 'FR', requester: 'user', category: 'data-copy', received: '2021-02-10', decided: '2021-02-10' }));
    const byCountry = (a: { country: string }, b: { country: string }) => a.country.localeCompare(b.country);
    expect(tally.decisionHistograms().sort(byCountry)).toEqual([
      { country: 'FR', requester: 'user', category: 'data-copy', histogram: new Map([[0, 1]]) },
      { country: 'RU', requester: 'law-enforcement', category: 'technical-expertise', histogram: new Map([[2, 2], [5, 1]]) },
    ]);
  });

  it('gives the same decision times as histograms as decisionTimes() does as entries, for any counts', () => {
    // Few countries, so that groups often differ in one value only.
    const group = fc.tuple(fc.constantFrom(0, 1, 675), fc.nat({ max: REQUESTERS.length - 1 }), fc.nat({ max: CATEGORIES.length - 1 }));
    const add = fc.tuple(group, fc.integer({ min: -5, max: 400 }), fc.integer({ min: -1, max: 3 }));
    fc.assert(
      fc.property(fc.array(add, { maxLength: 300 }), (adds) => {
        const tally = createTally();
        for (const [[country, requester, category], days, count] of adds) {
          tally.addToTimeCell(tally.timeCell(timeCode(country, requester, category)), days, count);
        }
        const expected = new Map<string, Map<number, number>>();
        for (const { country, requester, category, days, count } of tally.decisionTimes()) {
          const key = `${country} ${requester} ${category}`;
          const histogram = expected.get(key) ?? new Map<number, number>();
          histogram.set(days, (histogram.get(days) ?? 0) + count);
          expected.set(key, histogram);
        }
        for (const histogram of expected.values()) for (const [days, count] of histogram) if (count === 0) histogram.delete(days);
        const actual = new Map(tally.decisionHistograms().map(({ country, requester, category, histogram }) => [`${country} ${requester} ${category}`, histogram]));
        expect(new Map([...actual].filter(([, histogram]) => histogram.size > 0))).toEqual(new Map([...expected].filter(([, histogram]) => histogram.size > 0)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('Tally.forEachCount', () => {
  it('visits every counted cell as entries() gives it, by numbers, for any counts', () => {
    const cell = fc.tuple(
      fc.constantFrom(0, 1, 675), fc.nat({ max: REQUESTERS.length - 1 }), fc.nat({ max: CATEGORIES.length - 1 }), fc.nat({ max: OUTCOMES.length - 1 }),
      fc.nat({ max: REJECTION_REASONS.length }), fc.nat({ max: USER_NOTICES.length }), fc.constantFrom(0, 24252, 24253, 9999 * 12 + 11), // years of 4 digits, as entries() writes them
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.integer({ min: -1, max: 3 })), { maxLength: 200 }), (adds) => {
        const tally = createTally();
        for (const [[country, requester, category, outcome, reason, notice, month], count] of adds) {
          tally.addToCell(tally.cell(cellCode(country, requester, category, outcome, reason, notice, month)), count);
        }
        const visited: string[] = [];
        tally.forEachCount((country, requester, category, outcome, month, count) => {
          visited.push(`${country} ${REQUESTERS[requester]} ${CATEGORIES[category]} ${OUTCOMES[outcome]} ${month} ${count}`);
        });
        const expected = tally.entries().map(
          (entry) => `${countryNumber(entry.country)} ${entry.requester} ${entry.category} ${entry.outcome} ${monthNumber(`${entry.month}-01`)} ${entry.count}`,
        );
        expect(visited).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('cell codes', () => {
  it('give back each of their digits, for any values', () => {
    const cell = fc.tuple(
      fc.nat({ max: 675 }), fc.nat({ max: REQUESTERS.length - 1 }), fc.nat({ max: CATEGORIES.length - 1 }), fc.nat({ max: OUTCOMES.length - 1 }),
      fc.nat({ max: REJECTION_REASONS.length }), fc.nat({ max: USER_NOTICES.length }), fc.nat({ max: (1 << 17) - 1 }),
    );
    fc.assert(
      fc.property(cell, ([country, requester, category, outcome, reason, notice, month]) => {
        const tally = createTally();
        tally.addToCell(tally.cell(cellCode(country, requester, category, outcome, reason, notice, month)), 1);
        const [entry] = tally.entries();
        const year = String(Math.floor(month / 12)).padStart(4, '0');
        expect(entry).toEqual({
          country: String.fromCharCode(65 + Math.floor(country / 26), 65 + (country % 26)),
          requester: REQUESTERS[requester],
          category: CATEGORIES[category],
          outcome: OUTCOMES[outcome],
          ...(reason ? { rejectionReason: REJECTION_REASONS[reason - 1] } : {}),
          ...(notice ? { userNotified: USER_NOTICES[notice - 1] } : {}),
          month: `${year}-${String((month % 12) + 1).padStart(2, '0')}`,
          count: 1,
        });
        tally.addToTimeCell(tally.timeCell(timeCode(country, requester, category)), 3, 1);
        expect(tally.decisionTimes()).toEqual([{ country: entry!.country, requester: entry!.requester, category: entry!.category, days: 3, count: 1 }]);
      }),
      { numRuns: 300 },
    );
  });

  it('give back every country, value and month a record had', () => {
    const tally = createTally();
    const records: RequestRecord[] = [
      record({ id: '1', country: 'AA', received: '0001-01-01', requester: 'user', category: 'data-copy', outcome: 'pending', userNotified: 'not-permitted' }),
      record({ id: '2', country: 'ZZ', received: '9999-12-31', requester: 'international-organization', outcome: 'rejected', rejectionReason: 'prohibited-by-principles' }),
    ];
    for (const each of records) tally.add(each);
    expect(tally.entries()).toEqual([
      { country: 'AA', requester: 'user', category: 'data-copy', outcome: 'pending', userNotified: 'not-permitted', month: '0001-01', count: 1 },
      { country: 'ZZ', requester: 'international-organization', category: 'technical-expertise', outcome: 'rejected', rejectionReason: 'prohibited-by-principles', month: '9999-12', count: 1 },
    ]);
  });

  it('are below 2^53 for the largest values', () => {
    const largest = cellCode(countryNumber('ZZ'), 3, 4, 4, 3, 3, monthNumber('9999-12-31'));
    expect(Number.isSafeInteger(largest)).toBe(true);
  });

  it('refuse a country that is not an alpha-2 code (a bug upstream, not an input error)', () => {
    expect(() => countryNumber('Russia')).toThrow(/alpha-2/);
    expect(() => countryNumber('ru')).toThrow(/alpha-2/);
    expect(countryNumber('AA')).toBe(0);
    expect(countryNumber('ZZ')).toBe(675);
  });
});
