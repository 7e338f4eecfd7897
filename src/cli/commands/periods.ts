// `transparency periods`: which periods the logs hold, with their request counts.
import type { Command } from 'commander';
import { GRANULARITIES, listPeriods, type Granularity } from '../../core/periods-list.js';
import { renderJson } from '../../render/json.js';
import { renderPeriodsCsv, renderPeriodsTable } from '../../render/periods.js';
import type { Format } from '../../render/renderers.js';
import type { CliContext } from '../context.js';
import { formatDiagnostics } from '../diagnostics.js';
import { chooseFormat, emit } from '../emit.js';
import { EXIT_CODES_HELP, exitCodeFor } from '../exit-codes.js';
import { chooseInputs, loadConfig, loadLogs } from '../load-logs.js';
import { addInputOptions, addOutputOptions } from '../options.js';
import { InvalidArgumentError } from 'commander';

interface PeriodsOptions {
  maxProblems?: number;
  by: Granularity;
  ids?: boolean;
  logs?: string[];
  config?: string;
  format?: Format;
  out?: string;
}

function granularityOption(text: string): Granularity {
  const value = text.trim().toLowerCase();
  if ((GRANULARITIES as readonly string[]).includes(value)) return value as Granularity;
  throw new InvalidArgumentError(`"${text}" is not a period length; use ${GRANULARITIES.join(', ')}`);
}

export function registerPeriods(program: Command, context: CliContext): void {
  const command = program.command('periods').description('list the periods present in the logs, with their request counts');
  addInputOptions(command);
  addOutputOptions(command, 'table, csv or json');
  command
    .option('-b, --by <length>', 'year, half, quarter or month', granularityOption, 'half')
    .option('--ids', 'print only the period ids, one a line (for shell loops)')
    .addHelpText(
      'after',
      `
Examples:
  $ transparency periods fixtures/logs
  $ for p in $(transparency periods --ids fixtures/logs); do
      transparency build --period "$p" fixtures/logs --out "report-$p.pdf"
    done

${EXIT_CODES_HELP}`,
    )
    .action(async (args: string[], options: PeriodsOptions) => {
      const format = chooseFormat(options.format, options.out, ['table', 'csv', 'json'] as const);
      // --ids prints bare ids whatever the format: say so rather than drop the option in silence.
      if (options.ids && options.format) {
        context.error(`${context.stderrChalk.yellow.bold('warning:')} --ids prints one period id a line; --format ${options.format} is ignored`);
      }
      const loaded = await loadConfig(options.config);
      const result = await loadLogs(chooseInputs([...args, ...(options.logs ?? [])], loaded), loaded.config, { maxProblems: options.maxProblems });
      for (const line of formatDiagnostics(result, context.stderrChalk)) context.error(line);
      const periods = listPeriods(result.tally.entries(), options.by);
      const chalk = format === 'table' && !options.out ? context.stdoutChalk : context.plainChalk;
      const output = options.ids
        ? periods.map((period) => `${period.period}\n`).join('')
        : format === 'csv'
          ? renderPeriodsCsv(periods)
          : format === 'json'
            ? renderJson({ schemaVersion: 1, by: options.by, periods })
            : renderPeriodsTable(periods, chalk);
      await emit(output, options.out);
      context.setExitCode(exitCodeFor({ errors: result.errorCount }));
    });
}
