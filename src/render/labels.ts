// The words the outputs print for the report's codes, in the reference publication's wording.
import type { AuthorityCategory, Outcome, UserCategory } from '../core/schema.js';

export const CATEGORY_TITLES: Record<AuthorityCategory, string> = {
  'technical-expertise': 'Requests for Non-Personal Technical Information & Expertise',
  'user-data': 'Requests for User Data',
};

export const CATEGORY_SHORT: Record<AuthorityCategory, string> = {
  'technical-expertise': 'Technical information & expertise',
  'user-data': 'User data',
};

export const OUTCOME_TITLES: Record<Outcome, string> = {
  approved: 'Processed and Approved',
  rejected: 'Processed and Rejected (No Data Found or Not Meeting Legal Verification Requirements)',
  challenged: 'Challenged',
  'clarification-requested': 'Clarification Requested',
  pending: 'Pending',
};

export const OUTCOME_SHORT: Record<Outcome, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  challenged: 'Challenged',
  'clarification-requested': 'Clarification req.',
  pending: 'Pending',
};

export const REPORT_TITLE = 'Law Enforcement and Government Requests Report';

export const USER_CATEGORY_SHORT: Record<UserCategory, string> = {
  'data-removal': 'Removal of personal data',
  'data-location': 'Location information',
  'data-copy': 'Copy of personal data',
};
