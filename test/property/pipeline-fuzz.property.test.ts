// Fuzzing the whole read path: arbitrary bytes, and random mutations of a real log (deleted quotes,
// swapped columns, random unicode, cut lines), go through the decoder, the record splitter, the
// intake and the report. Nothing may throw, and every row read must be accounted for.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classify.js';
import { createIntake, type IntakeResult } from '../../src/core/intake.js';
import { parsePeriod } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { ReportSchema } from '../../src/core/schemas.js';
import { readLogs } from '../../src/io/read-logs.js';
import { fixture } from '../helpers/run-cli.js';

const period = (() => {
  const result = parsePeriod('2020');
  if (!result.ok) throw new Error(result.message);
  return result.period;
})();
const classifier = createClassifier();
const LOG = readFileSync(fixture('logs/2020/cases-2020-h1.csv'), 'utf8');
const LINES = LOG.split('\n');

async function pipeline(bytes: Uint8Array): Promise<IntakeResult> {
  const intake = createIntake({ period, classifier, today: '2026-01-01' });
  await readLogs([{ kind: 'stdin', name: '<fuzz>' }], intake, { stdin: Readable.from([Buffer.from(bytes)]) });
  return intake.finish();
}

function expectAccounted(result: IntakeResult): void {
  const { read, counted, invalid, duplicate, outsidePeriod } = result.ledger;
  expect(read).toBe(counted + invalid + duplicate + outsidePeriod);
  expect(ReportSchema.safeParse(buildReport(period, result)).success).toBe(true);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-quote' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-columns' as const), line: fc.nat(), a: fc.nat(12), b: fc.nat(12) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 6 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, change: Mutation): string {
  switch (change.kind) {
    case 'delete-quote': {
      const quotes = [...text.matchAll(/"/g)].map((match) => match.index);
      if (quotes.length === 0) return text;
      const index = quotes[change.at % quotes.length]!;
      return text.slice(0, index) + text.slice(index + 1);
    }
    case 'swap-columns': {
      const lines = text.split('\n');
      const index = change.line % lines.length;
      const cells = lines[index]!.split(',');
      const a = change.a % cells.length;
      const b = change.b % cells.length;
      [cells[a], cells[b]] = [cells[b]!, cells[a]!];
      lines[index] = cells.join(',');
      return lines.join('\n');
    }
    case 'insert': {
      const index = change.at % (text.length + 1);
      return text.slice(0, index) + change.text + text.slice(index);
    }
    case 'cut':
      return text.slice(0, change.at % (text.length + 1));
    case 'duplicate-line': {
      const lines = text.split('\n');
      const index = change.line % lines.length;
      lines.splice(index, 0, lines[index]!);
      return lines.join('\n');
    }
  }
}

describe('the read path never throws and loses nothing (fuzz)', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expectAccounted(await pipeline(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary text after a valid header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), async (text) => {
        expectAccounted(await pipeline(new TextEncoder().encode(`${LINES[0]}\n${text}`)));
      }),
      { numRuns: 200 },
    );
  });

  it('random mutations of a real log', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (changes) => {
        const text = changes.reduce(mutate, LOG);
        const result = await pipeline(new TextEncoder().encode(text));
        expectAccounted(result);
        // Short of a cut or a NUL byte (which marks a file as binary), a mutated log still has rows.
        const fatal = changes.some((change) => change.kind === 'cut' || (change.kind === 'insert' && change.text.includes('\u0000')));
        if (!fatal) expect(result.ledger.read).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
