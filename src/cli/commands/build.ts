// `transparency build`: read the logs, build the report for a period, render it in one format, write it.
import type { Command } from 'commander';
import { previousPeriod, type Period } from '../../core/period.js';
import { protectReport } from '../../core/disclosure.js';
import { buildReport } from '../../core/report.js';
import { formatOfPath, renderers, type Format } from '../../render/renderers.js';
import type { CliContext } from '../context.js';
import { formatDiagnostics, formatLedgerLine, formatProblemCount, plural } from '../diagnostics.js';
import type { IntakeResult } from '../../core/intake.js';
import type { LoadedConfig } from '../../io/read-config.js';
import { EXIT, EXIT_CODES_HELP, exitCodeFor, type ExitCode } from '../exit-codes.js';
import { emit } from '../emit.js';
import { chooseInputs, choosePeriod, loadConfig, loadLogs } from '../load-logs.js';
import { addInputOptions, addOutputOptions, countOption, layoutOption, pageSizeOption, periodOption, sectionOption, sourceDateEpoch } from '../options.js';
import type { ReportSection } from '../../render/sections.js';
import { UsageError } from '../usage-error.js';

interface BuildOptions {
  maxProblems?: number;
  period?: Period;
  config?: string;
  logs?: string[];
  format?: Format;
  layout?: 'outcomes' | 'volume';
  report?: ReportSection;
  out?: string;
  strict?: boolean;
  pageSize?: 'A4' | 'LETTER';
  quiet?: boolean;
  minCell?: number;
  bands?: number;
}

export function registerBuild(program: Command, context: CliContext): void {
  const command = program
    .command('build')
    .description('compile the report for a period from request logs')
    .option('-p, --period <period>', 'the period: 2020, 2021H1, 2021Q3, 2021-03 or 2021-01-01..2021-06-30', periodOption);
  addInputOptions(command);
  addOutputOptions(command, 'table, csv, json or pdf');
  command
    .option('--layout <layout>', 'the authority table: outcomes (counts by outcome, default) or volume (requests per category)', layoutOption)
    .option('-r, --report <section>', "what to show: all (default; CSV: authorities), authorities, users, timing, notices", sectionOption)
    .option('--strict', 'write no report at all when any row is invalid')
    .option('--min-cell <n>', 'disclosure control: show counts below n as "< n", and withhold what would give them back', countOption)
    .option('--bands <width>', 'disclosure control: show every count as a range, e.g. 0–249 for 250', countOption)
    .option('--page-size <size>', 'PDF page size: a4 (default) or letter', pageSizeOption)
    .option('-q, --quiet', 'print only errors on standard error')
    .addHelpText(
      'after',
      `
Examples:
  $ transparency build --period 2020 fixtures/logs/2020
  $ transparency build --period 2021H1 --logs logs/ --format csv > 2021h1.csv
  $ transparency build --period 2020 --logs 'logs/**/*.csv' --out report-2020.pdf
  $ cat export.csv | transparency build --period 2021Q3 - --format json
  $ transparency build --period 2021H1 fixtures/logs/2021h1 --layout volume
  $ transparency build --period 2020 fixtures/logs/2020 --report users --format csv
  $ transparency build --period 2020 fixtures/logs/2020 --min-cell 5

Invalid rows are reported and left out (the report counts the valid rows; --strict writes none);
a log that cannot be read at all means no report.

${EXIT_CODES_HELP}`,
    )
    .action(async (args: string[], options: BuildOptions) => {
      context.setExitCode(await runBuild([...args, ...(options.logs ?? [])], options, context));
    });
}

/** A period with no request in it, or one not over yet, gives a report that is rarely what was meant. */
function warnAboutPeriod(period: Period, result: IntakeResult, context: CliContext): void {
  const today = new Date().toISOString().slice(0, 10);
  if (result.ledger.counted === 0 && result.ledger.read > 0) {
    context.error(
      `${context.stderrChalk.yellow.bold('warning:')} no request in the logs was received in ${period.label} (${period.start} – ${period.end}); ${result.ledger.outsidePeriod} rows are outside it. Run transparency periods to see which periods the logs hold.`,
    );
  }
  if (period.end >= today) {
    context.error(`${context.stderrChalk.yellow.bold('warning:')} ${period.label} is not over yet (it ends ${period.end}): the report covers requests received until today.`);
  }
}

