// The fast paths (quote-free lines read as bytes in place, or as text, with cached normalisation)
// give exactly what the reference path gives (every row split into fields and read by validateRow):
// the same ledger, the same problems in the same order with the same wording, the same tallies.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntake } from '../../src/core/intake.js';
import { readLogs } from '../../src/io/read-logs.js';
import { intakeOptions, logFile, periodText, summary } from '../helpers/random-logs.js';
import { feedCsv } from '../unit/support.js';

async function viaReader(files: readonly string[], cuts: readonly number[], period: string | undefined, fastPath: boolean) {
  const intake = createIntake(intakeOptions(period, fastPath));
  for (const text of files) {
    const bytes = Buffer.from(text, 'utf8');
    const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
    const chunks: Buffer[] = [];
    let start = 0;
    for (const point of points) {
      if (point > start) chunks.push(bytes.subarray(start, point));
      start = Math.max(start, point);
    }
    chunks.push(bytes.subarray(start));
    await readLogs([{ kind: 'stdin', name: '<stdin>' }], intake, { stdin: Readable.from(chunks.filter((chunk) => chunk.length > 0)) });
  }
  return summary(intake.finish());
}

describe('fast paths ≡ validateRow (property)', () => {
  it('bytes, text and fields give the same ledger, problems and tallies', async () => {
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(logFile, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 6 }), periodText, async (files, cuts, period) => {
        const reference = await viaReader(files, cuts, period, false);
        counted += reference.ledger.counted + reference.ledger.outsidePeriod + reference.ledger.duplicate;
        expect(await viaReader(files, cuts, period, true)).toEqual(reference);
        // The string splitter's own fast path (rowText), as the tests' feedCsv drives it.
        const text = createIntake(intakeOptions(period, true));
        const plain = createIntake(intakeOptions(period, false));
        files.forEach((file, index) => {
          feedCsv(text, `f${index}.csv`, file.replace(/^\uFEFF/, ''));
          feedCsv(plain, `f${index}.csv`, file.replace(/^\uFEFF/, ''));
        });
        expect(summary(text.finish())).toEqual(summary(plain.finish()));
      }),
      { numRuns: 300 },
    );
    // The inputs must have exercised the fast paths: most runs hold valid rows.
    expect(counted).toBeGreaterThan(300);
  });
});
