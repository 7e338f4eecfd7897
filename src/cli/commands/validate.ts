// `transparency validate`: check the logs, list every problem, write nothing.
import type { Command } from 'commander';
import type { Period } from '../../core/period.js';
import type { CliContext } from '../context.js';
import { formatDiagnostics, formatLedgerLine, formatProblemCount } from '../diagnostics.js';
import { EXIT_CODES_HELP, exitCodeFor } from '../exit-codes.js';
import { chooseInputs, loadConfig, loadLogs } from '../load-logs.js';
import { addInputOptions, periodOption } from '../options.js';
import { writeStdout } from '../../io/write-output.js';

interface ValidateOptions {
  maxProblems?: number;
  period?: Period;
  config?: string;
  logs?: string[];
  quiet?: boolean;
  explainClassification?: boolean;
}

export function registerValidate(program: Command, context: CliContext): void {
  const command = program.command('validate').description('check request logs and list every problem, without building a report');
  addInputOptions(command);
  command
    .option('-p, --period <period>', 'also count the rows outside this period', periodOption)
    .option('-q, --quiet', 'print only the problems, not the summary')
    .option('--explain-classification', 'print, for every valid row, its category and what decided it (the column or a rule)')
    .addHelpText(
      'after',
      `
Examples:
  $ transparency validate fixtures/logs/2020
  $ transparency validate --logs exports/ --period 2021H1
  $ transparency validate --explain-classification fixtures/logs/2020 | grep rule

${EXIT_CODES_HELP} Warnings alone exit 0.`,
    )
    .action(async (args: string[], options: ValidateOptions) => {
      const loaded = await loadConfig(options.config);
      const inputs = chooseInputs([...args, ...(options.logs ?? [])], loaded);
      const explanations: string[] = [];
      const result = await loadLogs(inputs, loaded.config, {
        period: options.period,
        maxProblems: options.maxProblems,
        observe: options.explainClassification
          ? ({ record, file, line, classifiedBy }) =>
              explanations.push(`${file}:${line}\t${record.category}\t${classifiedBy}\t${JSON.stringify(record.requestType)}\n`)
          : undefined,
      });
      if (explanations.length > 0) await writeStdout(explanations.join(''));
      for (const line of formatDiagnostics(result, context.stderrChalk)) context.error(line);
      if (!options.quiet) {
        context.error(formatLedgerLine(result, options.period?.label));
        context.error(result.errorCount === 0 && result.warningCount === 0 ? 'no problems found' : formatProblemCount(result));
      }
      context.setExitCode(exitCodeFor({ errors: result.errorCount }));
    });
}
