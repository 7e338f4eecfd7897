// Under disclosure control the PDF prints the figures as the core protected them and gives none of
// the withheld counts back: no chart (bar lengths are counts), no exact sums in the summary, no
// comparison, no percentages with bands, and a paragraph saying which control is in force.
import { beforeAll, describe, expect, it } from 'vitest';
import { protectReport } from '../../src/core/disclosure.js';
import type { Report } from '../../src/core/report.js';
import { countText, percentText } from '../../src/render/figure-text.js';
import { renderPdf } from '../../src/render/pdf.js';
import { readPdf, type ReadPdf } from './extract.js';
import { fixtureReport, renderOptions } from './reports.js';

const TECHNICAL = 'Requests for Non-Personal Technical Information & Expertise';
const USER_DATA = 'Requests for User Data';

/** The lines from `start` (exclusive) up to the first line starting with `end`. */
function between(lines: string[], start: string, end: string): string[] {
  const from = lines.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  const to = lines.findIndex((line, index) => index > from && line.startsWith(end));
  return lines.slice(from + 1, to < 0 ? undefined : to);
}

/** A country's line in a table, as the report says it must print: per outcome count and percent, then the total. */
function expectedLine(report: Report, name: string, category: string, percents: boolean): string {
  const row = [...report.rows, report.total].find((candidate) => candidate.name === name)!;
  const cells = row.cells.filter((cell) => cell.category === category);
  return [name, ...cells.flatMap((cell) => (percents ? [countText(cell), percentText(cell)] : [countText(cell)])), countText(row.total)].join(' ');
}

describe('a PDF with small counts withheld (min-cell 5)', () => {
  let plain: Report;
  let report: Report;
  let pdf: ReadPdf;
  let lines: string[];
  beforeAll(async () => {
    plain = await fixtureReport('2020', 'fixtures/logs/2020');
    report = protectReport(plain, { method: 'min-cell', threshold: 5 });
    pdf = await readPdf(await renderPdf(report, renderOptions()));
    lines = pdf.pages.flat();
  });

  it('prints every row of both tables as the core protected it, Chile’s 1 as "< 5"', () => {
    expect(lines).toContain(`Chile < 5 – 0 – < 5`);
    for (const [caption, category] of [[TECHNICAL, 'technical-expertise'], [USER_DATA, 'user-data']] as const) {
      const table = between(lines, caption, caption === TECHNICAL ? USER_DATA : 'This report has no chart');
      for (const row of [...report.rows, report.total]) expect(table, row.name).toContain(expectedLine(report, row.name, category, true));
    }
  });

  /** The summary's lines of figures: the key figures and the table by category. */
  const summaryLines = () => {
    const summary = between(lines, 'Summary', 'Our principles');
    const labels = ['Technical information & expertise ', 'User data ', 'All requests '];
    return [summary[0]!, ...summary.filter((line) => labels.some((label) => line.startsWith(label)))];
  };
  /** The lines of figures: the summary's, and the rows of both tables. */
  const figureLines = () => {
    const names = [...report.rows, report.total].map((row) => `${row.name} `);
    const rows = between(lines, 'Requests by country', 'This report has no chart').filter((line) => names.some((name) => line.startsWith(name)));
    return [...summaryLines(), ...rows];
  };

  it('prints no count from 1 to 4 in the tables or the summary', () => {
    const figures = figureLines();
    expect(figures[0]).toBe('160 15 withheld withheld');
    expect(figures.length).toBeGreaterThan(2 * report.rows.length);
    for (const line of figures) {
      // "< 5" is the protected form; a bare 1–4 would be an exact small count.
      expect(line.replace(/< 5/g, ''), line).not.toMatch(/(^|\s)[1-4](\s|$|\s\()/);
    }
  });

  it('gives no withheld total of the TOTAL row in the summary', () => {
    const figuresOf = (row: Report['total']) => [row.total, ...row.cells, ...Object.values(row.categories)];
    const published = figuresOf(report.total);
    const withheld = figuresOf(plain.total)
      .filter((_, index) => published[index]!.count === null)
      .map((figure) => String(figure.count));
    expect(withheld.length).toBeGreaterThan(0);
    const tokens = summaryLines().flatMap((line) => line.split(' '));
    for (const value of withheld) expect(tokens, value).not.toContain(value);
    expect(lines).toContain('Technical information & expertise withheld – withheld withheld');
  });

  it('has no chart and says why, and no comparison', () => {
    expect(lines).not.toContain('Requests per country');
    expect(lines).not.toContain('Number of requests');
    expect(pdf.roles).not.toContain('Figure');
    expect(lines.join(' ')).toContain('This report has no chart of requests per country: its bar lengths would give back the exact counts');
    expect(lines.some((line) => line.startsWith('Change from'))).toBe(false);
  });

  it('explains the control in the definitions, and hides the authorities’ counts of response times and notice', () => {
    const text = lines.join(' ');
    expect(text).toMatch(/Disclosure control: in the tables by country and the summary, counts from 1 to 4 are shown as “<\s5”/);
    expect(text).toContain('shown as “withheld”');
    expect(lines).toContain('Authorities: technical information & expertise – 8 39');
    expect(text).not.toMatch(/the user was told in \d/);
  });
});

describe('a PDF with counts in bands of 250', () => {
  let report: Report;
  let lines: string[];
  beforeAll(async () => {
    report = protectReport(await fixtureReport('2020', 'fixtures/logs/2020'), { method: 'bands', width: 250 });
    lines = (await readPdf(await renderPdf(report, renderOptions()))).pages.flat();
  });

  it('shows every count of both tables as "0–249", without percentages', () => {
    for (const caption of [TECHNICAL, USER_DATA]) {
      const table = between(lines, caption, caption === TECHNICAL ? USER_DATA : 'This report has no chart');
      for (const row of [...report.rows, report.total]) expect(table, row.name).toContain(`${row.name} 0–249 0–249 0–249`);
      expect(table.join(' ')).not.toContain('%');
    }
  });

  it('shows the summary and the ledger in bands too, with no exact authority total', () => {
    expect(lines).toContain('0–249 15 0–249 0–249');
    expect(lines.join(' ')).toContain('received 0–249 requests');
    expect(lines.join(' ')).toContain('the numbers of rows read, counted, invalid and outside the period are not published');
    expect(lines.some((line) => line.startsWith('Rows read'))).toBe(false);
    const text = lines.join(' ');
    expect(text).not.toContain('160');
    expect(text).toContain('Disclosure control: every count in the tables by country and the summary is shown as the range of 250');
  });
});

describe('the volume layout under disclosure control', () => {
  it('prints the protected figures and no chart', async () => {
    const plain = await fixtureReport('2021H1', 'fixtures/logs/2021h1', { layout: 'volume' });
    const report = protectReport(plain, { method: 'min-cell', threshold: 5 });
    const lines = (await readPdf(await renderPdf(report, renderOptions()))).pages.flat();
    for (const row of [...report.rows, report.total]) {
      const figures = [row.total, row.categories['user-data'], row.categories['technical-expertise']].map(countText);
      expect(lines, row.name).toContain([row.name, ...figures].join(' '));
    }
    expect(lines).toContain('Belgium < 5 0 < 5');
    expect(lines).not.toContain('Number of requests');
  });
});
