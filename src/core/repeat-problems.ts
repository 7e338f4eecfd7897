// The problems of a row whose id repeats an earlier row's: a duplicate (same content) or a conflict.
import type { Location } from './id-registry.js';
import type { Problem } from './problem.js';

export function duplicateProblem(file: string, line: number, first: Location): Problem {
  return {
    severity: 'warning', code: 'duplicate-row', file, line, column: 'id',
    message: `repeats the request at ${first.file}:${first.line} exactly; counted once`,
  };
}

export function conflictProblem(file: string, line: number, first: Location): Problem {
  return {
    severity: 'error', code: 'conflicting-id', file, line, column: 'id',
    message: `the id is already used at ${first.file}:${first.line} by a request with different content; ids must be unique`,
  };
}

/** A repeated id whose first row the second reading did not find: a log changed between readings. */
export function lostFirstRowProblem(file: string, line: number): Problem {
  return {
    severity: 'error', code: 'conflicting-id', file, line, column: 'id',
    message: 'repeats the id of an earlier request, whose row was not found when the logs were read again: did a log change during the run?',
  };
}

/** Where a repeated row's problem stands until the second reading tells it (see the intake's addTold). */
export const REPEAT_PLACEHOLDER: Problem = { severity: 'warning', code: 'duplicate-row', file: '', line: 0, column: 'id', message: '' };
