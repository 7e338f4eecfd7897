import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAt } from '../helpers/cut-at.js';
import { fromEpochDay, toEpochDay } from '../../src/core/dates.js';
import { createIntake, type IntakeResult } from '../../src/core/intake.js';
import { parsePeriod, type Period } from '../../src/core/period.js';
import { buildReport, type Report } from '../../src/core/report.js';
import { COLUMNS, type Column } from '../../src/core/schema.js';
import { classifier, csvLine, feedCsv } from '../unit/support.js';

// ---------------------------------------------------------------------------------------------
// Valid rows, spelled in the many ways logs spell them.

const COUNTRIES: Record<string, readonly string[]> = {
  RU: ['RU', 'rus', 'Russia', 'Russian Federation'],
  KR: ['KR', 'KOR', 'South Korea', 'Republic of Korea'],
  FR: ['France', 'FRA', 'fr'],
  DE: ['Germany', 'DEU'],
  JP: ['Japan', 'JPN', 'jp'],
  CI: ["Côte d'Ivoire", 'CIV', 'Ivory Coast'],
  US: ['United States', 'USA'],
  BR: ['Brazil', 'BRA'],
};
const CODES = Object.keys(COUNTRIES);

const AUTHORITY_REQUESTERS = ['', 'law-enforcement', 'Police', 'GOVERNMENT', 'international organisation'];
const AUTHORITY_KINDS: readonly [category: string, requestType: string][] = [
  ['technical-expertise', 'malware sample analysis'],
  ['Technical Expertise', ''],
  ['User Data', 'subscriber information'],
  ['user-data', 'analysis of "stealer" logs, urgent'], // explicit category wins; quotes and a comma
  ['', 'malware sample analysis'],
  ['', 'phishing kit analysis'],
  ['', 'subscriber information'],
  ['', 'IP address of user'],
  ['', 'request for encryption keys'], // prohibited: a policy-violation finding when approved
];
const USER_KINDS: readonly [category: string, requestType: string][] = [
  ['data-removal', ''],
  ['Data Copy', 'copy please'],
  ['data access', ''],
  ['', 'delete my account'],
  ['', 'export my data'],
  ['', 'where is my data stored'],
];
const OUTCOMES = ['approved', 'Approved', 'rejected', 'Declined', 'pending', 'challenged', 'clarification-requested', 'In Progress'];
const REJECTED = new Set(['rejected', 'Declined']);

interface Row {
  id: string;
  /** The UTC day the row is received on: the oracle. */
  day: string;
  authority: boolean;
  cells: Record<Column, string>;
}

const FIRST = toEpochDay(2019, 1, 1);
const LAST = toEpochDay(2021, 12, 31);
const pad = (n: number) => String(n).padStart(2, '0');

/** `received` as a plain day, or as a date-time whose UTC day is `epochDay` (local day may differ). */
const received = (epochDay: number) =>
  fc.oneof(
    fc.constant(fromEpochDay(epochDay)),
    fc
      .record({ ms: fc.nat({ max: 86_400_000 - 1 }), offset: fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15) })
      .map(({ ms, offset }) => {
        const local = new Date(epochDay * 86_400_000 + ms + offset * 60_000).toISOString().slice(0, 19);
        const abs = Math.abs(offset);
        return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
      }),
  );

const rowContent = fc
  .record({
    epochDay: fc.integer({ min: FIRST, max: LAST }),
    code: fc.constantFrom(...CODES),
    spelling: fc.nat(),
    authority: fc.boolean(),
    kind: fc.nat(),
    requester: fc.constantFrom(...AUTHORITY_REQUESTERS),
    userRequester: fc.constantFrom('user', 'User', 'customer'),
    outcome: fc.constantFrom(...OUTCOMES),
    reason: fc.constantFrom('', 'no-data-found', 'legal verification'),
    decidedAfter: fc.option(fc.nat({ max: 60 }), { nil: undefined }),
    notice: fc.constantFrom('', 'yes', 'no', 'gag order'),
  })
  .chain((spec) => received(spec.epochDay).map((receivedText) => ({ ...spec, receivedText })));

type Content = typeof rowContent extends fc.Arbitrary<infer T> ? T : never;

function rowOf(id: string, spec: Content, spelling = spec.spelling): Row {
  const spellings = COUNTRIES[spec.code]!;
  const kinds = spec.authority ? AUTHORITY_KINDS : USER_KINDS;
  const [category, requestType] = kinds[spec.kind % kinds.length]!;
  return {
    id,
    day: fromEpochDay(spec.epochDay),
    authority: spec.authority,
    cells: {
      id,
      received: spec.receivedText,
      country: spellings[spelling % spellings.length]!,
      requester: spec.authority ? spec.requester : spec.userRequester,
      category,
      request_type: requestType,
      outcome: spec.outcome,
      rejection_reason: REJECTED.has(spec.outcome) ? spec.reason : '',
      decided: spec.decidedAfter === undefined ? '' : fromEpochDay(spec.epochDay + spec.decidedAfter),
      user_notified: spec.notice,
    },
  };
}

