// Ad hoc queries over the counted requests: filters, then counts grouped by any dimensions in the
// order given, each with its share of the filtered total.
import { compareNames, countryName } from './country.js';
import { perMille } from './percent.js';
import { periodIdsOf } from './period.js';
import { CATEGORIES, OUTCOMES, REQUESTERS, type Category, type Outcome, type Requester } from './schema.js';
import type { TallyEntry } from './tally.js';

export const DIMENSIONS = ['country', 'category', 'outcome', 'requester', 'month', 'quarter', 'half', 'year'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface QueryFilters {
  countries?: ReadonlySet<string>;
  categories?: ReadonlySet<Category>;
  outcomes?: ReadonlySet<Outcome>;
  /** Absent: authorities' requests only, as in the report. */
  requesters?: ReadonlySet<Requester>;
}

export interface QueryRow {
  /** The value of each dimension in `by` order; for country, its alpha-2 code. */
  keys: string[];
  count: number;
  /** Share of the filtered total in percent, one decimal; the shares add up to exactly 100. */
  share: number;
}

export interface QueryResult {
  by: Dimension[];
  total: number;
  rows: QueryRow[];
}

const AUTHORITIES: ReadonlySet<Requester> = new Set(REQUESTERS.filter((requester) => requester !== 'user'));

function keyOf(entry: TallyEntry, dimension: Dimension): string {
  switch (dimension) {
    case 'country':
    case 'category':
    case 'outcome':
    case 'requester':
      return entry[dimension];
    default:
      return periodIdsOf(`${entry.month}-01`)[dimension];
  }
}

const ORDERS: Partial<Record<Dimension, readonly string[]>> = { category: CATEGORIES, outcome: OUTCOMES, requester: REQUESTERS };

function compareKeys(dimension: Dimension, a: string, b: string): number {
  const order = ORDERS[dimension];
  if (order) return order.indexOf(a) - order.indexOf(b);
  if (dimension === 'country') return compareNames(countryName(a), countryName(b)) || a.localeCompare(b);
  return a < b ? -1 : a > b ? 1 : 0; // period ids sort chronologically as text
}

export function runQuery(entries: readonly TallyEntry[], filters: QueryFilters, by: readonly Dimension[]): QueryResult {
  const requesters = filters.requesters ?? AUTHORITIES;
  const groups = new Map<string, { keys: string[]; count: number }>();
  let total = 0;
  for (const entry of entries) {
    if (!requesters.has(entry.requester)) continue;
    if (filters.countries && !filters.countries.has(entry.country)) continue;
    if (filters.categories && !filters.categories.has(entry.category)) continue;
    if (filters.outcomes && !filters.outcomes.has(entry.outcome)) continue;
    total += entry.count;
    const keys = by.map((dimension) => keyOf(entry, dimension));
    const id = keys.join('\u0001');
    const group = groups.get(id) ?? { keys, count: 0 };
    group.count += entry.count;
    groups.set(id, group);
  }
  const sorted = [...groups.values()].sort((a, b) => {
    for (let index = 0; index < by.length; index++) {
      const order = compareKeys(by[index]!, a.keys[index]!, b.keys[index]!);
      if (order !== 0) return order;
    }
    return 0;
  });
  const shares = perMille(sorted.map((group) => group.count));
  return { by: [...by], total, rows: sorted.map((group, index) => ({ ...group, share: shares[index]! / 10 })) };
}
