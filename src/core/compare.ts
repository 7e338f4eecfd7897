// Two periods side by side: per country and category, the counts in both, the absolute and relative
// change, and which countries appear or disappear.
import type { z } from 'zod';
import type { CompareReportSchema, CompareRowSchema } from './schemas.js';
import { compareNames, countryName } from './country.js';
import type { Period } from './period.js';
import { AUTHORITY_CATEGORIES, type AuthorityCategory } from './schema.js';
import type { TallyEntry } from './tally.js';

export const COMPARE_CATEGORIES = [...AUTHORITY_CATEGORIES, 'all'] as const;

export type CompareRow = z.infer<typeof CompareRowSchema>;

export type CompareReport = z.infer<typeof CompareReportSchema>;

type Counts = Map<string, Record<AuthorityCategory, number>>;

function countByCountry(entries: readonly TallyEntry[]): Counts {
  const counts: Counts = new Map();
  for (const entry of entries) {
    if (entry.requester === 'user' || (entry.category !== 'technical-expertise' && entry.category !== 'user-data')) continue;
    const row = counts.get(entry.country) ?? { 'technical-expertise': 0, 'user-data': 0 };
    row[entry.category] += entry.count;
    counts.set(entry.country, row);
  }
  return counts;
}

function row(code: string | null, name: string, category: CompareRow['category'], current: number, previous: number, status: CompareRow['status']): CompareRow {
  const change = current - previous;
  return {
    code,
    name,
    category,
    current,
    previous,
    change,
    changePercent: previous === 0 ? null : Math.round((change / previous) * 1000) / 10,
    status,
  };
}

function rowsFor(code: string | null, name: string, current: Record<AuthorityCategory, number>, previous: Record<AuthorityCategory, number>, status: CompareRow['status']): CompareRow[] {
  const sum = (counts: Record<AuthorityCategory, number>) => counts['technical-expertise'] + counts['user-data'];
  return [
    ...AUTHORITY_CATEGORIES.map((category) => row(code, name, category, current[category], previous[category], status)),
    row(code, name, 'all', sum(current), sum(previous), status),
  ];
}

export function buildCompareReport(period: Period, withPeriod: Period, current: readonly TallyEntry[], previous: readonly TallyEntry[]): CompareReport {
  const now = countByCountry(current);
  const before = countByCountry(previous);
  const zero = { 'technical-expertise': 0, 'user-data': 0 };
  const codes = [...new Set([...now.keys(), ...before.keys()])].sort((a, b) => compareNames(countryName(a), countryName(b)));
  const status = (code: string): CompareRow['status'] => (!before.has(code) ? 'new' : !now.has(code) ? 'gone' : 'both');
  const totals = (counts: Counts) => {
    const total = { ...zero };
    for (const value of counts.values()) for (const category of AUTHORITY_CATEGORIES) total[category] += value[category];
    return total;
  };
  return {
    schemaVersion: 1,
    period,
    with: withPeriod,
    rows: codes.flatMap((code) => rowsFor(code, countryName(code), now.get(code) ?? zero, before.get(code) ?? zero, status(code))),
    total: rowsFor(null, 'TOTAL', totals(now), totals(before), 'both'),
    countriesNew: codes.filter((code) => status(code) === 'new').map(countryName),
    countriesGone: codes.filter((code) => status(code) === 'gone').map(countryName),
  };
}
