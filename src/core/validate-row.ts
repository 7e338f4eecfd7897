// One log row → a normalised request record, or every problem the row has (not just the first).
import type { Classification, Classifier } from './classify.js';
import { resolveCountry } from './country.js';
import { parseLogDate } from './dates.js';
import type { Problem } from './problem.js';
import { isUserCategory, type Column, type RequestRecord } from './schema.js';
import {
  matchCategory,
  matchOutcome,
  matchRejectionReason,
  matchRequester,
  matchUserNotice,
  type MatchResult,
} from './vocabulary.js';

export type ColumnIndex = Partial<Record<Column, number>>;

export interface RowContext {
  file: string;
  line: number;
  columns: ColumnIndex;
  classifier: Classifier;
  /** Today (UTC, ISO day): a request cannot be received or decided after it. */
  today?: string;
}

export type RowResult =
  /**
   * `findings` are problems that do not stop the row from being counted (a policy violation);
   * `classifiedBy` says what decided the category: the category column, or the id of a rule.
   */
  | { ok: true; record: RequestRecord; findings: Problem[]; classifiedBy: string }
  | { ok: false; problems: Problem[] };

const PROHIBITED_WORDING = {
  'encryption-keys': 'asks for encryption keys',
  'undeclared-capabilities': 'asks for undeclared capabilities (a backdoor)',
  'direct-access': 'asks for direct access to user data or infrastructure',
} as const;

export function validateRow(fields: readonly string[], context: RowContext): RowResult {
  const problems: Problem[] = [];
  const report = (column: Column, code: Problem['code'], message: string) =>
    problems.push({ severity: 'error', code, file: context.file, line: context.line, column, message });

  const cell = (column: Column): string => {
    const index = context.columns[column];
    if (index === undefined) return '';
    const value = (fields[index] ?? '').trim();
    if (value.includes('\uFFFD')) {
      report(column, 'encoding', 'holds bytes that are not valid UTF-8; save the file as UTF-8');
      return '';
    }
    return value;
  };
  const required = (column: Column, hint: string): string => {
    const value = cell(column);
    // An unreadable cell is reported once, as such, not also as empty.
    if (!value && !problems.some((problem) => problem.column === column)) report(column, 'missing-value', `is empty; ${hint}`);
    return value;
  };
  const enumerated = <T>(column: Column, text: string, match: (text: string) => MatchResult<T>): T | undefined => {
    if (!text) return undefined;
    const result = match(text);
    if (result.ok) return result.value;
    report(column, 'invalid-value', result.message);
    return undefined;
  };
  const date = (column: Column, text: string): string | undefined => {
    if (!text) return undefined;
    const result = parseLogDate(text);
    if (!result.ok) {
      report(column, 'invalid-value', result.message);
      return undefined;
    }
    if (context.today && result.day > context.today) {
      report(column, 'invalid-value', `${result.day} is in the future (today is ${context.today})`);
      return undefined;
    }
    return result.day;
  };

  const id = required('id', 'every request needs its reference');
  const received = date('received', required('received', 'give the day the request came in, YYYY-MM-DD'));
  const countryText = required('country', 'give a country name or ISO code');
  let country: string | undefined;
  if (countryText) {
    const result = resolveCountry(countryText);
    if (result.ok) country = result.country.code;
    else report('country', 'invalid-value', result.message);
  }
  const requesterText = cell('requester');
  const requester = requesterText ? enumerated('requester', requesterText, matchRequester) : 'law-enforcement';
  const outcome = enumerated('outcome', required('outcome', 'give approved, rejected, challenged, clarification-requested or pending'), matchOutcome);
  const rejectionReason = enumerated('rejection_reason', cell('rejection_reason'), matchRejectionReason);
  const decided = date('decided', cell('decided'));
  const userNotified = enumerated('user_notified', cell('user_notified'), matchUserNotice);
  const requestType = cell('request_type');
  const categoryText = cell('category');
  let category = enumerated('category', categoryText, matchCategory);
  const unreadable = (column: Column) => problems.some((problem) => problem.column === column && problem.code === 'encoding');

  if (rejectionReason && outcome && outcome !== 'rejected') {
    report('rejection_reason', 'inconsistent', `is "${rejectionReason}" but the outcome is "${outcome}"; a rejection reason goes only with rejected`);
  }
  if (received && decided && decided < received) {
    report('decided', 'inconsistent', `${decided} is before the request was received (${received})`);
  }

  let prohibited: string | undefined;
  let classifiedBy = 'category column';
  if (requester) {
    const audience = requester === 'user' ? 'user' : 'authority';
    // The category rules only for a row whose category column is empty (see Classifier.prohibition).
    const byRules = !category && !categoryText && !unreadable('category');
    let classification: Classification = {};
    if (requestType && byRules) classification = context.classifier.classify(requestType, audience);
    else if (requestType && audience === 'authority') classification = { prohibited: context.classifier.prohibition(requestType) };
    if (classification.prohibited) prohibited = PROHIBITED_WORDING[classification.prohibited.kind];
    if (category) {
      if (audience === 'user' && !isUserCategory(category)) {
        report('category', 'inconsistent', `"${category}" is a category of authorities' requests, but the requester is a user; users' categories are data-removal, data-location, data-copy`);
      } else if (audience === 'authority' && isUserCategory(category)) {
        report('category', 'inconsistent', `"${category}" is a category of users' requests, but the requester is "${requester}"; use technical-expertise or user-data`);
      }
    } else if (byRules) {
      category = classification.category;
      classifiedBy = `rule ${classification.rule ?? ''}`;
      if (!category && !unreadable('request_type')) {
        report(
          'request_type',
          'unclassified',
          requestType
            ? `"${requestType}" matches no classification rule; fill in the category column or add a rule`
            : `category and request_type are both empty; one of them must say what was asked`,
        );
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  const record: RequestRecord = {
    id,
    received: received!,
    country: country!,
    requester: requester!,
    category: category!,
    requestType,
    outcome: outcome!,
  };
  if (rejectionReason) record.rejectionReason = rejectionReason;
  if (decided) record.decided = decided;
  if (userNotified) record.userNotified = userNotified;
  // A policy violation is a fact the log records: the request is counted, and the run fails.
  const findings: Problem[] = [];
  if (prohibited && outcome === 'approved') {
    findings.push({
      severity: 'error',
      code: 'policy-violation',
      file: context.file,
      line: context.line,
      column: 'request_type',
      message: `the request ${prohibited} and was approved; the principles say such requests are always declined`,
    });
  }
  return { ok: true, record, findings, classifiedBy };
}
