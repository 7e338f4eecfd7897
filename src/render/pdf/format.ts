// How the PDF writes numbers and dates. Written out by hand rather than with Intl so that the bytes of
// the PDF cannot depend on the ICU data of the machine that renders it.
import type { Period } from '../../core/period.js';
import type { Figure } from '../../core/report.js';
import { countText } from '../figure-text.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** 1234567 → "1,234,567". */
export function formatCount(count: number): string {
  const digits = String(Math.abs(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return count < 0 ? `\u2212${digits}` : digits;
}

/** A figure of the tables: what disclosure control prints in its place ("< 5", "0–249"), else its count. */
export function formatFigure(figure: Figure): string {
  return figure.count === null || figure.display !== undefined ? countText(figure) : formatCount(figure.count);
}

export function formatPercent(percent: number): string {
  return `${percent}%`;
}

/** A change with its sign: "+12", "−3" (a true minus sign), "0". */
export function formatChange(change: number): string {
  if (change === 0) return '0';
  return change > 0 ? `+${formatCount(change)}` : formatCount(change);
}

/** "2021-03-15" → "15 March 2021". */
export function formatIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
}

/** Seconds since the epoch → the UTC calendar date, "15 March 2021". */
export function formatTimestamp(seconds: number): string {
  return formatIsoDate(new Date(seconds * 1000).toISOString().slice(0, 10));
}

/** "1 January – 31 December 2020", with the year once when both ends share it. */
export function formatSpan(period: Pick<Period, 'start' | 'end'>): string {
  const start = formatIsoDate(period.start);
  const end = formatIsoDate(period.end);
  if (period.start.slice(0, 4) === period.end.slice(0, 4)) return `${start.replace(/ \d+$/, '')} \u2013 ${end}`;
  return `${start} \u2013 ${end}`;
}
