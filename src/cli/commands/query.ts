// `transparency query`: counts of the requests that match filters, grouped by any dimensions.
import { InvalidArgumentError, type Command } from 'commander';
import { resolveCountry } from '../../core/country.js';
import type { Period } from '../../core/period.js';
import { DIMENSIONS, runQuery, type Dimension, type QueryFilters } from '../../core/query.js';
import { isUserCategory, REQUESTERS, type Requester } from '../../core/schema.js';
import { matchCategory, matchOutcome, matchRequester, type MatchResult } from '../../core/vocabulary.js';
import { renderJson } from '../../render/json.js';
import { queryDocument, renderQueryCsv, renderQueryTable } from '../../render/query.js';
import type { Format } from '../../render/renderers.js';
import type { CliContext } from '../context.js';
import { formatDiagnostics, formatProblemCount, plural } from '../diagnostics.js';
import { chooseFormat, emit } from '../emit.js';
import { EXIT_CODES_HELP, exitCodeFor } from '../exit-codes.js';
import { chooseInputs, loadConfig, loadLogs } from '../load-logs.js';
import { addInputOptions, addOutputOptions, collect, periodOption } from '../options.js';

/** What query and explain are given: the filters and the common input and output options. */
export interface FilterOptions {
  maxProblems?: number;
  period?: Period;
  country?: string[];
  category?: string[];
  outcome?: string[];
  requester?: string[];
  logs?: string[];
  config?: string;
  format?: Format;
  out?: string;
}

interface QueryOptions extends FilterOptions {
  by?: Dimension[];
}

function byOption(text: string): Dimension[] {
  const dimensions = text.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
  for (const dimension of dimensions) {
    if (!(DIMENSIONS as readonly string[]).includes(dimension)) {
      throw new InvalidArgumentError(`"${dimension}" is not a dimension; use any of ${DIMENSIONS.join(', ')}, comma-separated`);
    }
  }
  if (new Set(dimensions).size !== dimensions.length) throw new InvalidArgumentError(`"${text}" names a dimension twice`);
  return dimensions as Dimension[];
}

function setOf<T>(values: string[] | undefined, option: string, match: (text: string) => MatchResult<T>): Set<T> | undefined {
  if (!values) return undefined;
  return new Set(
    values.flatMap((value) => value.split(',')).map((value) => {
      const result = match(value);
      if (!result.ok) throw new InvalidArgumentError(`--${option}: ${result.message}`);
      return result.value;
    }),
  );
}

export function parseFilters(options: FilterOptions): QueryFilters {
  const requesterWords = options.requester?.flatMap((value) => value.split(',')).map((value) => value.trim().toLowerCase());
  let requesters: Set<Requester> | undefined;
  const categories = setOf(options.category, 'category', matchCategory);
  // Users' categories only make sense for users' requests: asked for alone, they select them.
  if (!requesterWords && categories && [...categories].every(isUserCategory)) requesters = new Set(['user']);
  if (requesterWords?.includes('all')) requesters = new Set(REQUESTERS);
  else if (requesterWords && !requesterWords.every((word) => word === 'authorities')) {
    requesters = setOf(requesterWords.filter((word) => word !== 'authorities'), 'requester', matchRequester);
    if (requesterWords.includes('authorities')) REQUESTERS.filter((r) => r !== 'user').forEach((r) => requesters!.add(r));
  }
  return {
    countries: setOf(options.country, 'country', (text) => {
      const result = resolveCountry(text);
      return result.ok ? { ok: true, value: result.country.code } : result;
    }),
    categories,
    outcomes: setOf(options.outcome, 'outcome', matchOutcome),
    requesters,
  };
}

/** The filters `query` and `explain` share; each is repeatable or comma-separated, absent means all. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--country <country>', 'a country: name, alias or ISO code (repeatable, or comma-separated)', collect)
    .option('--category <category>', 'technical-expertise, user-data, data-removal, data-location, data-copy', collect)
    .option('--outcome <outcome>', 'approved, rejected, challenged, clarification-requested, pending', collect)
    .option('--requester <requester>', 'law-enforcement, government, international-organization, user, authorities (default) or all', collect);
}

export function registerQuery(program: Command, context: CliContext): void {
  const command = program
    .command('query')
    .description('count the requests that match filters, optionally grouped (one number without --by)')
    .option('-p, --period <period>', 'only requests received in this period (default: all)', periodOption);
  addFilterOptions(command)
    .option('-b, --by <dimensions>', `group by, in this order: ${DIMENSIONS.join(',')}`, byOption);
  addInputOptions(command);
  addOutputOptions(command, 'table, csv or json');
  command
    .addHelpText(
      'after',
      `
Without --by the answer is one number, for shell scripts:
  $ transparency query --period 2020 --country RU --outcome rejected fixtures/logs
  58

Examples:
  $ transparency query --period 2020 --by country,category fixtures/logs
  $ transparency query --by half,outcome --country Russia --format csv fixtures/logs
  $ transparency query --requester user --by category fixtures/logs

${EXIT_CODES_HELP}`,
    )
    .action(async (args: string[], options: QueryOptions) => {
      const format = chooseFormat(options.format, options.out, ['table', 'csv', 'json'] as const);
      const filters = parseFilters(options);
      const loaded = await loadConfig(options.config);
      const result = await loadLogs(chooseInputs([...args, ...(options.logs ?? [])], loaded), loaded.config, { period: options.period, maxProblems: options.maxProblems });
      // The answer may be read by a script: say only that something was left out, and where to look.
      if (result.errorCount > 0) {
        context.error(`${context.stderrChalk.red.bold('error:')} ${plural(result.ledger.invalid, 'invalid row')} not counted in this answer (${formatProblemCount(result)} in the logs; run transparency validate for the list)`);
      } else {
        for (const line of formatDiagnostics(result, context.stderrChalk).filter((line) => !line.includes('note:'))) context.error(line);
      }
      const answer = runQuery(result.tally.entries(), filters, options.by ?? []);
      const chalk = format === 'table' && !options.out ? context.stdoutChalk : context.plainChalk;
      const output =
        format === 'csv'
          ? renderQueryCsv(answer)
          : format === 'json'
            ? renderJson(queryDocument(answer, { period: options.period ?? null }))
            : renderQueryTable(answer, chalk);
      await emit(output, options.out);
      context.setExitCode(exitCodeFor({ errors: result.errorCount }));
    });
}
