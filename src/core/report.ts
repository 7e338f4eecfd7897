// The report: what every output format renders. Its zod schema (ReportSchema, in schemas.ts) is the
// contract of the JSON output.
import type { z } from 'zod';
import type { CellSchema, ComparisonSchema, FigureSchema, ReportRowSchema, ReportSchema } from './schemas.js';
import { compareNames, countryName } from './country.js';
import type { IntakeResult } from './intake.js';
import { wholePercents } from './percent.js';
import { monthsOf, type Period } from './period.js';
import { AUTHORITY_CATEGORIES, OUTCOMES, REQUESTERS, type AuthorityCategory, type Outcome } from './schema.js';
import type { Tally, TallyEntry } from './tally.js';
import { buildNotices, buildResponseTimes } from './timing.js';
import { buildUsersSection } from './users-section.js';

export const SCHEMA_VERSION = 1;



export type Figure = z.infer<typeof FigureSchema>;

export type Cell = z.infer<typeof CellSchema>;

export type ReportRow = z.infer<typeof ReportRowSchema>;


export type Comparison = z.infer<typeof ComparisonSchema>;

export type Report = z.infer<typeof ReportSchema>;

const ALWAYS_SHOWN: readonly Outcome[] = ['approved', 'rejected'];

function isAuthorityEntry(entry: TallyEntry): entry is TallyEntry & { category: AuthorityCategory } {
  return entry.requester !== 'user';
}

/** The authorities' requests of a period, as the comparison gives them. */
interface Sums {
  total: number;
  countries: number;
  categories: Record<AuthorityCategory, number>;
}

interface Summary extends Sums {
  /** Months with an authority's request. */
  months: number;
}

/** The authorities' requests of a tally, summed from its cells' numbers (no entry objects: see Tally.forEachCount). */
function summarise(tally: Tally): Summary {
  const user = REQUESTERS.indexOf('user');
  const byCategory = AUTHORITY_CATEGORIES.map(() => 0);
  const countries = new Set<number>();
  const months = new Set<number>();
  let total = 0;
  tally.forEachCount((country, requester, category, _outcome, month, count) => {
    if (requester === user || category >= byCategory.length) return;
    total += count;
    byCategory[category]! += count;
    countries.add(country);
    months.add(month);
  });
  const categories = Object.fromEntries(AUTHORITY_CATEGORIES.map((category, index) => [category, byCategory[index]!])) as Record<AuthorityCategory, number>;
  return { total, countries: countries.size, months: months.size, categories };
}

/** Do the authorities' requests fall in at least half of the period's months? */
export function coversPeriod(entries: readonly TallyEntry[], period: Period): boolean {
  return coversMonths(new Set(entries.filter(isAuthorityEntry).map((entry) => entry.month)).size, period);
}

function coversMonths(covered: number, period: Period): boolean {
  return covered * 2 >= monthsOf(period).length;
}

/**
 * The comparison with the previous period, or null when the logs do not hold it: a few stray rows
 * of the period before (an export cut at a date) are no basis for a comparison, so its requests
 * must fall in at least half of its months.
 */
export function buildComparison(current: Tally, previous: Tally, previousPeriod: Period): Comparison | null {
  return compareWith(() => summarise(current), previous, previousPeriod);
}

/** buildComparison, given the current period's sums when it needs them (buildReport has them already). */
function compareWith(sums: () => Sums, previous: Tally, previousPeriod: Period): Comparison | null {
  const before = summarise(previous);
  if (before.total === 0 || !coversMonths(before.months, previousPeriod)) return null;
  const now = sums();
  const pair = (currentCount: number, previousCount: number) => ({ current: currentCount, previous: previousCount });
  return {
    period: previousPeriod,
    total: pair(now.total, before.total),
    countries: pair(now.countries, before.countries),
    categories: Object.fromEntries(
      AUTHORITY_CATEGORIES.map((category) => [category, pair(now.categories[category], before.categories[category])]),
    ) as Comparison['categories'],
  };
}

export interface ReportOptions {
  layout?: Report['layout'];
  /** The period to compare with in the summary, when the intake tallied it. */
  previousPeriod?: Period;
  /** Break the users' section down per country. */
  usersByCountry?: boolean;
}

