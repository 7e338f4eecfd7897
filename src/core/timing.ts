// Response times (median and 90th percentile of days from received to decided, per category, as the
// EU DSA transparency templates ask) and user notice for user-data requests.
import type { z } from 'zod';
import type { NoticesSchema, ResponseTimeSchema } from './schemas.js';
import { addHistograms, medianOf, percentileOf } from './stats.js';
import { AUTHORITY_CATEGORIES, CATEGORIES, USER_NOTICES } from './schema.js';
import type { DecisionHistogram, TallyEntry } from './tally.js';

export type ResponseTime = z.infer<typeof ResponseTimeSchema>;

export type Notices = z.infer<typeof NoticesSchema>;

export function buildResponseTimes(times: readonly DecisionHistogram[]): ResponseTime[] {
  const groups: Array<{ requester: ResponseTime['requester']; category: ResponseTime['category'] }> = [
    ...AUTHORITY_CATEGORIES.map((category) => ({ requester: 'authorities' as const, category })),
    ...CATEGORIES.filter((category) => !(AUTHORITY_CATEGORIES as readonly string[]).includes(category)).map((category) => ({
      requester: 'users' as const,
      category,
    })),
  ];
  return groups.map(({ requester, category }) => {
    const histogram = addHistograms(
      times.filter((time) => time.category === category && (time.requester === 'user') === (requester === 'users')),
    );
    let decided = 0;
    for (const count of histogram.values()) decided += count;
    return { requester, category, decided, medianDays: medianOf(histogram), p90Days: percentileOf(histogram, 90) };
  });
}

export function buildNotices(entries: readonly TallyEntry[]): Notices {
  const counts = Object.fromEntries([...USER_NOTICES, 'unrecorded'].map((notice) => [notice, 0])) as Record<string, number>;
  for (const entry of entries) {
    if (entry.requester === 'user' || entry.category !== 'user-data') continue;
    counts[entry.userNotified ?? 'unrecorded']! += entry.count;
  }
  return { notified: counts.yes!, notNotified: counts.no!, notPermitted: counts['not-permitted']!, notRecorded: counts.unrecorded! };
}
