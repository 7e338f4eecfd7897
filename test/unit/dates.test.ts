import { describe, expect, it } from 'vitest';
import { daysInMonth, epochDayOf, formatDay, fromEpochDay, parseLogDate, toEpochDay } from '../../src/core/dates.js';

function accepted(text: string): string {
  const result = parseLogDate(text);
  if (!result.ok) throw new Error(`expected ${text} to be accepted, got: ${result.message}`);
  return result.day;
}

function rejected(text: string): string {
  const result = parseLogDate(text);
  if (result.ok) throw new Error(`expected ${text} to be rejected, got day ${result.day}`);
  return result.message;
}

describe('parseLogDate: plain ISO dates', () => {
  it.each([
    '2021-03-04',
    '2020-02-29', // leap year
    '2000-02-29', // divisible by 400: leap
    '2024-02-29',
    '1999-12-31',
    '2021-01-01',
    '2021-04-30',
    '2021-12-31',
  ])('%s is accepted as itself', (text) => {
    expect(accepted(text)).toBe(text);
  });

  it.each([
    ['2021-02-29', /not a calendar date: 2021-02 has 28 days/],
    ['1900-02-29', /not a calendar date: 1900-02 has 28 days/], // divisible by 100, not by 400
    ['2100-02-29', /2100-02 has 28 days/],
    ['2021-02-30', /2021-02 has 28 days/],
    ['2020-02-30', /2020-02 has 29 days/],
    ['2021-04-31', /2021-04 has 30 days/],
    ['2021-06-31', /2021-06 has 30 days/],
    ['2021-01-32', /2021-01 has 31 days/],
    ['2021-01-00', /not a calendar date/],
    ['2021-13-01', /month 13; months run from 01 to 12/],
    ['2021-00-10', /month 0; months run from 01 to 12/],
  ])('%s is rejected', (text, message) => {
    expect(rejected(text)).toMatch(message);
    expect(rejected(text)).toContain(`"${text}"`);
  });
});

describe('parseLogDate: date-times are converted to their UTC day', () => {
  it.each([
    ['2021-03-04T10:00:00Z', '2021-03-04'],
    ['2021-03-04T10:00:00z', '2021-03-04'],
    ['2021-03-04t10:00:00Z', '2021-03-04'],
    ['2021-03-04 10:00:00Z', '2021-03-04'], // space instead of T
    ['2021-03-04T10:00Z', '2021-03-04'], // no seconds
    ['2021-03-04T10:00:00.123456Z', '2021-03-04'], // fractional seconds
    ['2021-03-04T10:00:00+02:00', '2021-03-04'],
    ['2021-03-04T10:00:00+0200', '2021-03-04'], // offset without colon
    ['2021-03-04T10:00:00-00:00', '2021-03-04'],
    // crossing midnight forwards and backwards
    ['2021-03-04T23:30:00-01:00', '2021-03-05'],
    ['2021-03-04T00:30:00+01:00', '2021-03-03'],
    ['2021-03-04T01:59:59+02:00', '2021-03-03'],
    ['2021-03-04T02:00:00+02:00', '2021-03-04'],
    ['2021-03-04T21:59:59-02:00', '2021-03-04'],
    ['2021-03-04T22:00:00-02:00', '2021-03-05'],
    // crossing a year
    ['2020-12-31T23:30:00-02:00', '2021-01-01'],
    ['2021-01-01T00:30:00+01:00', '2020-12-31'],
    ['2021-01-01T05:00:00+05:30', '2020-12-31'],
    // crossing month ends, incl. leap days
    ['2021-03-01T01:00:00+02:00', '2021-02-28'],
    ['2020-03-01T01:00:00+02:00', '2020-02-29'],
    ['2020-02-28T23:00:00-03:00', '2020-02-29'],
    ['2021-02-28T23:00:00-03:00', '2021-03-01'],
    ['2021-04-30T20:00:00-14:00', '2021-05-01'],
    // extreme but valid offsets
    ['2021-06-15T00:00:00+18:00', '2021-06-14'],
    ['2021-06-15T23:59:59-18:00', '2021-06-16'],
    ['2021-03-04T23:59:59.999-00:01', '2021-03-05'],
  ])('%s → %s', (text, day) => {
    expect(accepted(text)).toBe(day);
  });

  it.each([
    '2021-03-04T10:00:00',
    '2021-03-04T10:00',
    '2021-03-04 10:00:00',
    '2021-03-04T10:00:00.5',
  ])('%s has no offset and is refused', (text) => {
    expect(rejected(text)).toMatch(/has a time but no UTC offset/);
  });

  it.each([
    ['2021-03-04T24:00:00Z', /impossible time of day/],
    ['2021-03-04T10:60:00Z', /impossible time of day/],
    ['2021-03-04T10:00:60Z', /impossible time of day/],
    ['2021-03-04T10:00:00+19:00', /impossible UTC offset/],
    ['2021-03-04T10:00:00+02:60', /impossible UTC offset/],
    ['2021-02-29T10:00:00Z', /not a calendar date: 2021-02 has 28 days/],
    ['2021-13-04T10:00:00Z', /month 13/],
  ])('%s is rejected', (text, message) => {
    expect(rejected(text)).toMatch(message);
  });
});

describe('parseLogDate: other spellings', () => {
  it.each(['03/04/2021', '3/4/2021', '04.03.2021', '03-04-2021', '3.4.21', '21-03-04'])('%s is ambiguous', (text) => {
    expect(rejected(text)).toMatch(/is ambiguous \(day\/month or month\/day\?\); write dates as YYYY-MM-DD/);
  });

  it.each(['', ' ', 'yesterday', '2021-3-4', '20210304', '2021/03/04', ' 2021-03-04', '2021-03-04 ', 'March 4, 2021', '2021-03-04T10:00:00+02'])(
    '%j is not a date',
    (text) => {
      expect(rejected(text)).toMatch(/is not a date; write YYYY-MM-DD or a date-time with offset/);
    },
  );
});

describe('daysInMonth', () => {
  it.each([
    [2021, 1, 31], [2021, 2, 28], [2020, 2, 29], [2000, 2, 29], [1900, 2, 28], [2100, 2, 28], [2400, 2, 29],
    [2021, 3, 31], [2021, 4, 30], [2021, 5, 31], [2021, 6, 30], [2021, 7, 31], [2021, 8, 31], [2021, 9, 30],
    [2021, 10, 31], [2021, 11, 30], [2021, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('epoch days', () => {
  it.each([
    [1970, 1, 1, 0],
    [1969, 12, 31, -1],
    [1970, 1, 2, 1],
    [2000, 3, 1, 11017],
    [2021, 1, 1, 18628],
    [2020, 2, 29, 18321],
    [1600, 1, 1, -135140],
    [2400, 12, 31, 157419],
  ])('%i-%i-%i is epoch day %i, and back', (year, month, day, epochDay) => {
    expect(toEpochDay(year, month, day)).toBe(epochDay);
    expect(fromEpochDay(epochDay)).toBe(formatDay(year, month, day));
    expect(epochDayOf(formatDay(year, month, day))).toBe(epochDay);
  });

  it('agrees with Date for the days around leap days', () => {
    for (const iso of ['2020-02-28', '2020-02-29', '2020-03-01', '1900-02-28', '1900-03-01', '2000-02-29']) {
      expect(epochDayOf(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    }
  });

  it('formatDay pads year, month and day', () => {
    expect(formatDay(5, 1, 2)).toBe('0005-01-02');
    expect(formatDay(2021, 12, 31)).toBe('2021-12-31');
  });
});
