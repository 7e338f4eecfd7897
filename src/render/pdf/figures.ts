// The summary's figures, derived from the report only: per category the number of requests and the
// share of each outcome, and the change from the previous period. Kept apart from drawing so that
// they can be checked without a PDF. Under disclosure control a figure the core withheld stays
// withheld here: a share or a sum is given only when every count it is made of is published.
import type { Figure, Report } from '../../core/report.js';
import { wholePercents } from '../../core/percent.js';
import type { AuthorityCategory, Outcome } from '../../core/schema.js';

/** The count of a figure that must be exact (the chart, the comparison): never one under disclosure control. */
export function exactCount(figure: Figure): number {
  if (figure.count === null) throw new Error('a withheld figure cannot be drawn exactly');
  return figure.count;
}

/** A sum the report does not publish, printed where one of its parts is withheld. */
const UNKNOWN: Figure = { count: null, percent: null, display: '–' };

export interface OutcomeShare {
  outcome: Outcome;
  count: Figure;
  /** Share of the category's requests, whole percent (largest remainder, adds to 100); null when a count is withheld. */
  percent: number | null;
}

export interface CategorySummary {
  /** null for all categories together. */
  category: AuthorityCategory | null;
  requests: Figure;
  /** Share of all requests, whole percent; null when withheld. */
  shareOfAll: number | null;
  outcomes: OutcomeShare[];
}

/** Shares of known counts, or nulls when any count is withheld. */
function sharesOf(counts: Figure[]): (number | null)[] {
  const exact = counts.map((figure) => figure.count);
  return exact.every((count): count is number => count !== null) ? wholePercents(exact) : exact.map(() => null);
}

/** One line per category, then all requests, each with its outcomes as shares of that line's requests. */
export function categorySummaries(report: Report): CategorySummary[] {
  const { total } = report;
  const cellOf = (category: AuthorityCategory, outcome: Outcome) => total.cells.find((cell) => cell.category === category && cell.outcome === outcome)!;
  // The TOTAL row publishes categories but not outcomes across categories: that sum is printed only
  // when all its parts are, as it would otherwise give a withheld part back.
  const allOf = (outcome: Outcome): Figure => {
    const parts = report.categories.map((category) => cellOf(category, outcome));
    if (parts.some((part) => part.count === null)) return UNKNOWN;
    return { count: parts.reduce((sum, part) => sum + part.count!, 0), percent: null };
  };
  return [...report.categories, null].map((category) => {
    const counts = report.outcomes.map((outcome) => (category === null ? allOf(outcome) : cellOf(category, outcome)));
    const percents = sharesOf(counts);
    return {
      category,
      requests: category === null ? total.total : total.categories[category],
      // The TOTAL row's percentages are shares of all requests, computed by the core as this summary did.
      shareOfAll: category === null ? total.total.percent : total.categories[category].percent,
      outcomes: report.outcomes.map((outcome, index) => ({ outcome, count: counts[index]!, percent: percents[index]! })),
    };
  });
}

export interface ChangeLine {
  /** A category, all requests ('total') or the number of countries ('countries'). */
  subject: AuthorityCategory | 'total' | 'countries';
  previous: number;
  current: number;
  change: number;
  /** Relative change in whole percent, rounded half away from zero; null when there was nothing before. */
  relative: number | null;
}

export function relativeChange(previous: number, current: number): number | null {
  if (previous === 0) return null;
  const change = ((current - previous) * 100) / previous;
  return Math.sign(change) * Math.round(Math.abs(change));
}

/** The comparison with the previous period, line by line; empty when the report has none. */
export function changeLines(report: Report): ChangeLine[] {
  const comparison = report.comparison;
  if (!comparison) return [];
  const line = (subject: ChangeLine['subject'], pair: { previous: number; current: number }): ChangeLine => ({
    subject,
    previous: pair.previous,
    current: pair.current,
    change: pair.current - pair.previous,
    relative: relativeChange(pair.previous, pair.current),
  });
  return [
    ...report.categories.map((category) => line(category, comparison.categories[category])),
    line('total', comparison.total),
    line('countries', comparison.countries),
  ];
}
