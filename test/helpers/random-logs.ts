// Random request logs for property tests: mostly good values, some bad, padded, in shuffled columns,
// with blank lines, fields too many or too few, CRLF and a BOM — and ids from a pool of ten, so
// that duplicates and conflicts are common.
import fc from 'fast-check';
import { parsePeriod, previousPeriod } from '../../src/core/period.js';
import type { IntakeOptions, IntakeResult } from '../../src/core/intake.js';
import { COLUMNS } from '../../src/core/schema.js';
import { classifier } from '../unit/support.js';

const pad = fc.constantFrom('', '', '', '', '', '', ' ', '\t', '\u00a0');
/** Mostly a good value, sometimes a bad one, sometimes padded with white space. */
const value = (good: string[], bad: string[]) =>
  fc.tuple(pad, fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad, ...good) }), pad).map(([a, v, b]) => a + v + b);

const CELLS: Record<string, [string[], string[]]> = {
  id: [['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'r-1', 'R-7', 'R-8', 'R-9'], ['', 'É-7', 'a\uFFFDb']],
  received: [['2020-01-05', '2020-07-01', '2020-06-30', '2019-12-31', '2020-06-30T23:30:00-02:00', '2020-01-01T00:10:00+01:00'], ['2021-02-29', '2020-13-01', '2020-06-30T10:00:00', '03/04/2020', '2030-01-01', '']],
  country: [['RU', 'ru', 'Russia', 'RUS', 'Germany', 'UK', 'Korea, Republic of'], ['Côte d’Ivoire', 'Congo', 'Marocco', '']],
  requester: [['', 'law-enforcement', 'GOVERNMENT', 'user', 'police'], ['martians']],
  category: [['', '', 'technical-expertise', 'User Data', 'data-copy', 'data-removal'], ['weather']],
  request_type: [['', 'malware sample analysis', 'subscriber information', 'delete my data', 'request for encryption keys', 'backdoor install'], ['weather', 'naïve request']],
  outcome: [['approved', 'rejected', 'Declined', 'pending'], ['maybe', '']],
  rejection_reason: [['', '', 'no-data-found', 'legal verification'], ['bogus']],
  decided: [['', '', '2020-01-10', '2020-07-05', '2020-08-01'], ['2019-01-01', '2020-02-30', '2030-01-01']],
  user_notified: [['', '', 'yes', 'no', 'not-permitted'], ['perhaps']],
  notes: [['', 'x', 'with, comma', 'a "quoted" word'], ['line\nbreak', 'é', '"']],
};

const csvField = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** One log file's text. */
export const logFile = fc
  .record({
    order: fc
      .tuple(fc.shuffledSubarray([...COLUMNS, 'notes'], { minLength: 4 }), fc.nat(10))
      // The required columns nearly always, so that most files can be read.
      .map(([columns, n]) => (n === 0 ? columns : [...new Set([...columns, 'id', 'received', 'country', 'outcome'])])),
    headerCase: fc.boolean(),
    rows: fc.array(fc.record({ kind: fc.nat(20), values: fc.dictionary(fc.constantFrom(...Object.keys(CELLS)), fc.nat(50)) }), { maxLength: 30 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .chain(({ order, headerCase, rows, crlf, bom }) =>
    fc.tuple(...rows.map(() => fc.tuple(...order.map((column) => value(...(CELLS[column] ?? [[''], ['']])))))).map((cells) => {
      const end = crlf ? '\r\n' : '\n';
      const lines = [order.map((column) => (headerCase ? column.toUpperCase() : column)).join(',')];
      cells.forEach((row, index) => {
        const kind = rows[index]!.kind;
        if (kind === 0) lines.push(kind % 2 ? '' : '  '); // a blank line
        else if (kind === 1) lines.push(`${row.map(csvField).join(',')},extra`); // a field too many
        else if (kind === 2) lines.push(row.slice(1).map(csvField).join(',')); // a field too few
        else if (kind === 3) lines.push(`${row.map(csvField).join(',')},, `); // blank extra fields
        else lines.push(row.map(csvField).join(','));
      });
      return `${bom ? '\uFEFF' : ''}${lines.join(end)}${end}`;
    }),
  );

export const periodText = fc.constantFrom(undefined, '2020', '2020H1', '2020H2');

/** What an intake's result says, in a form toEqual compares. */
export function summary(result: IntakeResult) {
  return {
    ledger: result.ledger,
    problems: result.problems,
    errors: result.errorCount,
    warnings: result.warningCount,
    ignored: result.ignoredColumns,
    files: result.files,
    tally: result.tally.entries(),
    times: result.tally.decisionTimes(),
    comparison: result.comparisonTally?.entries(),
    comparisonTimes: result.comparisonTally?.decisionTimes(),
  };
}

/** Intake options for a period (undefined: none), with the previous period to compare with. */
export function intakeOptions(period: string | undefined, fastPath: boolean): IntakeOptions {
  const parsed = period ? parsePeriod(period) : undefined;
  const p = parsed?.ok ? parsed.period : undefined;
  return { classifier, today: '2021-06-30', period: p, comparePeriod: p ? previousPeriod(p) : undefined, fastPath, maxProblems: 50 };
}
