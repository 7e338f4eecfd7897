// Exit codes are part of the interface: scripts branch on them. Never renumber.
export const EXIT = {
  /** The report was built (or the logs checked) and nothing was wrong. */
  ok: 0,
  /** Some rows are invalid, or an approved request breaks a principle. A report may still have been written. */
  invalidData: 1,
  /** Wrong command line or config, or a file that cannot be read or written. Nothing was written. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The closing line of every command's --help. */
export const EXIT_CODES_HELP =
  'Exit codes: 0 clean, 1 invalid rows or a policy violation, 2 usage, config or I/O error, 3 a bug (please report it).';

/** The exit code of a run that read its input: errors in the data make it 1, warnings do not. */
export function exitCodeFor(outcome: { errors: number }): ExitCode {
  return outcome.errors > 0 ? EXIT.invalidData : EXIT.ok;
}
