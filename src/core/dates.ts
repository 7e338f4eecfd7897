// Calendar dates without `Date` objects: a log date is parsed straight into an ISO day string,
// and impossible dates (2021-02-30) are rejected instead of being rolled over as `Date` does.

export type DateResult = { ok: true; day: string } | { ok: false; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date-time with a mandatory offset: 2021-03-04T10:00:00+02:00, …Z, fractional seconds allowed.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Bit m set: month m has 30 days. */
const THIRTY_DAYS = (1 << 4) | (1 << 6) | (1 << 9) | (1 << 11);

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return (THIRTY_DAYS >> month) & 1 ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function checkCalendar(year: number, month: number, day: number, text: string): string | undefined {
  if (month < 1 || month > 12) return `"${text}" has month ${month}; months run from 01 to 12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${text}" is not a calendar date: ${pad(year, 4)}-${pad(month)} has ${last} days`;
  return undefined;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function toEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(epochDay: number): string {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatDay(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** Epoch day of an ISO `YYYY-MM-DD` string that is already known to be valid. */
export function epochDayOf(isoDay: string): number {
  return toEpochDay(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)), Number(isoDay.slice(8, 10)));
}

/**
 * Parses a log date: `YYYY-MM-DD`, or a date-time with an offset, which is converted to its UTC day
 * (the period of a request is decided in UTC). A date-time without an offset is ambiguous and refused.
 */
export function parseLogDate(text: string): DateResult {
  const date = ISO_DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const wrong = checkCalendar(year, month, day, text);
    return wrong ? { ok: false, message: wrong } : { ok: true, day: text };
  }
  const dateTime = ISO_DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, day] = [Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3])];
    const wrong = checkCalendar(year, month, day, text);
    if (wrong) return { ok: false, message: wrong };
    const hour = Number(dateTime[4]);
    const minute = Number(dateTime[5]);
    const second = Number(dateTime[6] ?? 0);
    if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `"${text}" has an impossible time of day` };
    const offset = dateTime[7];
    if (offset === undefined) {
      return { ok: false, message: `"${text}" has a time but no UTC offset; write it as ${text}Z or with an offset such as +02:00` };
    }
    const offsetMinutes = parseOffset(offset);
    if (offsetMinutes === undefined) return { ok: false, message: `"${text}" has an impossible UTC offset` };
    const minutesUtc = hour * 60 + minute - offsetMinutes;
    const shift = Math.floor(minutesUtc / 1440);
    const epochDay = toEpochDay(year, month, day) + shift;
    return { ok: true, day: fromEpochDay(epochDay) };
  }
  return { ok: false, message: describeBadDate(text) };
}

function parseOffset(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 18 || minutes > 59) return undefined;
  return (digits[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function describeBadDate(text: string): string {
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(text)) {
    return `"${text}" is ambiguous (day/month or month/day?); write dates as YYYY-MM-DD`;
  }
  return `"${text}" is not a date; write YYYY-MM-DD or a date-time with offset (2021-03-04T10:00:00+02:00)`;
}
