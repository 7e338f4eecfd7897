import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/core/schema.js';
import {
  foldName,
  matchCategory,
  matchColumn,
  matchOutcome,
  matchRejectionReason,
  matchRequester,
  matchUserNotice,
  type MatchResult,
} from '../../src/core/vocabulary.js';

function value<T>(result: MatchResult<T>): T | undefined {
  return result.ok ? result.value : undefined;
}

describe('foldName', () => {
  it.each([
    ['law-enforcement', 'law-enforcement'],
    ['Law Enforcement', 'law-enforcement'],
    ['LAW_ENFORCEMENT', 'law-enforcement'],
    ['  law   enforcement  ', 'law-enforcement'],
    ['law - enforcement', 'law-enforcement'],
    ['law__-  enforcement', 'law-enforcement'],
    ['Request Type', 'request-type'],
    ['request_type', 'request-type'],
  ])('%j → %j', (text, folded) => {
    expect(foldName(text)).toBe(folded);
  });
});

describe('matchRequester', () => {
  it.each([
    ['law-enforcement', 'law-enforcement'],
    ['Law Enforcement', 'law-enforcement'],
    ['LAW_ENFORCEMENT', 'law-enforcement'],
    ['police', 'law-enforcement'],
    ['LEA', 'law-enforcement'],
    ['Law Enforcement Agency', 'law-enforcement'],
    ['government', 'government'],
    ['GOVERNMENT', 'government'],
    ['govt', 'government'],
    ['Government Organisation', 'government'],
    ['government_organization', 'government'],
    ['International Organization', 'international-organization'],
    ['international organisation', 'international-organization'],
    ['IO', 'international-organization'],
    ['user', 'user'],
    ['Customer', 'user'],
    ['data subject', 'user'],
  ])('%j → %s', (text, expected) => {
    expect(value(matchRequester(text))).toBe(expected);
  });

  it('names the accepted values when it does not know one', () => {
    const result = matchRequester('the mayor');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('"the mayor" is not one of law-enforcement, government, international-organization, user');
  });
});

describe('matchCategory', () => {
  it.each([
    ['technical-expertise', 'technical-expertise'],
    ['Technical Expertise', 'technical-expertise'],
    ['technical_expertise', 'technical-expertise'],
    ['Non-personal technical information & expertise', 'technical-expertise'],
    ['Requests for non-personal technical information & expertise', 'technical-expertise'],
    ['technical', 'technical-expertise'],
    ['user-data', 'user-data'],
    ['User Data', 'user-data'],
    ['USER_DATA', 'user-data'],
    ['Requests for user data', 'user-data'],
    ['personal data', 'user-data'],
    ['data-removal', 'data-removal'],
    ['deletion', 'data-removal'],
    ['Erasure', 'data-removal'],
    ['data-location', 'data-location'],
    ['data access', 'data-location'],
    ['data-copy', 'data-copy'],
    ['Data Portability', 'data-copy'],
  ])('%j → %s', (text, expected) => {
    expect(value(matchCategory(text))).toBe(expected);
  });

  it.each(['data', 'technical stuff', 'userdata', ''])('%j is not a category', (text) => {
    const result = matchCategory(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/is not one of technical-expertise, user-data, data-removal, data-location, data-copy$/);
  });
});

describe('matchOutcome', () => {
  it.each([
    ['approved', 'approved'],
    ['Approved', 'approved'],
    ['APPROVED', 'approved'],
    ['granted', 'approved'],
    ['fulfilled', 'approved'],
    ['rejected', 'rejected'],
    ['Declined', 'rejected'],
    ['denied', 'rejected'],
    ['refused', 'rejected'],
    ['challenged', 'challenged'],
    ['clarification-requested', 'clarification-requested'],
    ['Clarification Requested', 'clarification-requested'],
    ['clarification_requested', 'clarification-requested'],
    ['awaiting clarification', 'clarification-requested'],
    ['pending', 'pending'],
    ['open', 'pending'],
    ['In Progress', 'pending'],
    ['in_progress', 'pending'],
  ])('%j → %s', (text, expected) => {
    expect(value(matchOutcome(text))).toBe(expected);
  });

  it.each(['done', 'approve', 'maybe'])('%j is not an outcome', (text) => {
    expect(matchOutcome(text).ok).toBe(false);
  });
});

describe('matchRejectionReason', () => {
  it.each([
    ['no-data-found', 'no-data-found'],
    ['No Data Found', 'no-data-found'],
    ['no data', 'no-data-found'],
    ['legal-verification-failed', 'legal-verification-failed'],
    ['Not meeting legal verification requirements', 'legal-verification-failed'],
    ['legally insufficient', 'legal-verification-failed'],
    ['prohibited-by-principles', 'prohibited-by-principles'],
    ['prohibited', 'prohibited-by-principles'],
    ['against principles', 'prohibited-by-principles'],
  ])('%j → %s', (text, expected) => {
    expect(value(matchRejectionReason(text))).toBe(expected);
  });

  it('refuses an unknown reason', () => {
    expect(matchRejectionReason('too busy').ok).toBe(false);
  });
});

describe('matchUserNotice', () => {
  it.each([
    ['yes', 'yes'],
    ['YES', 'yes'],
    ['true', 'yes'],
    ['Y', 'yes'],
    ['notified', 'yes'],
    ['no', 'no'],
    ['false', 'no'],
    ['n', 'no'],
    ['not notified', 'no'],
    ['not-permitted', 'not-permitted'],
    ['Not Permitted', 'not-permitted'],
    ['gag order', 'not-permitted'],
    ['prohibited by law', 'not-permitted'],
  ])('%j → %s', (text, expected) => {
    expect(value(matchUserNotice(text))).toBe(expected);
  });

  it('refuses an unknown notice', () => {
    expect(matchUserNotice('perhaps').ok).toBe(false);
  });
});

describe('matchColumn', () => {
  it.each<[string, Column | undefined]>([
    ['id', 'id'],
    ['ID', 'id'],
    [' Id ', 'id'],
    ['Received', 'received'],
    ['Country', 'country'],
    ['Requester', 'requester'],
    ['Category', 'category'],
    ['Request Type', 'request_type'],
    ['request-type', 'request_type'],
    ['REQUEST_TYPE', 'request_type'],
    ['Outcome', 'outcome'],
    ['Rejection Reason', 'rejection_reason'],
    ['Decided', 'decided'],
    ['User Notified', 'user_notified'],
    ['Agency', undefined],
    ['Notes', undefined],
    ['', undefined],
    ['requesttype', undefined],
  ])('%j → %s', (header, column) => {
    expect(matchColumn(header)).toBe(column);
  });

  it('uses aliases (keyed by folded spelling) before the built-in names', () => {
    const aliases = new Map<string, Column>([
      [foldName('Date Received'), 'received'],
      [foldName('Ticket'), 'id'],
      [foldName('Country'), 'requester'], // an alias may even override a built-in name
    ]);
    expect(matchColumn('Date Received', aliases)).toBe('received');
    expect(matchColumn('date_received', aliases)).toBe('received');
    expect(matchColumn('TICKET', aliases)).toBe('id');
    expect(matchColumn('Country', aliases)).toBe('requester');
    expect(matchColumn('Outcome', aliases)).toBe('outcome');
  });
});
