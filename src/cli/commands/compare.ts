// `transparency compare`: two periods side by side, per country and category.
import type { Command } from 'commander';
import { buildCompareReport } from '../../core/compare.js';
import { monthsOf, previousPeriod, type Period } from '../../core/period.js';
import { coversPeriod } from '../../core/report.js';
import { renderCompareCsv, renderCompareTable } from '../../render/compare.js';
import { renderJson } from '../../render/json.js';
import type { Format } from '../../render/renderers.js';
import type { CliContext } from '../context.js';
import { formatDiagnostics, formatLedgerLine } from '../diagnostics.js';
import { chooseFormat, emit } from '../emit.js';
import { EXIT_CODES_HELP, exitCodeFor } from '../exit-codes.js';
import { chooseInputs, choosePeriod, loadConfig, loadLogs } from '../load-logs.js';
import { addInputOptions, addOutputOptions, periodOption } from '../options.js';
import { UsageError } from '../usage-error.js';

interface CompareOptions {
  maxProblems?: number;
  period?: Period;
  with: string;
  logs?: string[];
  config?: string;
  format?: Format;
  out?: string;
}

export function registerCompare(program: Command, context: CliContext): void {
  const command = program
    .command('compare')
    .description('compare two periods: counts per country and category, absolute and relative change')
    .option('-p, --period <period>', 'the period to report (2021H1, 2021, …)', periodOption)
    .option('-w, --with <period>', 'the period to compare with, or "previous"', 'previous');
  addInputOptions(command);
  addOutputOptions(command, 'table, csv or json');
  command
    .addHelpText(
      'after',
      `
Examples:
  $ transparency compare --period 2021H1 --with previous fixtures/logs
  $ transparency compare --period 2021H1 --with 2020H2 fixtures/logs --format csv

${EXIT_CODES_HELP}`,
    )
    .action(async (args: string[], options: CompareOptions) => {
      const format = chooseFormat(options.format, options.out, ['table', 'csv', 'json'] as const);
      const loaded = await loadConfig(options.config);
      const period = choosePeriod(options.period, loaded);
      const withPeriod = options.with.trim().toLowerCase() === 'previous' ? previousPeriod(period) : periodOption(options.with);
      if (withPeriod.start <= period.end && period.start <= withPeriod.end) {
        throw new UsageError(`${period.label} and ${withPeriod.label} overlap; compare periods that do not share a day`);
      }
      const inputs = chooseInputs([...args, ...(options.logs ?? [])], loaded);
      const result = await loadLogs(inputs, loaded.config, {
        period, comparePeriod: withPeriod, periodMonths: false, comparisonOutcomes: false, maxProblems: options.maxProblems,
      });
      for (const line of formatDiagnostics(result, context.stderrChalk)) context.error(line);
      const previousEntries = result.comparisonTally?.entries() ?? [];
      const warn = (text: string) => context.error(`${context.stderrChalk.yellow.bold('warning:')} ${text}`);
      if (period.kind !== withPeriod.kind || monthsOf(period).length !== monthsOf(withPeriod).length) {
        warn(`${period.label} and ${withPeriod.label} are not of the same length; the changes compare unlike spans`);
      }
      if (!coversPeriod(previousEntries, withPeriod)) {
        warn(`the logs hardly cover ${withPeriod.label} (requests in fewer than half of its months): are its logs among those given?`);
      }
      const report = buildCompareReport(period, withPeriod, result.tally.entries(), previousEntries);
      const chalk = format === 'table' && !options.out ? context.stdoutChalk : context.plainChalk;
      const output = format === 'csv' ? renderCompareCsv(report) : format === 'json' ? renderJson(report) : renderCompareTable(report, chalk);
      await emit(output, options.out);
      if (format !== 'table' || options.out) context.error(formatLedgerLine(result, period.label));
      context.setExitCode(exitCodeFor({ errors: result.errorCount }));
    });
}
