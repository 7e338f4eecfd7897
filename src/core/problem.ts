// A problem found in the input: where it is (file, line, column) and what is wrong with it.
import type { z } from 'zod';
import type { ProblemCodeSchema, ProblemSchema } from './schemas.js';

export const PROBLEM_CODES = [
  'csv-syntax', // the CSV itself cannot be read there
  'field-count', // a record with more or fewer fields than the header
  'missing-column', // a required column is absent: the file's rows cannot be read
  'duplicate-column', // two header cells name the same known column
  'encoding', // not UTF-8
  'missing-value', // a required cell is empty
  'invalid-value', // a cell that does not hold a value of its column
  'inconsistent', // cells that contradict each other (a reason without a rejection, decided before received)
  'unclassified', // neither category nor request type says what was asked
  'conflicting-id', // the same id with different content
  'duplicate-row', // the same id with the same content: counted once
  'policy-violation', // an approved request the principles forbid
  'empty-input', // a file with no header or no rows
] as const;
export type ProblemCode = z.infer<typeof ProblemCodeSchema>;

export type Problem = z.infer<typeof ProblemSchema>;

/** `file:line: column: message`, the form editors and CI annotate from. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.column ? `${problem.column}: ` : ''}${problem.message}`;
}
