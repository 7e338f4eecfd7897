// What makes the PDF accessible and well formed: document info, a tagged structure with headings,
// tables and a figure, the language, embedded fonts, "Page N of M" on every page, the page size.
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/core/schemas.js';
import type { Report } from '../../src/core/report.js';
import { renderPdf } from '../../src/render/pdf.js';
import { readPdf, type ReadPdf } from './extract.js';
import { fixtureReport, renderOptions } from './reports.js';

const config = ConfigSchema.parse({
  organisation: { name: 'Example & Co' },
  report: { url: 'https://example.org/transparency', language: 'en-GB' },
});

describe('PDF structure', () => {
  let report: Report;
  let bytes: Uint8Array;
  let pdf: ReadPdf;
  beforeAll(async () => {
    report = await fixtureReport('2020', 'fixtures/logs/2020');
    bytes = await renderPdf(report, renderOptions({}, config));
    pdf = await readPdf(bytes);
  });

  it('has a title, author, subject and keywords', () => {
    expect(pdf.info.Title).toBe('Law Enforcement and Government Requests Report 2020');
    expect(pdf.info.Author).toBe('Example & Co');
    expect(pdf.info.Subject).toMatch(/Example & Co/);
    expect(pdf.info.Keywords).toMatch(/transparency report/);
    // The XMP copy of the info is valid XML even with an "&" in a name.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('<rdf:li>Example &amp; Co</rdf:li>');
  });

  it('is tagged, in the language of the config, and shows its title', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    expect(pdf.marked).toBe(true);
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Table', 'THead', 'TBody', 'TFoot', 'TR', 'TH', 'TD', 'Caption', 'Figure']) {
      expect(pdf.roles, role).toContain(role);
    }
    expect(pdf.alts.some((alt) => alt.includes('Russia 93'))).toBe(true);
  });

  it('embeds its fonts and uses no standard font', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('numbers every page "Page N of M" and prints the report URL in the footer', () => {
    const count = pdf.pages.length;
    expect(count).toBeGreaterThan(1);
    pdf.pages.forEach((lines, index) => {
      const footer = lines.find((line) => line.includes(`Page ${index + 1} of ${count}`));
      expect(footer, `page ${index + 1}`).toBeDefined();
      expect(footer).toContain('https://example.org/transparency');
    });
  });

  it('is A4 by default and Letter when asked', async () => {
    expect(new Set(pdf.sizes.map(([w, h]) => `${w}x${h}`))).toEqual(new Set(['595.28x841.89']));
    const letter = await readPdf(await renderPdf(report, renderOptions({ pageSize: 'LETTER' })));
    expect(new Set(letter.sizes.map(([w, h]) => `${w}x${h}`))).toEqual(new Set(['612x792']));
  });

  it('shows the comparison with the previous period when the logs hold it', async () => {
    const h1 = await fixtureReport('2021H1', 'fixtures/logs');
    expect(h1.comparison).not.toBeNull();
    const text = (await readPdf(await renderPdf(h1, renderOptions()))).pages.flat();
    expect(text).toContain('Change from H2 2020');
    const all = h1.comparison!.total;
    const change = all.current - all.previous;
    expect(text).toContain(`All requests ${all.previous} ${all.current} ${change > 0 ? '+' : '−'}${Math.abs(change)} ${change > 0 ? '+' : '−'}${Math.round(Math.abs(change * 100) / all.previous)}%`);
  });
});
