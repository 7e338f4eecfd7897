import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createIntake, type IntakeResult } from '../../src/core/intake.js';
import { parsePeriod, previousPeriod, type Period } from '../../src/core/period.js';
import { buildComparison, buildReport, type Report, type ReportRow } from '../../src/core/report.js';
import { ReportSchema } from '../../src/core/schemas.js';
import type { RequestRecord } from '../../src/core/schema.js';
import { createTally } from '../../src/core/tally.js';
import { compareNames, countryNames } from '../../src/core/country.js';
import { classifier } from './support.js';

function period(text: string): Period {
  const result = parsePeriod(text);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

type Spec = [country: string, category: 'technical-expertise' | 'user-data' | 'data-copy', outcome: string, count: number, requester?: string];

/** An intake fed with `count` distinct rows per spec, received in `day`. */
function intakeOf(specs: readonly Spec[], options: { period?: Period; comparePeriod?: Period; day?: string; previous?: readonly Spec[]; previousDay?: string } = {}): IntakeResult {
  const intake = createIntake({ classifier, period: options.period, comparePeriod: options.comparePeriod });
  intake.header('log.csv', 1, ['id', 'received', 'country', 'requester', 'category', 'outcome']);
  let n = 0;
  const feed = (list: readonly Spec[], day: string | ((n: number) => string)) => {
    for (const [country, category, outcome, count, requester] of list) {
      for (let i = 0; i < count; i++) {
        n++;
        const received = typeof day === 'string' ? day : day(n);
        intake.row('log.csv', n + 1, [`R-${n}`, received, country, requester ?? 'law-enforcement', category, outcome]);
      }
    }
  };
  feed(specs, options.day ?? '2020-06-15');
  // The previous period's rows spread over its second half-year, so that it counts as covered.
  feed(options.previous ?? [], options.previousDay ?? ((n) => `2019-${String(7 + (n % 6)).padStart(2, '0')}-15`));
  return intake.finish();
}

function cellsOf(row: ReportRow): [number, number][] {
  return row.cells.map((cell) => [cell.count!, cell.percent!]);
}

// The published 2020 table (fixtures/published/kaspersky-2020-published.csv), as counts.
const REFERENCE_2020: Spec[] = [
  ['Russia', 'technical-expertise', 'approved', 35],
  ['Russia', 'technical-expertise', 'rejected', 31],
  ['Russia', 'user-data', 'rejected', 27],
  ['France', 'technical-expertise', 'approved', 10],
  ['France', 'user-data', 'rejected', 1],
  ['Brazil', 'technical-expertise', 'approved', 2],
  ['Chile', 'technical-expertise', 'approved', 1],
  ['Colombia', 'technical-expertise', 'approved', 1],
  ['Ecuador', 'technical-expertise', 'approved', 2],
  ['Germany', 'technical-expertise', 'approved', 7],
  ['India', 'technical-expertise', 'approved', 2],
  ['Japan', 'technical-expertise', 'approved', 11],
  ['Jordan', 'technical-expertise', 'approved', 1],
  ['Morocco', 'technical-expertise', 'approved', 1],
  ['Saudi Arabia', 'technical-expertise', 'approved', 1],
  ['Singapore', 'technical-expertise', 'approved', 3],
  ['South Korea', 'technical-expertise', 'approved', 23],
  ['Spain', 'technical-expertise', 'approved', 1],
];

describe('buildReport: the published 2020 reference', () => {
  const report = buildReport(period('2020'), intakeOf(REFERENCE_2020, { period: period('2020') }));

  it.each([
    ['Russia', [[35, 38], [31, 33], [0, 0], [27, 29]]],
    ['France', [[10, 91], [0, 0], [0, 0], [1, 9]]],
    ['South Korea', [[23, 100], [0, 0], [0, 0], [0, 0]]],
  ])('%s', (name, expected) => {
    const row = report.rows.find((candidate) => candidate.name === name);
    expect(row && cellsOf(row)).toEqual(expected);
  });

  it('TOTAL 101/31/0/28 → 63/19/0/18', () => {
    expect(report.total.code).toBeNull();
    expect(report.total.name).toBe('TOTAL');
    expect(report.total.total.count).toBe(160);
    expect(cellsOf(report.total)).toEqual([[101, 63], [31, 19], [0, 0], [28, 18]]);
  });

  it('matches every figure of the published CSV, in its order', () => {
    const published = parse(readFileSync(new URL('../../fixtures/published/kaspersky-2020-published.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
    const asPublished = (row: ReportRow) => {
      const [ta, tr, ua, ur] = row.cells;
      return {
        country: row.name,
        technical_approved_pct: String(ta!.percent), technical_approved: String(ta!.count),
        technical_rejected_pct: String(tr!.percent), technical_rejected: String(tr!.count),
        user_data_approved_pct: String(ua!.percent), user_data_approved: String(ua!.count),
        user_data_rejected_pct: String(ur!.percent), user_data_rejected: String(ur!.count),
      };
    };
    expect([asPublished(report.total), ...report.rows.map(asPublished)]).toEqual(published);
  });

  it('has the layout of the publication', () => {
    expect(report.categories).toEqual(['technical-expertise', 'user-data']);
    expect(report.outcomes).toEqual(['approved', 'rejected']);
    expect(report.rows.map((row) => row.code)).toEqual(['BR', 'CL', 'CO', 'EC', 'FR', 'DE', 'IN', 'JP', 'JO', 'MA', 'RU', 'SA', 'SG', 'KR', 'ES']);
    expect(report.ledger).toEqual({ read: 160, counted: 160, invalid: 0, duplicate: 0, outsidePeriod: 0 });
    expect(report.comparison).toBeNull();
    expect(ReportSchema.parse(report)).toEqual(report);
  });
});

describe('buildReport: columns and rows', () => {
  it('shows approved and rejected always, other outcomes only when they occur, in report order', () => {
    const empty = buildReport(period('2020'), intakeOf([]));
    expect(empty.outcomes).toEqual(['approved', 'rejected']);
    expect(empty.rows).toEqual([]);
    expect(empty.total.total.count).toBe(0);
    expect(cellsOf(empty.total)).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);

    const report = buildReport(
      period('2020'),
      intakeOf([
        ['FR', 'technical-expertise', 'pending', 1],
        ['FR', 'user-data', 'challenged', 1],
        ['FR', 'technical-expertise', 'approved', 2],
      ]),
    );
    expect(report.outcomes).toEqual(['approved', 'rejected', 'challenged', 'pending']);
    expect(report.rows[0]!.cells.map((cell) => `${cell.category}/${cell.outcome}=${cell.count}/${cell.percent}`)).toEqual([
      'technical-expertise/approved=2/50',
      'technical-expertise/rejected=0/0',
      'technical-expertise/challenged=0/0',
      'technical-expertise/pending=1/25',
      'user-data/approved=0/0',
      'user-data/rejected=0/0',
      'user-data/challenged=1/25',
      'user-data/pending=0/0',
    ]);
  });

  it('takes percentages of the row total across both categories and all outcomes', () => {
    const report = buildReport(
      period('2020'),
      intakeOf([
        ['DE', 'technical-expertise', 'approved', 1],
        ['DE', 'technical-expertise', 'clarification-requested', 1],
        ['DE', 'user-data', 'rejected', 1],
      ]),
    );
    const [row] = report.rows;
    expect(row!.total.count).toBe(3);
    expect(row!.cells.filter((cell) => cell.count! > 0).map((cell) => cell.percent)).toEqual([34, 33, 33]);
    expect(row!.cells.reduce((sum, cell) => sum + cell.percent!, 0)).toBe(100);
  });

  it("keeps users' own requests out of the tables and counts them apart", () => {
    const report = buildReport(
      period('2020'),
      intakeOf([
        ['FR', 'technical-expertise', 'approved', 2],
        ['FR', 'data-copy', 'approved', 3, 'user'],
        ['IT', 'data-copy', 'approved', 1, 'user'],
      ]),
    );
    expect(report.userRequests).toBe(4);
    expect(report.rows.map((row) => [row.code, row.total.count])).toEqual([['FR', 2]]);
    expect(report.total.total.count).toBe(2);
  });

  it('sorts rows by English name, ignoring case and accents, not by code', () => {
    const report = buildReport(
      period('2020'),
      intakeOf([
        ['HR', 'technical-expertise', 'approved', 1], // Croatia
        ['CI', 'technical-expertise', 'approved', 1], // Cote d'Ivoire
        ['KR', 'technical-expertise', 'approved', 1], // South Korea
        ['ZA', 'technical-expertise', 'approved', 1], // South Africa
        ['AX', 'technical-expertise', 'approved', 1], // Åland Islands
        ['AF', 'technical-expertise', 'approved', 1], // Afghanistan
        ['RU', 'technical-expertise', 'approved', 1],
      ]),
    );
    expect(report.rows.map((row) => row.code)).toEqual(['AF', 'AX', 'CI', 'HR', 'RU', 'ZA', 'KR']);
  });

  it('compareNames is locale-independent English order', () => {
    expect(compareNames('Åland Islands', 'Albania')).toBeLessThan(0);
    expect(compareNames('Côte', 'cote')).toBe(0);
    expect(compareNames('Zambia', 'australia')).toBeGreaterThan(0);
  });

  it('carries the ledger and the problems of the intake', () => {
    const intake = createIntake({ classifier, maxProblems: 1 });
    intake.header('a.csv', 1, ['id', 'received', 'country', 'outcome', 'category']);
    intake.row('a.csv', 2, ['1', 'bad', 'RU', 'approved', 'technical']);
    intake.row('a.csv', 3, ['2', 'bad', 'RU', 'approved', 'technical']);
    const report: Report = buildReport(period('2020'), intake.finish());
    expect(report.ledger).toEqual({ read: 2, counted: 0, invalid: 2, duplicate: 0, outsidePeriod: 0 });
    expect(report.problems.errors).toBe(2);
    expect(report.problems.warnings).toBe(0);
    expect(report.problems.list).toHaveLength(1);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });
});

describe('comparison with the previous period', () => {
  it('compares totals, categories and countries', () => {
    const current = period('2020H1');
    const before = previousPeriod(current);
    const intake = intakeOf(
      [
        ['RU', 'technical-expertise', 'approved', 3],
        ['FR', 'user-data', 'rejected', 1],
        ['FR', 'data-copy', 'approved', 5, 'user'],
      ],
      {
        period: current,
        comparePeriod: before,
        previous: [
          ['RU', 'technical-expertise', 'approved', 1],
          ['DE', 'technical-expertise', 'rejected', 1],
          ['JP', 'user-data', 'approved', 2],
          ['JP', 'data-copy', 'approved', 7, 'user'],
        ],
      },
    );
    const report = buildReport(current, intake, { previousPeriod: before });
    expect(report.comparison).toEqual({
      period: before,
      total: { current: 4, previous: 4 },
      categories: {
        'technical-expertise': { current: 3, previous: 2 },
        'user-data': { current: 1, previous: 2 },
      },
      countries: { current: 2, previous: 3 },
    });
    expect(report.ledger).toEqual({ read: 20, counted: 9, invalid: 0, duplicate: 0, outsidePeriod: 11 });
  });

  it('is null when the logs hold no authority request of the previous period', () => {
    const current = period('2020');
    const before = previousPeriod(current);
    const onlyUsers = intakeOf([['RU', 'technical-expertise', 'approved', 1]], {
      period: current,
      comparePeriod: before,
      previous: [['JP', 'data-copy', 'approved', 7, 'user']],
    });
    expect(buildReport(current, onlyUsers, { previousPeriod: before }).comparison).toBeNull();
    expect(buildReport(current, onlyUsers).comparison).toBeNull();
    expect(buildComparison(createTally(), createTally(), before)).toBeNull();
  });

  it('no comparison from a few stray rows: the previous period must be covered for half its months', () => {
    const current = period('2020H1');
    const before = previousPeriod(current);
    const stray = intakeOf([['RU', 'technical-expertise', 'approved', 3]], {
      period: current,
      comparePeriod: before,
      previous: [['RU', 'technical-expertise', 'approved', 9]],
      previousDay: '2019-12-30',
    });
    expect(buildReport(current, stray, { previousPeriod: before }).comparison).toBeNull();
  });

  it("gives the comparison buildComparison makes from both tallies, for any rows (its current sums come from the report's own)", () => {
    const spec = fc.tuple(
      fc.constantFrom('Russia', 'France', 'Brazil', 'US'), fc.constantFrom('technical-expertise', 'user-data', 'data-copy'),
      fc.constantFrom('approved', 'rejected', 'in-progress'), fc.integer({ min: 1, max: 3 }), fc.constantFrom('law-enforcement', 'government', 'user'),
    ) as fc.Arbitrary<Spec>;
    const current = period('2020H1');
    const before = previousPeriod(current);
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 12 }), fc.array(spec, { maxLength: 12 }), (now, previous) => {
        // Users' requests of an authority category, or authorities' of a user one, are invalid rows: left out.
        const valid = (list: Spec[]) => list.filter(([, category, , , requester]) => (requester === 'user') === (category === 'data-copy'));
        const intake = intakeOf(valid(now), { period: current, comparePeriod: before, previous: valid(previous) });
        expect(buildReport(current, intake, { previousPeriod: before }).comparison).toEqual(buildComparison(intake.tally, intake.comparisonTally!, before));
      }),
      { numRuns: 60 },
    );
  });

  it('buildComparison counts what it is given', () => {
    const tally = createTally();
    const base: RequestRecord = { id: '1', received: '2019-01-01', country: 'RU', requester: 'government', category: 'user-data', requestType: '', outcome: 'approved' };
    tally.add(base);
    tally.add({ ...base, id: '2', received: '2019-02-01' });
    const comparison = buildComparison(createTally(), tally, period('2019Q1'));
    expect(comparison).toEqual({
      period: period('2019Q1'),
      total: { current: 0, previous: 2 },
      categories: { 'technical-expertise': { current: 0, previous: 0 }, 'user-data': { current: 0, previous: 2 } },
      countries: { current: 0, previous: 1 },
    });
  });
});

describe('compareNames', () => {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const names = [...countryNames().values()];

  it('sorts every pair of country names as ICU does at base strength', () => {
    // The plain keys stand in for the collator only on this closed set: every pair must agree.
    const disagreements: string[] = [];
    for (const a of names) {
      for (const b of names) {
        if (Math.sign(compareNames(a, b)) !== Math.sign(collator.compare(a, b))) disagreements.push(`${a} / ${b}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(names.length).toBeGreaterThan(240);
    // No two countries share a name at base strength, so no order rests on a tie-break.
    expect(new Set(names.map((name) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase())).size).toBe(names.length);
  });

  it('asks the collator for names outside the set', () => {
    expect(compareNames('Côte d’Ivoire', 'cote d’ivoire x')).toBe(collator.compare('Côte d’Ivoire', 'cote d’ivoire x'));
    expect(compareNames('Zed', 'Åland Islands')).toBeGreaterThan(0);
    expect(compareNames('(unknown)', 'Albania')).toBe(Math.sign(collator.compare('(unknown)', 'Albania')));
  });
});
