import { describe, expect, it } from 'vitest';
import { parsePeriod, periodContains, periodIdsOf, previousPeriod, type Period } from '../../src/core/period.js';

function period(text: string): Period {
  const result = parsePeriod(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.period;
}

function refused(text: string): string {
  const result = parsePeriod(text);
  if (result.ok) throw new Error(`expected ${text} to be refused, got ${result.period.id}`);
  return result.message;
}

describe('parsePeriod: every form', () => {
  it.each<[string, Period]>([
    ['2020', { id: '2020', kind: 'year', start: '2020-01-01', end: '2020-12-31', label: '2020' }],
    [' 2020 ', { id: '2020', kind: 'year', start: '2020-01-01', end: '2020-12-31', label: '2020' }],
    ['2021H1', { id: '2021H1', kind: 'half', start: '2021-01-01', end: '2021-06-30', label: 'H1 2021' }],
    ['2021h2', { id: '2021H2', kind: 'half', start: '2021-07-01', end: '2021-12-31', label: 'H2 2021' }],
    ['2021-H1', { id: '2021H1', kind: 'half', start: '2021-01-01', end: '2021-06-30', label: 'H1 2021' }],
    ['2021Q1', { id: '2021Q1', kind: 'quarter', start: '2021-01-01', end: '2021-03-31', label: 'Q1 2021' }],
    ['2021Q2', { id: '2021Q2', kind: 'quarter', start: '2021-04-01', end: '2021-06-30', label: 'Q2 2021' }],
    ['2021q3', { id: '2021Q3', kind: 'quarter', start: '2021-07-01', end: '2021-09-30', label: 'Q3 2021' }],
    ['2021-Q4', { id: '2021Q4', kind: 'quarter', start: '2021-10-01', end: '2021-12-31', label: 'Q4 2021' }],
    ['2021-01', { id: '2021-01', kind: 'month', start: '2021-01-01', end: '2021-01-31', label: 'January 2021' }],
    ['2021-02', { id: '2021-02', kind: 'month', start: '2021-02-01', end: '2021-02-28', label: 'February 2021' }],
    ['2020-02', { id: '2020-02', kind: 'month', start: '2020-02-01', end: '2020-02-29', label: 'February 2020' }],
    ['2021-03', { id: '2021-03', kind: 'month', start: '2021-03-01', end: '2021-03-31', label: 'March 2021' }],
    ['2021-04', { id: '2021-04', kind: 'month', start: '2021-04-01', end: '2021-04-30', label: 'April 2021' }],
    ['2021-12', { id: '2021-12', kind: 'month', start: '2021-12-01', end: '2021-12-31', label: 'December 2021' }],
    ['2021-01-01..2021-06-30', { id: '2021-01-01..2021-06-30', kind: 'range', start: '2021-01-01', end: '2021-06-30', label: '2021-01-01 – 2021-06-30' }],
    ['2021-01-01 .. 2021-06-30', { id: '2021-01-01..2021-06-30', kind: 'range', start: '2021-01-01', end: '2021-06-30', label: '2021-01-01 – 2021-06-30' }],
    ['2021-05-05..2021-05-05', { id: '2021-05-05..2021-05-05', kind: 'range', start: '2021-05-05', end: '2021-05-05', label: '2021-05-05 – 2021-05-05' }],
    ['2019-12-15..2020-02-29', { id: '2019-12-15..2020-02-29', kind: 'range', start: '2019-12-15', end: '2020-02-29', label: '2019-12-15 – 2020-02-29' }],
  ])('%j', (text, expected) => {
    expect(period(text)).toEqual(expected);
  });

  it.each(['2020', '2021H1', '2021H2', '2021Q1', '2021Q4', '2021-02', '2021-01-01..2021-06-30'])('the id %s parses back to itself', (id) => {
    expect(period(id).id).toBe(id);
    expect(period(period(id).id)).toEqual(period(id));
  });
});

describe('parsePeriod: invalid periods', () => {
  it.each([
    ['2021H3', /period "2021H3" is not understood; use a year \(2020\), a half \(2021H1\)/],
    ['2021H0', /is not understood/],
    ['2021Q5', /period "2021Q5" is not understood/],
    ['2021Q0', /is not understood/],
    ['2021-13', /period "2021-13": month 13 does not exist/],
    ['2021-00', /month 00 does not exist/],
    ['2021-1', /is not understood/],
    ['21', /is not understood/],
    ['', /is not understood/],
    ['last year', /is not understood/],
    ['2021-06-30..2021-01-01', /period "2021-06-30..2021-01-01": the range ends before it starts/],
    ['2021-02-30..2021-03-01', /a range is two dates YYYY-MM-DD..YYYY-MM-DD \(.*2021-02 has 28 days\)/],
    ['2021-01-01..2021-02-30', /a range is two dates .*2021-02 has 28 days/],
    ['2021-01-01..', /is not understood|a range is two dates/],
    ['2021-01-01..tomorrow', /a range is two dates/],
    ['2021-01-01T00:00:00Z..2021-02-01', /a range is two dates/],
    ['2021-01-01..2021-02-01T00:00:00Z', /a range is two dates/],
  ])('%j is refused', (text, message) => {
    expect(refused(text)).toMatch(message);
  });
});

describe('parsePeriod: known bugs', () => {
  // BUG (src/core/period.ts, parsePeriod): date-time bounds are refused only when they contain a "T"
  // (`/T/.test(input)`), but parseLogDate also accepts a space before the time. So
  // "2021-01-01..2021-02-01 23:00-05:00" is accepted, and its end silently becomes the UTC day
  // 2021-02-02. Expected: refused like "2021-01-01..2021-02-01T23:00-05:00" ("a range is two dates").
  it('refuses a range bound written as a date-time with a space', () => {
    expect(parsePeriod('2021-01-01..2021-02-01 23:00-05:00').ok).toBe(false);
    expect(parsePeriod('2021-01-01 10:00Z..2021-02-01').ok).toBe(false);
  });

  // BUG (src/core/period.ts, yearPeriod/halfPeriod/quarterPeriod/monthPeriod): the id is built with
  // String(year), not padded to four digits, so for years before 1000 the "canonical spelling"
  // (id "999", "999H1") is not accepted by parsePeriod. Low impact (no log is that old).
  it('gives ids that parse back, even for years before 1000', () => {
    for (const text of ['0999', '0999H1', '0999Q2', '0999-05']) {
      const id = period(text).id;
      expect(parsePeriod(id).ok, id).toBe(true);
    }
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2021', '2020'],
    ['2000', '1999'],
    ['2021H1', '2020H2'],
    ['2021H2', '2021H1'],
    ['2021Q1', '2020Q4'],
    ['2021Q2', '2021Q1'],
    ['2021Q3', '2021Q2'],
    ['2021Q4', '2021Q3'],
    ['2021-01', '2020-12'],
    ['2021-02', '2021-01'],
    ['2021-03', '2021-02'],
    ['2021-12', '2021-11'],
    ['2021-01-01..2021-01-31', '2020-12-01..2020-12-31'],
    ['2021-03-01..2021-03-31', '2021-01-29..2021-02-28'],
    ['2020-03-01..2020-03-31', '2020-01-30..2020-02-29'],
    ['2021-01-01..2021-01-01', '2020-12-31..2020-12-31'],
    ['2020-03-01..2020-03-01', '2020-02-29..2020-02-29'],
    ['2021-01-01..2021-06-30', '2020-07-04..2020-12-31'],
  ])('before %s comes %s', (current, previous) => {
    expect(previousPeriod(period(current))).toEqual(period(previous));
  });

  it('a range keeps its length and ends the day before', () => {
    const current = period('2021-02-10..2021-04-20');
    const before = previousPeriod(current);
    const days = (p: Period) => (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000;
    expect(days(before)).toBe(days(current));
    expect((Date.parse(current.start) - Date.parse(before.end)) / 86_400_000).toBe(1);
  });

  it('keeps kind and label of calendar periods', () => {
    expect(previousPeriod(period('2021Q1'))).toMatchObject({ kind: 'quarter', label: 'Q4 2020', start: '2020-10-01', end: '2020-12-31' });
    expect(previousPeriod(period('2021H1'))).toMatchObject({ kind: 'half', label: 'H2 2020' });
    expect(previousPeriod(period('2021-03'))).toMatchObject({ kind: 'month', label: 'February 2021', end: '2021-02-28' });
  });
});

describe('periodContains', () => {
  const q1 = period('2021Q1');
  it.each([
    ['2020-12-31', false],
    ['2021-01-01', true],
    ['2021-02-14', true],
    ['2021-03-31', true],
    ['2021-04-01', false],
    ['2022-01-01', false],
  ])('2021Q1 contains %s: %s', (day, expected) => {
    expect(periodContains(q1, day)).toBe(expected);
  });

  it('works for ranges of one day', () => {
    const day = period('2021-05-05..2021-05-05');
    expect(periodContains(day, '2021-05-05')).toBe(true);
    expect(periodContains(day, '2021-05-04')).toBe(false);
    expect(periodContains(day, '2021-05-06')).toBe(false);
  });
});

describe('periodIdsOf', () => {
  it.each([
    ['2021-01-01', { year: '2021', half: '2021H1', quarter: '2021Q1', month: '2021-01' }],
    ['2021-03-31', { year: '2021', half: '2021H1', quarter: '2021Q1', month: '2021-03' }],
    ['2021-04-01', { year: '2021', half: '2021H1', quarter: '2021Q2', month: '2021-04' }],
    ['2021-06-30', { year: '2021', half: '2021H1', quarter: '2021Q2', month: '2021-06' }],
    ['2021-07-01', { year: '2021', half: '2021H2', quarter: '2021Q3', month: '2021-07' }],
    ['2021-09-30', { year: '2021', half: '2021H2', quarter: '2021Q3', month: '2021-09' }],
    ['2021-10-01', { year: '2021', half: '2021H2', quarter: '2021Q4', month: '2021-10' }],
    ['2020-12-31', { year: '2020', half: '2020H2', quarter: '2020Q4', month: '2020-12' }],
  ])('%s', (day, expected) => {
    expect(periodIdsOf(day)).toEqual(expected);
    for (const id of Object.values(expected)) expect(periodContains(period(id), day)).toBe(true);
  });
});

describe('the headings the reports print are accepted as periods', () => {
  it.each([
    ['H1 2021', '2021H1'],
    ['h2 2020', '2020H2'],
    ['Q3 2021', '2021Q3'],
    ['2021 H1', '2021H1'],
    ['H1-2021', '2021H1'],
  ])('%s → %s', (text, id) => {
    const result = parsePeriod(text);
    expect(result.ok && result.period.id).toBe(id);
  });
});
