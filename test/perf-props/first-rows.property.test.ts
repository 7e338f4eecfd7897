// Logs read from files keep ids only in their id table, and find the first rows of repeated ids by
// reading the logs a second time (firstRows 'later'); standard input keeps first rows as it reads
// ('inline'). Both give the same ledger, problems (same order, same wording, same cap), counts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntake } from '../../src/core/intake.js';
import { intakeLogs, readLogs } from '../../src/io/read-logs.js';
import type { Source } from '../../src/io/resolve-inputs.js';
import { intakeOptions, logFile, periodText, summary } from '../helpers/random-logs.js';

let folder: string;
const chunkBytes = process.env.TRANSPARENCY_CHUNK_BYTES;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'first-rows-'));
  // Small chunks: the second reading stops in the middle of a file once it has found every first row.
  process.env.TRANSPARENCY_CHUNK_BYTES = '64';
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  if (chunkBytes === undefined) delete process.env.TRANSPARENCY_CHUNK_BYTES;
  else process.env.TRANSPARENCY_CHUNK_BYTES = chunkBytes;
});

let run = 0;
function writeLogs(files: readonly string[]): Source[] {
  run++;
  return files.map((text, index) => {
    const name = path.join(folder, `r${run}-${index}.csv`);
    writeFileSync(name, text);
    return { kind: 'file', path: name, name };
  });
}

describe("first rows found by a second reading ≡ kept in the id table (property)", () => {
  it('gives the same ledger, problems and counts, whatever the problem cap', async () => {
    let repeats = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(logFile, { minLength: 1, maxLength: 3 }), fc.nat(3), periodText, fc.nat(12), async (files, copied, period, maxProblems) => {
        // A file given again (as when exports overlap): its valid rows are exact duplicates.
        const sources = writeLogs(copied < files.length ? [...files, files[copied]!] : files);
        const options = { ...intakeOptions(period, true), maxProblems };
        const inline = createIntake({ ...options, firstRows: 'inline' });
        await readLogs(sources, inline);
        const expected = summary(inline.finish());
        repeats += expected.ledger.duplicate;
        const later = await intakeLogs(sources, (extra) => createIntake({ ...options, ...extra }), { idTable: 'ids' });
        expect(summary(later)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    // The inputs must have repeated ids: most runs do.
    expect(repeats).toBeGreaterThan(20);
  });
});
