// The same report and timestamp give the same bytes (a release pipeline can rebuild and compare);
// another timestamp gives another file. Checked on renderPdf and through the built CLI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { renderPdf } from '../../src/render/pdf.js';
import { fixture, runCli } from '../helpers/run-cli.js';
import { fixtureReport, renderOptions, TIMESTAMP } from './reports.js';

describe('reproducible PDF', () => {
  let report: Report;
  beforeAll(async () => {
    report = await fixtureReport('2020', 'fixtures/logs/2020');
  });

  it('is byte-identical for the same timestamp, and differs for another', async () => {
    const first = Buffer.from(await renderPdf(report, renderOptions()));
    const second = Buffer.from(await renderPdf(report, renderOptions()));
    expect(first.equals(second)).toBe(true);
    const later = Buffer.from(await renderPdf(report, renderOptions({ timestamp: TIMESTAMP + 86_400 })));
    expect(later.equals(first)).toBe(false);
    // Both dates and the trailer's /ID follow the timestamp, never the clock.
    const text = first.toString('latin1');
    // pdfkit writes each info entry as an object of its own; every date in the file is the timestamp.
    expect(text.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20210315000000Z)', '(D:20210315000000Z)']);
    expect(text).toContain('<xmp:CreateDate>2021-03-15T00:00:00Z</xmp:CreateDate>');
    expect(later.toString('latin1').match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20210316000000Z)', '(D:20210316000000Z)']);
    const id = /\/ID \[<([0-9a-f]+)> <\1>\]/.exec(text)?.[1];
    expect(id).toBeDefined();
    expect(later.toString('latin1')).not.toContain(id);
  });

  describe('through the CLI', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'transparency-pdf-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const build = (name: string, epoch: string) => {
      const out = path.join(folder, name);
      const run = runCli(['build', '--period', '2020', fixture('logs/2020'), '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: epoch } });
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(out);
    };

    it('writes the same bytes for the same SOURCE_DATE_EPOCH', () => {
      const first = build('a.pdf', String(TIMESTAMP));
      const second = build('b.pdf', String(TIMESTAMP));
      expect(first.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      expect(first.equals(second)).toBe(true);
    });
  });
});
