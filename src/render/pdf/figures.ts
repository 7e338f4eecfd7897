// The summary's figures, derived from the report only: per category the number of requests and the
// share of each outcome, and the change from the previous period. Kept apart from drawing so that
// they can be checked without a PDF.
import type { Report } from '../../core/report.js';
import { wholePercents } from '../../core/percent.js';
import type { AuthorityCategory, Outcome } from '../../core/schema.js';

export interface OutcomeShare {
  outcome: Outcome;
  count: number;
  /** Share of the category's requests, whole percent (largest remainder, adds to 100). */
  percent: number;
}

export interface CategorySummary {
  /** null for all categories together. */
  category: AuthorityCategory | null;
  requests: number;
  /** Share of all requests, whole percent. */
  shareOfAll: number;
  outcomes: OutcomeShare[];
}

/** One line per category, then all requests, each with its outcomes as shares of that line's requests. */
export function categorySummaries(report: Report): CategorySummary[] {
  const countOf = (category: AuthorityCategory | null, outcome: Outcome) =>
    report.total.cells
      .filter((cell) => (category === null || cell.category === category) && cell.outcome === outcome)
      .reduce((sum, cell) => sum + cell.count, 0);
  const lines = [...report.categories, null].map((category) => {
    const counts = report.outcomes.map((outcome) => countOf(category, outcome));
    const percents = wholePercents(counts);
    return {
      category,
      requests: counts.reduce((sum, count) => sum + count, 0),
      outcomes: report.outcomes.map((outcome, index) => ({ outcome, count: counts[index]!, percent: percents[index]! })),
    };
  });
  const shares = wholePercents(lines.slice(0, -1).map((line) => line.requests));
  return lines.map((line, index) => ({ ...line, shareOfAll: line.category === null ? (line.requests > 0 ? 100 : 0) : shares[index]! }));
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
