// Diagnostics go to stderr, one problem a line, `file:line: column: message`, so that stdout carries
// only data and editors or CI can point at the line.
import type { ChalkInstance } from 'chalk';
import type { IntakeResult } from '../core/intake.js';
import { formatProblem } from '../core/problem.js';

export function formatDiagnostics(result: IntakeResult, chalk: ChalkInstance): string[] {
  const lines = result.problems.map((problem) =>
    problem.severity === 'error'
      ? `${chalk.red.bold('error:')} ${formatProblem(problem)}`
      : `${chalk.yellow.bold('warning:')} ${formatProblem(problem)}`,
  );
  const shown = result.problems.length;
  const all = result.errorCount + result.warningCount;
  if (all > shown) lines.push(chalk.dim(`… and ${all - shown} more problems not listed (--max-problems 0 lists them all)`));
  if (result.ignoredColumns.length > 0) {
    lines.push(`${chalk.dim('note:')} ignored columns the tool does not use: ${result.ignoredColumns.join(', ')}`);
  }
  return lines;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line that accounts for every row read. */
export function formatLedgerLine(result: IntakeResult, periodLabel?: string): string {
  const { read, counted, invalid, duplicate, outsidePeriod } = result.ledger;
  const parts = [`${plural(read, 'row')} read in ${plural(result.files, 'file')}: ${counted} counted`, `${invalid} invalid`, `${duplicate} duplicate`];
  if (periodLabel) parts.push(`${outsidePeriod} outside ${periodLabel}`);
  return parts.join(', ');
}

export function formatProblemCount(result: IntakeResult): string {
  return `${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}`;
}