/** Builds the report of one period from what the intake counted. */
export function buildReport(period: Period, intake: IntakeResult, options: ReportOptions = {}): Report {
  const { previousPeriod } = options;
  const entries = intake.tally.entries();
  const times = intake.tally.decisionHistograms();
  const authority = entries.filter(isAuthorityEntry);
  const occurring = new Set(authority.map((entry) => entry.outcome));
  const outcomes = OUTCOMES.filter((outcome) => ALWAYS_SHOWN.includes(outcome) || occurring.has(outcome));
  const categories = [...AUTHORITY_CATEGORIES];
  const slot = (category: AuthorityCategory, outcome: Outcome) =>
    categories.indexOf(category) * outcomes.length + outcomes.indexOf(outcome);

  const byCountry = new Map<string, number[]>();
  const totals = new Array<number>(categories.length * outcomes.length).fill(0);
  for (const entry of authority) {
    const counts = byCountry.get(entry.country) ?? new Array<number>(totals.length).fill(0);
    counts[slot(entry.category, entry.outcome)]! += entry.count;
    totals[slot(entry.category, entry.outcome)]! += entry.count;
    byCountry.set(entry.country, counts);
  }
  // Every outcome that occurs has its slots in `totals`, so their sums are all the authorities' requests.
  const currentSums = (): Sums => {
    const sumOf = (category: number) => outcomes.reduce((sum, _outcome, outcome) => sum + totals[category * outcomes.length + outcome]!, 0);
    const categorySums = categories.map((_, category) => sumOf(category));
    return {
      total: categorySums.reduce((sum, count) => sum + count, 0),
      countries: byCountry.size,
      categories: Object.fromEntries(categories.map((category, index) => [category, categorySums[index]!])) as Record<AuthorityCategory, number>,
    };
  };
  const rows = [...byCountry]
    .map(([code, counts]) => makeReportRow(code, countryName(code), counts, outcomes))
    .sort((a, b) => compareNames(a.name, b.name) || a.code!.localeCompare(b.code!));

  return {
    schemaVersion: SCHEMA_VERSION,
    period,
    layout: options.layout ?? 'outcomes',
    disclosure: null,
    categories,
    outcomes,
    rows,
    total: makeReportRow(null, 'TOTAL', totals, outcomes),
    userRequests: entries.filter((entry) => entry.requester === 'user').reduce((sum, entry) => sum + entry.count, 0),
    users: buildUsersSection(entries, times, options.usersByCountry ?? false),
    responseTimes: buildResponseTimes(times),
    notices: buildNotices(entries),
    comparison: previousPeriod && intake.comparisonTally ? compareWith(currentSums, intake.comparisonTally, previousPeriod) : null,
    ledger: intake.ledger,
    problems: {
      errors: intake.errorCount,
      warnings: intake.warningCount,
      list: intake.problems.map(({ severity, code, file, line, column }) => (column ? { severity, code, file, line, column } : { severity, code, file, line })),
    },
  };
}

/**
 * A report row from its counts: one per authority category and outcome, category after category
 * (`counts[category * outcomes.length + outcome]`), with their whole percentages.
 */
export function makeReportRow(code: string | null, name: string, counts: readonly number[], outcomes: readonly Outcome[]): ReportRow {
  const slot = (category: number, outcome: number) => category * outcomes.length + outcome;
  const percents = wholePercents(counts);
  const categoryCounts = AUTHORITY_CATEGORIES.map((_, category) => outcomes.reduce((sum, _outcome, outcome) => sum + counts[slot(category, outcome)]!, 0));
  const categoryPercents = wholePercents(categoryCounts);
  const total = counts.reduce((sum, count) => sum + count, 0);
  return {
    code,
    name,
    total: { count: total, percent: total > 0 ? 100 : 0 },
    categories: Object.fromEntries(
      AUTHORITY_CATEGORIES.map((category, index) => [category, { count: categoryCounts[index]!, percent: categoryPercents[index]! }]),
    ) as ReportRow['categories'],
    cells: AUTHORITY_CATEGORIES.flatMap((category, c) =>
      outcomes.map((outcome, o) => ({ category, outcome, count: counts[slot(c, o)]!, percent: percents[slot(c, o)]! })),
    ),
  };
}
