// Layout under load: a report of many countries, with every outcome, spans pages with the table
// header repeated on each; accented names print as they are.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { renderPdf } from '../../src/render/pdf.js';
import { parseRow, readPdf, type ReadPdf } from './extract.js';
import { ACCENTED_NAMES, renderOptions, syntheticReport } from './reports.js';

const TECHNICAL = 'Requests for Non-Personal Technical Information & Expertise';
const USER_DATA = 'Requests for User Data';

describe('a report of 64 countries', () => {
  let report: Report;
  let pdf: ReadPdf;
  beforeAll(async () => {
    report = syntheticReport(64);
    pdf = await readPdf(await renderPdf(report, renderOptions()));
  });

  it('spans pages, with the header repeated on every page a table spans', () => {
    const names = new Set(report.rows.map((row) => row.name));
    const tablePages = pdf.pages
      .map((lines, index) => ({ lines, index }))
      .filter(({ lines }) => lines.some((line) => lines.indexOf(line) >= 0 && isTableRow(line, names)));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const { lines, index } of tablePages) {
      const header = lines.findIndex((line) => line.startsWith('Country Requests % Requests %') && line.endsWith('All requests'));
      const firstRow = lines.findIndex((line) => isTableRow(line, names));
      expect(header, `header on page ${index + 1}`).toBeGreaterThanOrEqual(0);
      expect(header, `header above the rows on page ${index + 1}`).toBeLessThan(firstRow);
      expect(lines.some((line) => line.includes('Processed and Approved')), `group header on page ${index + 1}`).toBe(true);
    }
    // Continued tables say so.
    expect(pdf.pages.flat().filter((line) => line.endsWith('(continued)')).length).toBeGreaterThanOrEqual(2);
  });

  it('prints every country once per table with its figures, and TOTAL last', () => {
    const lines = pdf.pages.flat();
    const technical = lines.slice(lines.indexOf(TECHNICAL), lines.indexOf(USER_DATA));
    const rows = technical.map(parseRow).filter((row) => row !== null && (row.name === 'TOTAL' || report.rows.some((r) => r.name === row.name)));
    expect(rows.map((row) => row!.name)).toEqual([...report.rows.map((row) => row.name), 'TOTAL']);
    for (const row of [...report.rows, report.total]) {
      const printed = rows.find((candidate) => candidate!.name === row.name)!;
      const cells = row.cells.filter((cell) => cell.category === 'technical-expertise');
      expect(printed.numbers, row.name).toEqual([...cells.flatMap((cell) => [cell.count, cell.percent]), row.total.count]);
    }
  });

  it('prints accented country names whole, in the tables and the chart', () => {
    const lines = pdf.pages.flat();
    for (const name of ACCENTED_NAMES) {
      // Twice in the tables, once in the chart (its label).
      expect(lines.filter((line) => line.startsWith(`${name} `)).length, name).toBeGreaterThanOrEqual(3);
    }
  });

  it('draws the chart over several pages with a legend and axis on each', () => {
    const chartPages = pdf.pages.filter((lines) => lines.includes('Number of requests'));
    expect(chartPages.length).toBeGreaterThanOrEqual(2);
    for (const lines of chartPages) expect(lines.some((line) => line.startsWith('Technical information & expertise'))).toBe(true);
    // Every country has its bar label.
    const labels = chartPages.flat();
    for (const row of report.rows) expect(labels.some((line) => line === `${row.name} ${row.total.count}`), row.name).toBe(true);
  });

  it('fits all five outcomes in the page width', async () => {
    const wide = syntheticReport(64, ['approved', 'rejected', 'challenged', 'clarification-requested', 'pending']);
    const read = await readPdf(await renderPdf(wide, renderOptions({ pageSize: 'LETTER' })));
    const lines = read.pages.flat();
    const total = lines.map(parseRow).find((row) => row?.name === 'TOTAL');
    const cells = wide.total.cells.filter((cell) => cell.category === 'technical-expertise');
    expect(total?.numbers).toEqual([...cells.flatMap((cell) => [cell.count, cell.percent]), wide.total.total.count]);
  });
});

function isTableRow(line: string, names: Set<string>): boolean {
  const row = parseRow(line);
  return row !== null && names.has(row.name) && row.numbers.length === 5;
}
