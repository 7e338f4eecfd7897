// The users' section: the organisation's own users exercising their privacy rights (removal,
// location information, copy). Never mixed into the authority tables.
import { z } from 'zod';
import { countryName } from './country.js';
import { histogramOf, medianOf } from './stats.js';
import { REJECTION_REASONS, USER_CATEGORIES, type UserCategory } from './schema.js';
import type { DecisionTimeEntry, TallyEntry } from './tally.js';

const UserRowSchema = z.object({
  category: z.enum(USER_CATEGORIES),
  received: z.number().int(),
  /** Approved: the data was removed, the information given, the copy sent. */
  fulfilled: z.number().int(),
  rejected: z.number().int(),
  rejectedBy: z.record(z.enum([...REJECTION_REASONS, 'unspecified']), z.number().int()),
  /** Not decided yet: pending, challenged or awaiting clarification. */
  pending: z.number().int(),
  /** Median days from received to decided, over decided requests; null when none was decided. */
  medianDays: z.number().nullable(),
});
export type UserRow = z.infer<typeof UserRowSchema>;

export const UsersSectionSchema = z.object({
  rows: z.array(UserRowSchema),
  total: UserRowSchema.omit({ category: true }),
  /** Per country, when the config asks for it (users.byCountry). */
  byCountry: z
    .array(z.object({ code: z.string(), name: z.string(), rows: z.array(UserRowSchema) }))
    .nullable(),
});
export type UsersSection = z.infer<typeof UsersSectionSchema>;

function summarise(entries: readonly TallyEntry[], times: readonly DecisionTimeEntry[]): Omit<UserRow, 'category'> {
  const sum = (filter: (entry: TallyEntry) => boolean) => entries.filter(filter).reduce((total, entry) => total + entry.count, 0);
  const histogram = histogramOf(times);
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

function rowsOf(entries: readonly TallyEntry[], times: readonly DecisionTimeEntry[]): UserRow[] {
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
  allTimes: readonly DecisionTimeEntry[],
  byCountry: boolean,
): UsersSection {
  const entries = allEntries.filter((entry) => entry.requester === 'user');
  const times = allTimes.filter((time) => time.requester === 'user');
  const countries = [...new Set(entries.map((entry) => entry.country))]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
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