/** Rows with unique ids, some of them repeated exactly (possibly with another spelling of the country). */
const rows = fc
  .array(
    fc.record({
      content: rowContent,
      repeats: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) }),
    }),
    { maxLength: 50, size: 'medium' },
  )
  .map((specs) =>
    specs.flatMap(({ content, repeats }, index) => {
      const first = rowOf(`R-${index}`, content);
      if (repeats === undefined) return [first];
      return [first, rowOf(`R-${index}`, content, content.spelling + repeats + 1)];
    }),
  );

// ---------------------------------------------------------------------------------------------
// Feeding the intake.

const HEADER: readonly string[] = ['ID', 'Received', 'Country', 'Requester', 'Category', 'Request Type', 'Outcome', 'Rejection Reason', 'Decided', 'User Notified'];

/** One file, every row in canonical column order, fed to the intake directly. */
function direct(list: readonly Row[], period?: Period): IntakeResult {
  const intake = createIntake({ classifier, period });
  intake.header('all.csv', 1, [...HEADER, 'Notes']);
  list.forEach((row, index) => intake.row('all.csv', index + 2, [...COLUMNS.map((column) => row.cells[column]), 'note']));
  return intake.finish();
}

interface Layout {
  /** A permutation of the columns, and where a noise column goes. */
  order: number[];
  noise: number;
  ending: '\n' | '\r\n';
}

/** Several CSV files, each with its own header and column order, through the record splitter. */
function viaFiles(files: readonly Row[][], layouts: readonly Layout[], period?: Period): IntakeResult {
  const intake = createIntake({ classifier, period });
  files.forEach((list, index) => {
    const layout = layouts[index % layouts.length]!;
    const columns = layout.order.map((i) => COLUMNS[i]!);
    const headerCells = layout.order.map((i) => HEADER[i]!);
    headerCells.splice(layout.noise % (headerCells.length + 1), 0, 'Agency');
    const lines = [csvLine(headerCells)];
    for (const row of list) {
      const cells = columns.map((column) => row.cells[column]);
      cells.splice(layout.noise % (cells.length + 1), 0, 'Unit 7, "Cyber"');
      lines.push(csvLine(cells));
    }
    feedCsv(intake, `file-${index}.csv`, lines.join(layout.ending) + layout.ending);
  });
  return intake.finish();
}

const layout = fc.record({
  order: fc.shuffledSubarray(COLUMNS.map((_, i) => i), { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  noise: fc.nat(),
  ending: fc.constantFrom('\n' as const, '\r\n' as const),
});

function period(text: string): Period {
  const result = parsePeriod(text);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

const periodText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2019', '2020', '2021') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(2019, 2020, 2021), fc.constantFrom('H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4')).map(([y, p]) => `${y}${p}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(2019, 2020, 2021), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: FIRST - 30, max: LAST + 30 }), fc.nat({ max: 700 }))
      .map(([start, length]) => `${fromEpochDay(start)}..${fromEpochDay(start + length)}`),
  },
);

/** The report without what depends on where a row stood (file, line, order of the problems). */
function comparable(report: Report) {
  const { problems, ...rest } = report;
  return {
    ...rest,
    problems: {
      errors: problems.errors,
      warnings: problems.warnings,
      list: problems.list.map((p) => `${p.severity} ${p.code} ${p.column ?? ''}`).sort(),
    },
  };
}

/** Counts per country, category and outcome, from a report. */
function cellCounts(report: Report): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of report.rows) {
    for (const cell of row.cells) {
      const key = `${row.code}|${cell.category}|${cell.outcome}`;
      counts.set(key, (counts.get(key) ?? 0) + cell.count!);
    }
  }
  return counts;
}

function addCounts(into: Map<string, number>, from: Map<string, number>): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}

