// The periods present in the logs, with their request counts, so that a pipeline can build every
// half-year (or year, quarter, month) in a loop.
import type { z } from 'zod';
import type { PeriodCountSchema } from './schemas.js';
import { parsePeriod, periodIdsOf } from './period.js';
import type { TallyEntry } from './tally.js';

export const GRANULARITIES = ['year', 'half', 'quarter', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export type PeriodCount = z.infer<typeof PeriodCountSchema>;

export function listPeriods(entries: readonly TallyEntry[], granularity: Granularity): PeriodCount[] {
  const counts = new Map<string, { authority: number; user: number }>();
  for (const entry of entries) {
    const id = periodIdsOf(`${entry.month}-01`)[granularity];
    const count = counts.get(id) ?? { authority: 0, user: 0 };
    if (entry.requester === 'user') count.user += entry.count;
    else count.authority += entry.count;
    counts.set(id, count);
  }
  return [...counts.keys()].sort().map((id) => {
    const parsed = parsePeriod(id);
    if (!parsed.ok) throw new Error(`internal: period id ${id} does not parse`);
    const { label, start, end } = parsed.period;
    const count = counts.get(id)!;
    return { period: id, label, start, end, authorityRequests: count.authority, userRequests: count.user };
  });
}
