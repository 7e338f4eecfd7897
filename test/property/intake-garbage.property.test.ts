import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntake } from '../../src/core/intake.js';
import { parsePeriod, yearPeriod } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { ReportSchema } from '../../src/core/schemas.js';
import { COLUMNS } from '../../src/core/schema.js';
import { classifier, feedCsv } from '../unit/support.js';

// Cells that are sometimes valid, often nearly valid, and otherwise anything at all.
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '', ' ', 'R-1', 'R-2', '2020-01-01', '2021-02-29', '2020-06-30T23:00:00-02:00', '2020-06-30T23:00:00', '03/04/2021',
      'RU', 'Russia', 'Congo', 'Marocco', 'Atlantis', 'user', 'police', 'technical-expertise', 'user-data', 'data-copy',
      'approved', 'rejected', 'pending', 'no-data-found', 'yes', 'request for encryption keys', 'delete my account',
      'weather', '\uFFFD', 'a\uFFFDb', '\uD800', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
    ),
  },
);
const headerCell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...COLUMNS, 'ID', 'Request Type', 'Notes', '', '__proto__', 'constructor') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

type Command =
  | { kind: 'header'; cells: string[] | null }
  | { kind: 'row'; fields: string[] }
  | { kind: 'unreadable'; rows: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.option(fc.array(headerCell, { maxLength: 12 }), { nil: null, freq: 8 }).map((cells): Command => ({ kind: 'header', cells })) },
  { weight: 10, arbitrary: fc.array(cell, { maxLength: 14 }).map((fields): Command => ({ kind: 'row', fields })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((rows): Command => ({ kind: 'unreadable', rows })) },
);

const periodOrNone = fc.constantFrom(undefined, '2020', '2020H2', '2021Q1', '2019-12', '2020-01-01..2020-01-31');

describe('intake on garbage (property)', () => {
  it('never throws, the ledger adds up, and the report is valid', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), periodOrNone, fc.nat({ max: 20 }), (commands, periodText, maxProblems) => {
        const period = periodText === undefined ? undefined : parsePeriod(periodText);
        const intake = createIntake({ classifier, period: period?.ok ? period.period : undefined, maxProblems, today: '2021-06-30' });
        let expectedRead = 0;
        let line = 1;
        for (const step of commands) {
          line++;
          if (step.kind === 'header') intake.header(`f${line}.csv`, line, step.cells);
          else if (step.kind === 'row') {
            expectedRead++;
            intake.row('f.csv', line, step.fields);
          } else {
            expectedRead += step.rows;
            intake.unreadable('f.csv', line, step.rows, 'malformed CSV');
          }
        }
        const result = intake.finish();
        const { read, counted, invalid, duplicate, outsidePeriod } = result.ledger;
        expect(read).toBe(expectedRead);
        expect(read).toBe(counted + invalid + duplicate + outsidePeriod);
        expect(result.problems.length).toBeLessThanOrEqual(maxProblems);
        expect(result.errorCount + result.warningCount).toBeGreaterThanOrEqual(result.problems.length);
        const report = buildReport(period?.ok ? period.period : yearPeriod(2020), result);
        expect(ReportSchema.safeParse(report).success).toBe(true);
        expect(report.total.total.count! + report.userRequests).toBe(counted);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on garbage CSV text, and the ledger adds up', () => {
    const text = fc
      .array(fc.oneof(cell, fc.constantFrom(',', ',', '"', '\n', '\n', '\r\n', 'id,received,country,outcome\n')), { maxLength: 80 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (files) => {
        const intake = createIntake({ classifier });
        files.forEach((content, index) => feedCsv(intake, `f${index}.csv`, `id,received,country,outcome,category\n${content}`));
        const { read, counted, invalid, duplicate, outsidePeriod } = intake.finish().ledger;
        expect(read).toBe(counted + invalid + duplicate + outsidePeriod);
      }),
      { numRuns: 300 },
    );
  });
});
