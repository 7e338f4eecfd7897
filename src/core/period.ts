// Reporting periods. A request belongs to the period of its `received` day (UTC).
import { daysInMonth, epochDayOf, formatDay, fromEpochDay, parseLogDate } from './dates.js';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range';

export interface Period {
  /** The canonical spelling, as accepted by `--period`: 2020, 2021H1, 2021Q3, 2021-03, 2021-01-01..2021-06-30. */
  id: string;
  kind: PeriodKind;
  /** First and last day, inclusive, ISO `YYYY-MM-DD`. */
  start: string;
  end: string;
  /** The heading the reference publication uses: "2020", "H1 2021". */
  label: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const PERIOD_HELP = 'use a year (2020), a half (2021H1), a quarter (2021Q3), a month (2021-03) or a range (2021-01-01..2021-06-30)';

function monthSpan(year: number, firstMonth: number, months: number): { start: string; end: string } {
  const lastMonth = firstMonth + months - 1;
  return { start: formatDay(year, firstMonth, 1), end: formatDay(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/** Four digits, so that every id parses back (year 999 is 0999). */
function yearText(year: number): string {
  return String(year).padStart(4, '0');
}

export function yearPeriod(year: number): Period {
  return { id: yearText(year), kind: 'year', ...monthSpan(year, 1, 12), label: yearText(year) };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  return { id: `${yearText(year)}H${half}`, kind: 'half', ...monthSpan(year, half === 1 ? 1 : 7, 6), label: `H${half} ${yearText(year)}` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return { id: `${yearText(year)}Q${quarter}`, kind: 'quarter', ...monthSpan(year, quarter * 3 - 2, 3), label: `Q${quarter} ${yearText(year)}` };
}

export function monthPeriod(year: number, month: number): Period {
  const id = `${yearText(year)}-${String(month).padStart(2, '0')}`;
  return { id, kind: 'month', ...monthSpan(year, month, 1), label: `${MONTH_NAMES[month - 1]} ${yearText(year)}` };
}

export function rangePeriod(start: string, end: string): Period {
  return { id: `${start}..${end}`, kind: 'range', start, end, label: `${start} – ${end}` };
}

/** Parses the `--period` argument. Case-insensitive: `2021h1` is `2021H1`. */
export function parsePeriod(text: string): PeriodResult {
  // The headings the reports print ("H1 2021", "Q3 2021") are accepted as well as the ids.
  const input = text
    .trim()
    .toUpperCase()
    .replace(/^([HQ]\d)[\s-]+(\d{4})$/, '$2$1')
    .replace(/^(\d{4})[\s]+([HQ]\d)$/, '$1$2');
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(input))) return { ok: true, period: yearPeriod(Number(match[1])) };
  if ((match = /^(\d{4})-?H([12])$/.exec(input))) {
    return { ok: true, period: halfPeriod(Number(match[1]), Number(match[2]) as 1 | 2) };
  }
  if ((match = /^(\d{4})-?Q([1-4])$/.exec(input))) return { ok: true, period: quarterPeriod(Number(match[1]), Number(match[2])) };
  if ((match = /^(\d{4})-(\d{2})$/.exec(input))) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return { ok: false, message: `period "${text}": month ${match[2]} does not exist; ${PERIOD_HELP}` };
    return { ok: true, period: monthPeriod(Number(match[1]), month) };
  }
  if ((match = /^(.+?)\.\.(.+)$/.exec(input))) {
    const start = parseLogDate(match[1]!.trim());
    const end = parseLogDate(match[2]!.trim());
    // Whole days only: a date-time bound would move the range to its UTC day without saying so.
    const wholeDays = /^\d{4}-\d{2}-\d{2}$/.test(match[1]!.trim()) && /^\d{4}-\d{2}-\d{2}$/.test(match[2]!.trim());
    if (!start.ok || !end.ok || !wholeDays) {
      return { ok: false, message: `period "${text}": a range is two dates YYYY-MM-DD..YYYY-MM-DD${start.ok ? '' : ` (${start.message})`}${end.ok || !start.ok ? '' : ` (${end.message})`}` };
    }
    if (end.day < start.day) return { ok: false, message: `period "${text}": the range ends before it starts` };
    return { ok: true, period: rangePeriod(start.day, end.day) };
  }
  return { ok: false, message: `period "${text}" is not understood; ${PERIOD_HELP}` };
}

export function periodContains(period: Period, isoDay: string): boolean {
  // ISO day strings compare in calendar order.
  return isoDay >= period.start && isoDay <= period.end;
}

/** The period just before: the previous year, half, quarter or month; for a range, one as long ending the day before. */
export function previousPeriod(period: Period): Period {
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  switch (period.kind) {
    case 'year':
      return yearPeriod(year - 1);
    case 'half':
      return month === 1 ? halfPeriod(year - 1, 2) : halfPeriod(year, 1);
    case 'quarter': {
      const quarter = (month + 2) / 3;
      return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1);
    }
    case 'month':
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    case 'range': {
      const length = epochDayOf(period.end) - epochDayOf(period.start);
      const end = epochDayOf(period.start) - 1;
      return rangePeriod(fromEpochDay(end - length), fromEpochDay(end));
    }
  }
}

/** The calendar periods that hold a day, for grouping (`periods`, `query --by`). */
export function periodIdsOf(isoDay: string): Record<'year' | 'half' | 'quarter' | 'month', string> {
  const year = isoDay.slice(0, 4);
  const month = Number(isoDay.slice(5, 7));
  return {
    year,
    half: `${year}H${month <= 6 ? 1 : 2}`,
    quarter: `${year}Q${Math.ceil(month / 3)}`,
    month: isoDay.slice(0, 7),
  };
}

/** The months a period spans, as `YYYY-MM`. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let year = Number(period.start.slice(0, 4));
  let month = Number(period.start.slice(5, 7));
  for (let id = period.start.slice(0, 7); id <= period.end.slice(0, 7); ) {
    months.push(id);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
    id = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}
