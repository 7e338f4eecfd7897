// Option parsers shared by the commands: each turns a string into a value or a clear usage error.
import { InvalidArgumentError, type Command } from 'commander';
import { parsePeriod, type Period } from '../core/period.js';
import { FORMATS, type Format } from '../render/renderers.js';
import { REPORT_SECTIONS, type ReportSection } from '../render/sections.js';
import { UsageError } from './usage-error.js';

export function periodOption(text: string): Period {
  const result = parsePeriod(text);
  if (!result.ok) throw new InvalidArgumentError(result.message);
  return result.period;
}

export function formatOption(text: string): Format {
  const format = text.trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new InvalidArgumentError(`"${text}" is not a format; use ${FORMATS.join(', ')}`);
}

export function pageSizeOption(text: string): 'A4' | 'LETTER' {
  const size = text.trim().toUpperCase();
  if (size === 'A4' || size === 'LETTER') return size;
  throw new InvalidArgumentError(`"${text}" is not a page size; use a4 or letter`);
}

/** `--logs a.csv --logs dir/` and `--logs a.csv b.csv` both collect every path. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): the time every output states, so that two builds of the
 * same logs are byte-identical. Absent: now.
 */
export function sourceDateEpoch(env: Readonly<Record<string, string | undefined>>, now: number): number {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return Math.floor(now / 1000);
  if (!/^\d{1,12}$/.test(value.trim())) {
    throw new UsageError(`SOURCE_DATE_EPOCH="${value}" is not a whole number of seconds since 1970-01-01 (e.g. 1700000000)`);
  }
  return Number(value.trim());
}

export function layoutOption(text: string): 'outcomes' | 'volume' {
  const layout = text.trim().toLowerCase();
  if (layout === 'outcomes' || layout === 'volume') return layout;
  throw new InvalidArgumentError(`"${text}" is not a layout; use outcomes (counts by outcome) or volume (requests per category)`);
}

export function sectionOption(text: string): ReportSection {
  const section = text.trim().toLowerCase();
  if ((REPORT_SECTIONS as readonly string[]).includes(section)) return section as ReportSection;
  throw new InvalidArgumentError(`"${text}" is not a report section; use ${REPORT_SECTIONS.join(', ')}`);
}

/** The options every command that reads logs has: the logs (as arguments or --logs) and --config. */
export function addInputOptions(command: Command): Command {
  return command
    .argument('[logs...]', 'log files, folders (every *.csv inside) or globs; - reads standard input')
    .option('-l, --logs <path>', 'a log file, folder or glob (repeatable; same as the arguments)', collect)
    .option('-c, --config <file>', 'the config file (default: ./transparency.config.json when present)')
    .option('--max-problems <n>', 'list at most n problems in full; the rest are counted (default 10000; 0: no limit)', problemLimitOption);
}

function problemLimitOption(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`"${text}" is not a whole number`);
  return Number(text) === 0 ? Number.POSITIVE_INFINITY : Number(text);
}

/** --format and --out, for commands that write a document. */
export function addOutputOptions(command: Command, formats: string): Command {
  return command
    .option('-f, --format <format>', `${formats} (default: from --out, else table)`, formatOption)
    .option('-o, --out <file>', 'write to this file (atomically) instead of standard output');
}

/** A whole number of at least 2 (a threshold of 1 would hide nothing). */
export function countOption(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 2) throw new InvalidArgumentError(`"${text}" is not a whole number of at least 2`);
  return Number(text);
}