function nonZero(counts: Map<string, number>): [string, number][] {
  return [...counts].filter(([, count]) => count > 0).sort(([a], [b]) => a.localeCompare(b));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------

describe('intake and report (property)', () => {
  it('ledger balances; the report counts exactly the authority rows in the period; percents add up', () => {
    fc.assert(
      fc.property(rows, periodText, (list, text) => {
        const p = period(text);
        const result = direct(list, p);
        const { read, counted, invalid, duplicate, outsidePeriod } = result.ledger;
        expect(read).toBe(list.length);
        expect(read).toBe(counted + invalid + duplicate + outsidePeriod);
        expect(invalid).toBe(0);

        // the oracle: the first row of each id (its repeats have the same content)
        const seen = new Set<string>();
        const firsts = list.filter((row) => !seen.has(row.id) && seen.add(row.id) !== undefined);
        const inPeriod = firsts.filter((row) => row.day >= p.start && row.day <= p.end);
        expect(duplicate).toBe(list.length - firsts.length);
        expect(counted).toBe(inPeriod.length);

        const report = buildReport(p, result);
        const authority = inPeriod.filter((row) => row.authority);
        expect(report.total.total.count).toBe(authority.length);
        expect(sum(report.total.cells.map((cell) => cell.count!))).toBe(authority.length);
        expect(sum(report.rows.map((row) => row.total.count!))).toBe(authority.length);
        expect(report.userRequests).toBe(inPeriod.length - authority.length);
        const codeOf = (row: Row) => CODES.find((code) => COUNTRIES[code]!.includes(row.cells.country));
        expect(new Set(report.rows.map((row) => row.code))).toEqual(new Set(authority.map(codeOf)));
        for (const row of report.rows) expect(row.total.count).toBe(authority.filter((candidate) => codeOf(candidate) === row.code).length);
        for (const row of [...report.rows, report.total]) {
          expect(row.total.count).toBe(sum(row.cells.map((cell) => cell.count!)));
          expect(sum(row.cells.map((cell) => cell.percent!))).toBe(row.total.count! > 0 ? 100 : 0);
        }
        // the TOTAL row is the sum of the country rows, cell by cell
        report.total.cells.forEach((cell, index) => {
          expect(cell.count).toBe(sum(report.rows.map((row) => row.cells[index]!.count!)));
        });
        // rows in name order
        const names = report.rows.map((row) => row.name);
        expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare));
      }),
      { numRuns: 150 },
    );
  });

  it('shuffling the rows, or splitting them into files with their own headers, gives the same report', () => {
    const scenario = rows.chain((list) =>
      fc.record({
        list: fc.constant(list),
        order: fc.shuffledSubarray([...list.keys()], { minLength: list.length, maxLength: list.length }),
        cuts: fc.array(fc.nat(), { maxLength: 4 }),
        layouts: fc.array(layout, { minLength: 1, maxLength: 3 }),
        period: periodText,
      }),
    );
    fc.assert(
      fc.property(scenario, ({ list, order, cuts, layouts, period: text }) => {
        const p = period(text);
        const baseline = buildReport(p, direct(list, p));
        const shuffled = order.map((index) => list[index]!);
        expect(comparable(buildReport(p, direct(shuffled, p)))).toEqual(comparable(baseline));
        const files = cutAt(shuffled, cuts);
        const split = viaFiles(files, layouts, p);
        expect(split.files).toBe(files.length);
        expect(comparable(buildReport(p, split))).toEqual(comparable(baseline));
      }),
      { numRuns: 120 },
    );
  });

  it("a year's counts are the sum of its halves, and of its quarters", () => {
    fc.assert(
      fc.property(rows, fc.constantFrom(2019, 2020, 2021), (list, year) => {
        const reportOf = (text: string) => buildReport(period(text), direct(list, period(text)));
        const whole = reportOf(String(year));
        const halves = new Map<string, number>();
        const quarters = new Map<string, number>();
        const months = new Map<string, number>();
        let halfUsers = 0;
        let quarterUsers = 0;
        let halfCounted = 0;
        for (const half of ['H1', 'H2']) {
          const report = reportOf(`${year}${half}`);
          addCounts(halves, cellCounts(report));
          halfUsers += report.userRequests;
          halfCounted += report.ledger!.counted;
        }
        for (const quarter of ['Q1', 'Q2', 'Q3', 'Q4']) {
          const report = reportOf(`${year}${quarter}`);
          addCounts(quarters, cellCounts(report));
          quarterUsers += report.userRequests;
        }
        for (let month = 1; month <= 12; month++) addCounts(months, cellCounts(reportOf(`${year}-${pad(month)}`)));
        const yearly = nonZero(cellCounts(whole));
        expect(nonZero(halves)).toEqual(yearly);
        expect(nonZero(quarters)).toEqual(yearly);
        expect(nonZero(months)).toEqual(yearly);
        expect(halfUsers).toBe(whole.userRequests);
        expect(quarterUsers).toBe(whole.userRequests);
        expect(halfCounted).toBe(whole.ledger!.counted);
      }),
      { numRuns: 60 },
    );
  });
});
