// Log dates read in place for the fast path (RowKeys): as YYYYMMDD numbers, the day the row counts
// on (its UTC day), or 0 when the date is not one of the common forms, is invalid, or lies after
// `today` — validateRow then reads it and says what is wrong. The common forms are read digit by
// digit; any other goes through parseLogDate, as validateRow would.
import { ascii } from './ascii.js';
import { daysInMonth, parseLogDate } from './dates.js';

/** YYYYMMDD of an ISO day `YYYY-MM-DD`. */
export function dayNumber(text: string): number {
  return Number(text.slice(0, 4)) * 10000 + Number(text.slice(5, 7)) * 100 + Number(text.slice(8, 10));
}

/** The log date in the ASCII bytes `bytes[start, end)` (see the top of this file). */
export function dayOfBytes(bytes: Uint8Array, start: number, end: number, today: number): number {
  if (end - start === 10 && bytes[start + 4] === 45 && bytes[start + 7] === 45) {
    const y0 = bytes[start]! - 48;
    const y1 = bytes[start + 1]! - 48;
    const y2 = bytes[start + 2]! - 48;
    const y3 = bytes[start + 3]! - 48;
    const m0 = bytes[start + 5]! - 48;
    const m1 = bytes[start + 6]! - 48;
    const d0 = bytes[start + 8]! - 48;
    const d1 = bytes[start + 9]! - 48;
    // A byte below '0' gives a negative digit, which >>> 0 makes huge: one test for both bounds.
    if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9) return 0;
    if ((m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return 0;
    const year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return 0;
    const value = year * 10000 + month * 100 + day;
    return value > today ? 0 : value;
  }
  if (end === start) return 0;
  const timed = dateTimeOfBytes(bytes, start, end, today);
  if (timed > 0) return timed;
  return dayOfParsed(ascii(bytes, start, end), today);
}

/** The log date in `text[start, end)` (see the top of this file). */
export function dayOfText(text: string, start: number, end: number, today: number): number {
  if (end - start === 10 && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
    let value = 0;
    for (let i = start; i < end; i++) {
      if (i === start + 4 || i === start + 7) continue;
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return 0;
      value = value * 10 + digit;
    }
    const year = Math.floor(value / 10000);
    const month = Math.floor(value / 100) % 100;
    const day = value % 100;
    if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return 0;
    return value > today ? 0 : value;
  }
  if (end === start) return 0;
  return dayOfParsed(text.slice(start, end), today);
}

/**
 * The common date-times, `YYYY-MM-DDTHH:MM:SSZ` and `…±HH:MM`, read in place when their UTC day is
 * their own date (as parseLogDate would find it); 0 for anything else, which dayOfParsed then reads.
 */
function dateTimeOfBytes(bytes: Uint8Array, start: number, end: number, today: number): number {
  const length = end - start;
  if (length !== 20 && length !== 25) return 0;
  const separator = bytes[start + 10];
  if (bytes[start + 4] !== 45 || bytes[start + 7] !== 45 || (separator !== 84 && separator !== 116 && separator !== 32)) return 0;
  if (bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return 0;
  let offset = 0;
  const zone = bytes[start + 19];
  if (length === 20) {
    if (zone !== 90 && zone !== 122) return 0;
  } else {
    if ((zone !== 43 && zone !== 45) || bytes[start + 22] !== 58) return 0;
    const oh = twoDigits(bytes, start + 20);
    const om = twoDigits(bytes, start + 23);
    if (oh < 0 || om < 0 || oh > 18 || om > 59) return 0;
    offset = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  }
  const century = twoDigits(bytes, start);
  const yy = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  const hour = twoDigits(bytes, start + 11);
  const minute = twoDigits(bytes, start + 14);
  const second = twoDigits(bytes, start + 17);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return 0;
  if (hour > 23 || minute > 59 || second > 59) return 0;
  const year = century * 100 + yy;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return 0;
  const minutesUtc = hour * 60 + minute - offset;
  if (minutesUtc < 0 || minutesUtc >= 1440) return 0; // another UTC day: left to dayOfParsed
  const value = year * 10000 + month * 100 + day;
  return value > today ? 0 : value;
}

/** Any other form, through parseLogDate. */
function dayOfParsed(text: string, today: number): number {
  const result = parseLogDate(text);
  if (!result.ok || !/^\d{4}-\d{2}-\d{2}$/.test(result.day)) return 0;
  const value = dayNumber(result.day);
  return value > today ? 0 : value;
}

/** The number of two ASCII digits at `bytes[at]`, or -1. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const a = bytes[at]! - 48;
  const b = bytes[at + 1]! - 48;
  if ((a >>> 0) > 9 || (b >>> 0) > 9) return -1;
  return a * 10 + b;
}
