// The users' section: the organisation's own users exercising their privacy rights (removal,
// location information, copy). Never mixed into the authority tables.
import type { z } from 'zod';
import type { UserRowSchema, UsersSectionSchema } from './schemas.js';
import { compareNames, countryName } from './country.js';
import { addHistograms, medianOf } from './stats.js';
import { REJECTION_REASONS, USER_CATEGORIES, type UserCategory } from './schema.js';
import type { DecisionHistogram, TallyEntry } from './tally.js';

export type UserRow = z.infer<typeof UserRowSchema>;

export type UsersSection = z.infer<typeof UsersSectionSchema>;

function summarise(entries: readonly TallyEntry[], times: readonly DecisionHistogram[]): Omit<UserRow, 'category'> {
  const sum = (filter: (entry: TallyEntry) => boolean) => entries.filter(filter).reduce((total, entry) => total + entry.count, 0);
  const histogram = addHistograms(times);
  const rejectedBy = Object.fromEntries(
    [...REJECTION_REASONS, 'unspecified' as const].map((reason) => [
      reason,
      sum((entry) => entry.outcome === 'rejected' && (entry.rejectionReason ?? 'unspecified') === reason),
    ]),
  ) as UserRow['rejectedBy'];
  return {
    received: sum(() => true),
    fulfilled: sum((entry) => entry.outcome === 'approved'),
    rejected: sum((entry) => entry.outcome === 'rejected'),
    rejectedBy,
    pending: sum((entry) => entry.outcome !== 'approved' && entry.outcome !== 'rejected'),
    medianDays: medianOf(histogram),
  };
}

function rowsOf(entries: readonly TallyEntry[], times: readonly DecisionHistogram[]): UserRow[] {
  return USER_CATEGORIES.map((category: UserCategory) => ({
    category,
    ...summarise(
      entries.filter((entry) => entry.category === category),
      times.filter((time) => time.category === category),
    ),
  }));
}

/** Builds the users' section from the tally of one period. */
export function buildUsersSection(
  allEntries: readonly TallyEntry[],
  allTimes: readonly DecisionHistogram[],
  byCountry: boolean,
): UsersSection {
  const entries = allEntries.filter((entry) => entry.requester === 'user');
  const times = allTimes.filter((time) => time.requester === 'user');
  const countries = [...new Set(entries.map((entry) => entry.country))]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => compareNames(a.name, b.name));
  return {
    rows: rowsOf(entries, times),
    total: summarise(entries, times),
    byCountry: byCountry
      ? countries.map(({ code, name }) => ({
          code,
          name,
          rows: rowsOf(
            entries.filter((entry) => entry.country === code),
            times.filter((time) => time.country === code),
          ),
        }))
      : null,
  };
}
