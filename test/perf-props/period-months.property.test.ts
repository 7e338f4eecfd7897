// What `build` and `compare` ask of an intake (IntakeOptions.periodMonths and comparisonOutcomes
// false): the period's rows in one cell for all its months, the comparison period's without outcome,
// reason and notice. The same counts once those are added up, the same ledger, problems and decision
// times, and so the same report and comparison, on either path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompareReport } from '../../src/core/compare.js';
import { createIntake, type IntakeResult } from '../../src/core/intake.js';
import { buildReport } from '../../src/core/report.js';
import type { TallyEntry } from '../../src/core/tally.js';
import { intakeOptions, logFile, periodText, summary } from '../helpers/random-logs.js';
import { feedCsv } from '../unit/support.js';

function read(files: readonly string[], period: string | undefined, fastPath: boolean, lean: boolean): IntakeResult {
  const intake = createIntake({ ...intakeOptions(period, fastPath), periodMonths: !lean, comparisonOutcomes: !lean });
  files.forEach((file, index) => feedCsv(intake, `f${index}.csv`, file.replace(/^\uFEFF/, '')));
  return intake.finish();
}

/** Entries' counts by what is left of each once `forget` has set some of its values. */
function sums(entries: readonly TallyEntry[] | undefined, forget: (entry: Omit<TallyEntry, 'count'>) => object): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { count, ...cell } of entries ?? []) {
    const key = JSON.stringify(forget(cell));
    totals.set(key, (totals.get(key) ?? 0) + count);
  }
  return totals;
}

describe('a period tallied as a whole, and a comparison by requests only (property)', () => {
  it('counts what the full tallies count and gives the same report and comparison', () => {
    let counted = 0;
    let compared = 0;
    fc.assert(
      fc.property(fc.array(logFile, { minLength: 1, maxLength: 3 }), periodText, fc.boolean(), (files, period, fastPath) => {
        const full = read(files, period, fastPath, false);
        const lean = read(files, period, fastPath, true);
        counted += full.ledger.counted;
        compared += full.comparisonTally?.entries().length ?? 0;
        const { tally: fullTally, comparison: fullComparison, ...fullRest } = summary(full);
        const { tally: leanTally, comparison: leanComparison, ...leanRest } = summary(lean);
        expect(leanRest).toEqual(fullRest);
        const options = intakeOptions(period, fastPath);
        const first = options.period?.start.slice(0, 7);
        if (first) expect(new Set(leanTally.map((entry) => entry.month))).toEqual(new Set(leanTally.length ? [first] : []));
        const oneMonth = (cell: Omit<TallyEntry, 'count'>) => ({ ...cell, month: first ?? cell.month });
        expect(sums(leanTally, oneMonth)).toEqual(sums(fullTally, oneMonth));
        const requestsOnly = ({ country, requester, category, month }: Omit<TallyEntry, 'count'>) => ({ country, requester, category, month });
        expect(sums(leanComparison, requestsOnly)).toEqual(sums(fullComparison, requestsOnly));
        for (const entry of leanComparison ?? []) expect([entry.outcome, entry.rejectionReason, entry.userNotified]).toEqual(['approved', undefined, undefined]);
        if (options.period && options.comparePeriod) {
          const report = (result: IntakeResult) => buildReport(options.period!, result, { previousPeriod: options.comparePeriod });
          expect(report(lean)).toEqual(report(full));
          const comparison = (result: IntakeResult) =>
            buildCompareReport(options.period!, options.comparePeriod!, result.tally.entries(), result.comparisonTally?.entries() ?? []);
          expect(comparison(lean)).toEqual(comparison(full));
        }
      }),
      { numRuns: 200 },
    );
    // The inputs must have held rows of a period and of the one before: most runs do.
    expect(counted).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(50);
  });
});
