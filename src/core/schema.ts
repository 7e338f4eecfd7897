// The vocabulary of a request log. Every enumerated value the tool accepts is defined here,
// once, as a zod schema; the TypeScript types are inferred from them.
import type { z } from 'zod';
import type { CategorySchema, OutcomeSchema, RejectionReasonSchema, RequestRecordSchema, RequesterSchema, UserNoticeSchema } from './schemas.js';

export const REQUESTERS = ['law-enforcement', 'government', 'international-organization', 'user'] as const;
export type Requester = z.infer<typeof RequesterSchema>;

/** Categories of requests from authorities: the two tables of the report. */
export const AUTHORITY_CATEGORIES = ['technical-expertise', 'user-data'] as const;
/** Categories of requests from the organisation's own users (privacy rights). */
export const USER_CATEGORIES = ['data-removal', 'data-location', 'data-copy'] as const;
export const CATEGORIES = [...AUTHORITY_CATEGORIES, ...USER_CATEGORIES] as const;
export type Category = z.infer<typeof CategorySchema>;
export type AuthorityCategory = (typeof AUTHORITY_CATEGORIES)[number];
export type UserCategory = (typeof USER_CATEGORIES)[number];

/** Outcomes in report order: the two decided ones first, as the published tables show them. */
export const OUTCOMES = ['approved', 'rejected', 'challenged', 'clarification-requested', 'pending'] as const;
export type Outcome = z.infer<typeof OutcomeSchema>;

export const REJECTION_REASONS = ['no-data-found', 'legal-verification-failed', 'prohibited-by-principles'] as const;
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const USER_NOTICES = ['yes', 'no', 'not-permitted'] as const;
export type UserNotice = z.infer<typeof UserNoticeSchema>;


export type RequestRecord = z.infer<typeof RequestRecordSchema>;

/** The columns the tool knows, in canonical (snake_case) spelling. */
export const COLUMNS = [
  'id',
  'received',
  'country',
  'requester',
  'category',
  'request_type',
  'outcome',
  'rejection_reason',
  'decided',
  'user_notified',
] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly Column[] = ['id', 'received', 'country', 'outcome'];

export function isAuthorityCategory(category: Category): category is AuthorityCategory {
  return (AUTHORITY_CATEGORIES as readonly string[]).includes(category);
}

export function isUserCategory(category: Category): category is UserCategory {
  return (USER_CATEGORIES as readonly string[]).includes(category);
}
