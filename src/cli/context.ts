// What a command needs from the process, passed in so that commands never reach for globals.
import type { ChalkInstance } from 'chalk';
import type { ExitCode } from './exit-codes.js';

export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  /** The terminal's width when stdout is one. */
  stdoutColumns?: number;
  /** Colour for the data on stdout and for diagnostics on stderr, each decided for its own stream. */
  stdoutChalk: ChalkInstance;
  stderrChalk: ChalkInstance;
  plainChalk: ChalkInstance;
  /** A line of diagnostics on stderr. */
  error(line: string): void;
  setExitCode(code: ExitCode): void;
}
