// Matching the values of enumerated columns: case-insensitive, with `-`, `_` and space equivalent,
// and the wordings case systems and the reference publication use for the same thing.
import {
  CATEGORIES,
  COLUMNS,
  type Column,
  OUTCOMES,
  REJECTION_REASONS,
  REQUESTERS,
  USER_NOTICES,
  type Category,
  type Outcome,
  type RejectionReason,
  type Requester,
  type UserNotice,
} from './schema.js';

/** Folds a value or a header name: case, surrounding spaces and the `-`/`_`/space distinction do not matter. */
export function foldName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

function table<T extends string>(canonical: readonly T[], aliases: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const value of canonical) map.set(foldName(value), value);
  for (const [alias, value] of Object.entries(aliases)) map.set(foldName(alias), value);
  return map;
}

const REQUESTER_VALUES = table<Requester>(REQUESTERS, {
  'law enforcement agency': 'law-enforcement', police: 'law-enforcement', le: 'law-enforcement', lea: 'law-enforcement',
  gov: 'government', govt: 'government', 'government organisation': 'government', 'government organization': 'government',
  'international organisation': 'international-organization', io: 'international-organization',
  customer: 'user', 'data subject': 'user',
});

const CATEGORY_VALUES = table<Category>(CATEGORIES, {
  'non-personal technical information & expertise': 'technical-expertise',
  'non-personal technical information and expertise': 'technical-expertise',
  'requests for non-personal technical information & expertise': 'technical-expertise',
  'technical information & expertise': 'technical-expertise',
  'technical information': 'technical-expertise',
  'technical expertise': 'technical-expertise',
  technical: 'technical-expertise',
  expertise: 'technical-expertise',
  'requests for user data': 'user-data',
  'user data': 'user-data',
  'personal data': 'user-data',
  removal: 'data-removal', deletion: 'data-removal', erasure: 'data-removal', 'remove my data': 'data-removal',
  location: 'data-location', 'data access': 'data-location', access: 'data-location', 'location information': 'data-location',
  copy: 'data-copy', 'data portability': 'data-copy', portability: 'data-copy',
});

const OUTCOME_VALUES = table<Outcome>(OUTCOMES, {
  accepted: 'approved', granted: 'approved', fulfilled: 'approved', provided: 'approved',
  declined: 'rejected', denied: 'rejected', refused: 'rejected',
  clarification: 'clarification-requested', 'awaiting clarification': 'clarification-requested',
  open: 'pending', 'in progress': 'pending', 'in-progress': 'pending',
});

const REJECTION_VALUES = table<RejectionReason>(REJECTION_REASONS, {
  'no data': 'no-data-found',
  'not meeting legal verification requirements': 'legal-verification-failed',
  'legal verification': 'legal-verification-failed',
  'legally insufficient': 'legal-verification-failed',
  prohibited: 'prohibited-by-principles',
  'against principles': 'prohibited-by-principles',
});

const NOTICE_VALUES = table<UserNotice>(USER_NOTICES, {
  true: 'yes', y: 'yes', notified: 'yes',
  false: 'no', n: 'no', 'not notified': 'no',
  'not permitted': 'not-permitted', 'prohibited by law': 'not-permitted', 'gag order': 'not-permitted',
});

export type MatchResult<T> = { ok: true; value: T } | { ok: false; message: string };

function matcher<T extends string>(values: Map<string, T>, canonical: readonly T[]) {
  return (text: string): MatchResult<T> => {
    const value = values.get(foldName(text));
    if (value !== undefined) return { ok: true, value };
    return { ok: false, message: `"${text}" is not one of ${canonical.join(', ')}` };
  };
}

export const matchRequester = matcher(REQUESTER_VALUES, REQUESTERS);
export const matchCategory = matcher(CATEGORY_VALUES, CATEGORIES);
export const matchOutcome = matcher(OUTCOME_VALUES, OUTCOMES);
export const matchRejectionReason = matcher(REJECTION_VALUES, REJECTION_REASONS);
export const matchUserNotice = matcher(NOTICE_VALUES, USER_NOTICES);

const COLUMN_NAMES = table<Column>(COLUMNS, {});

/** The canonical column a header cell names, or undefined for a column the tool does not know. */
export function matchColumn(header: string, aliases: ReadonlyMap<string, Column> = new Map()): Column | undefined {
  const folded = foldName(header);
  return aliases.get(folded) ?? COLUMN_NAMES.get(folded);
}