/** A PDF is for publishing: say when it would go out with the example organisation's texts. */
function warnAboutPlaceholders(loaded: LoadedConfig, context: CliContext): void {
  const warn = (text: string) => context.error(`${context.stderrChalk.yellow.bold('warning:')} ${text}`);
  const { organisation, report } = loaded.config;
  if (!loaded.file) {
    warn('no config file: the PDF names "Example Organisation" and prints neutral default principles; run transparency init and write your own');
  } else if (organisation.name === 'Example Organisation' || [organisation.url, report.url].some((url) => url?.includes('example.org'))) {
    warn(`${loaded.file} still holds the example organisation's name or example.org addresses, which the PDF prints`);
  }
}

async function runBuild(inputs: string[], options: BuildOptions, context: CliContext): Promise<ExitCode> {
  // --out - is standard output, as - is standard input for the logs.
  const out = options.out === '-' ? undefined : options.out;
  const format = options.format ?? (out ? formatOfPath(out) : 'table');
  if (!format) throw new UsageError(`cannot tell the format from "${out}"; add --format csv, json, pdf or table`);
  if (format === 'pdf' && !out && context.stdoutIsTTY) {
    throw new UsageError('a PDF is not for the terminal; add --out report.pdf (or redirect standard output)');
  }
  const loaded = await loadConfig(options.config);
  const { config } = loaded;
  const period = choosePeriod(options.period, loaded);
  const publication = config.report.publicationDate ? Date.parse(`${config.report.publicationDate}T00:00:00Z`) : Date.now();
  const timestamp = sourceDateEpoch(context.env, publication);
  const pageSize = options.pageSize ?? (config.pageSize?.toUpperCase() as 'A4' | 'LETTER' | undefined) ?? 'A4';
  if (options.pageSize && format !== 'pdf') {
    context.error(`${context.stderrChalk.yellow.bold('warning:')} --page-size applies to PDF output only; this ${format} output ignores it`);
  }
  const previous = previousPeriod(period);
  // The report is of the period as a whole, and compares requests only: no cell by month, none of
  // the previous period's by outcome (see IntakeOptions.periodMonths, comparisonOutcomes).
  const result = await loadLogs(chooseInputs(inputs, loaded), config, {
    period, comparePeriod: previous, periodMonths: false, comparisonOutcomes: false, maxProblems: options.maxProblems,
  });
  const diagnostics = formatDiagnostics(result, context.stderrChalk);
  const exitCode = exitCodeFor({ errors: result.errorCount });
  for (const line of diagnostics) {
    if (!options.quiet || line.includes('error')) context.error(line);
  }
  if (options.strict && result.errorCount > 0) {
    context.error(`${formatProblemCount(result)}: no report written (--strict)`);
    return EXIT.invalidData;
  }
  // A row in error is reported and left out; a whole log that cannot be read would make a report
  // that looks complete and is not, so none is written (and a previous one stays).
  if (result.unreadableFiles.length > 0) {
    const files = result.unreadableFiles;
    context.error(
      `${context.stderrChalk.red.bold('error:')} no report written: ${plural(files.length, 'file')} could not be read at all (${files.join(', ')}); fix ${files.length === 1 ? 'it' : 'them'} or leave ${files.length === 1 ? 'it' : 'them'} out`,
    );
    return EXIT.invalidData;
  }
  warnAboutPeriod(period, result, context);
  if (format === 'pdf') warnAboutPlaceholders(loaded, context);
  const disclosure = options.minCell
    ? ({ method: 'min-cell', threshold: options.minCell } as const)
    : options.bands
      ? ({ method: 'bands', width: options.bands } as const)
      : null;
  const report = protectReport(
    buildReport(period, result, { previousPeriod: previous, layout: options.layout ?? 'outcomes', usersByCountry: config.users.byCountry }),
    disclosure,
  );
  const section = options.report ?? (format === 'csv' ? 'authorities' : 'all');
  if (format === 'csv' && section === 'all') {
    throw new UsageError('a CSV holds one table; choose --report authorities, users, timing or notices');
  }
  const chalk = format === 'table' && !out ? context.stdoutChalk : context.plainChalk;
  const output = await renderers[format](report, { chalk, pageSize, timestamp, config, section, width: out ? undefined : context.stdoutColumns });
  await emit(output, out);
  if (!options.quiet) {
    if (out || format !== 'table') context.error(formatLedgerLine(result, period.label));
    if (out) context.error(`wrote ${out} (${format})`);
    if (result.errorCount > 0) context.error(`${formatProblemCount(result)}: the report counts only the valid rows`);
  }
  return exitCode;
}
