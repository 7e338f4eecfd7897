// IntakeOptions.periodMonths false (what `build` and `compare` ask for) tallies the period's rows in
// one cell for all its months: the same counts once the months are added up, the same ledger,
// problems, decision times and comparison, and so the same report, on either path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntake, type IntakeResult } from '../../src/core/intake.js';
import { buildReport } from '../../src/core/report.js';
import type { TallyEntry } from '../../src/core/tally.js';
import { intakeOptions, logFile, periodText, summary } from '../helpers/random-logs.js';
import { feedCsv } from '../unit/support.js';

function read(files: readonly string[], period: string | undefined, fastPath: boolean, periodMonths: boolean): IntakeResult {
  const intake = createIntake({ ...intakeOptions(period, fastPath), periodMonths });
  files.forEach((file, index) => feedCsv(intake, `f${index}.csv`, file.replace(/^\uFEFF/, '')));
  return intake.finish();
}

/** Entries with their months added up, as `month` says how (each month, or the one given). */
function byValues(entries: readonly TallyEntry[], month?: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const { count, ...cell } of entries) {
    const key = JSON.stringify({ ...cell, month: month ?? cell.month });
    sums.set(key, (sums.get(key) ?? 0) + count);
  }
  return sums;
}

describe('a period tallied without months (property)', () => {
  it('counts what it counts by month, in one month, and gives the same report', () => {
    let counted = 0;
    fc.assert(
      fc.property(fc.array(logFile, { minLength: 1, maxLength: 3 }), periodText, fc.boolean(), (files, period, fastPath) => {
        const byMonth = read(files, period, fastPath, true);
        const whole = read(files, period, fastPath, false);
        counted += byMonth.ledger.counted;
        const { tally: monthly, ...rest } = summary(byMonth);
        const { tally: single, ...wholeRest } = summary(whole);
        expect(wholeRest).toEqual(rest);
        const options = intakeOptions(period, fastPath);
        const first = options.period?.start.slice(0, 7);
        if (first) expect(new Set(single.map((entry) => entry.month))).toEqual(new Set(single.length ? [first] : []));
        expect(byValues(single)).toEqual(byValues(monthly, first));
        if (options.period) {
          const report = (result: IntakeResult) => buildReport(options.period!, result, { previousPeriod: options.comparePeriod });
          expect(report(whole)).toEqual(report(byMonth));
        }
      }),
      { numRuns: 200 },
    );
    // The inputs must have held rows of a period: most runs do.
    expect(counted).toBeGreaterThan(100);
  });
});
