// `transparency explain`: the request ids behind one cell of the report, with file:line, so that a
// published number can be traced to the log rows that make it. Ids and locations only.
import type { Command } from 'commander';
import type { RequestRecord } from '../../core/schema.js';
import { csvLine } from '../../render/csv-cell.js';
import { renderJson } from '../../render/json.js';
import type { CliContext } from '../context.js';
import { formatProblemCount, plural } from '../diagnostics.js';
import { chooseFormat, emit } from '../emit.js';
import { EXIT_CODES_HELP, exitCodeFor } from '../exit-codes.js';
import { chooseInputs, choosePeriod, loadConfig, loadLogs } from '../load-logs.js';
import { addInputOptions, addOutputOptions, periodOption } from '../options.js';
import { addFilterOptions, parseFilters, type FilterOptions } from './query.js';

type ExplainOptions = FilterOptions;

interface Trace {
  id: string;
  file: string;
  line: number;
}

export function registerExplain(program: Command, context: CliContext): void {
  const command = program
    .command('explain')
    .description('list the request ids (with file:line) behind one cell of the report')
    .option('-p, --period <period>', 'the report period', periodOption);
  addFilterOptions(command);
  addInputOptions(command);
  addOutputOptions(command, 'table, csv or json');
  command
    .addHelpText(
      'after',
      `
The cell: --country (omit for the TOTAL row), --category and --outcome (omit for all).

Examples:
  $ transparency explain --period 2020 --country RU --category user-data --outcome rejected fixtures/logs
  $ transparency explain --period 2020 --country France fixtures/logs --format csv

${EXIT_CODES_HELP}`,
    )
    .action(async (args: string[], options: ExplainOptions) => {
      const format = chooseFormat(options.format, options.out, ['table', 'csv', 'json'] as const);
      const filters = parseFilters(options);
      const loaded = await loadConfig(options.config);
      const period = choosePeriod(options.period, loaded);
      const requesters = filters.requesters;
      const matches = (record: RequestRecord) =>
        (requesters ? requesters.has(record.requester) : record.requester !== 'user') &&
        (!filters.countries || filters.countries.has(record.country)) &&
        (!filters.categories || filters.categories.has(record.category)) &&
        (!filters.outcomes || filters.outcomes.has(record.outcome));
      const traces: Trace[] = [];
      const result = await loadLogs(chooseInputs([...args, ...(options.logs ?? [])], loaded), loaded.config, {
        period,
        maxProblems: options.maxProblems,
        observe: ({ record, file, line, inPeriod }) => {
          if (inPeriod && matches(record)) traces.push({ id: record.id, file, line });
        },
      });
      if (result.errorCount > 0) {
        context.error(`${context.stderrChalk.red.bold('error:')} ${plural(result.ledger.invalid, 'invalid row')} in no cell (${formatProblemCount(result)} in the logs; run transparency validate for the list)`);
      }
      const output =
        format === 'json'
          ? renderJson({ schemaVersion: 1, period, count: traces.length, requests: traces })
          : format === 'csv'
            ? `${[csvLine(['id', 'file', 'line']), ...traces.map((trace) => csvLine([trace.id, trace.file, trace.line]))].join('\r\n')}\r\n`
            : traces.map((trace) => `${trace.id}\t${trace.file}:${trace.line}\n`).join('');
      await emit(output, options.out);
      context.error(`${traces.length} request${traces.length === 1 ? '' : 's'} in this cell of the ${period.label} report`);
      context.setExitCode(exitCodeFor({ errors: result.errorCount }));
    });
}
