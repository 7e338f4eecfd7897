// The 2020 PDF prints the published 2020 table digit for digit: for each country and TOTAL, in the
// table of each category, the counts and percentages in order, then the country's total.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf.js';
import { parseRow, readPdf, type ReadPdf } from './extract.js';
import { fixtureReport, renderOptions } from './reports.js';

const PUBLISHED = new URL('../../fixtures/published/kaspersky-2020-published.csv', import.meta.url);
const TECHNICAL = 'Requests for Non-Personal Technical Information & Expertise';
const USER_DATA = 'Requests for User Data';

interface Published {
  name: string;
  technical: number[];
  userData: number[];
}

function published(): Published[] {
  const [, ...lines] = readFileSync(PUBLISHED, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [name, taPct, ta, trPct, tr, uaPct, ua, urPct, ur] = line.split(',') as [string, ...string[]];
    const n = [taPct, ta, trPct, tr, uaPct, ua, urPct, ur].map(Number) as [number, number, number, number, number, number, number, number];
    const total = n[1] + n[3] + n[5] + n[7];
    // As the PDF prints a row: per outcome count then percent, then the country's total requests.
    return { name, technical: [n[1], n[0], n[3], n[2], total], userData: [n[5], n[4], n[7], n[6], total] };
  });
}

/** The rows of the table whose caption is `caption`, across its pages, until the next heading. */
function tableRows(pdf: ReadPdf, caption: string, names: Set<string>): Map<string, number[][]> {
  const lines = pdf.pages.flat();
  const start = lines.indexOf(caption);
  expect(start, `caption "${caption}"`).toBeGreaterThanOrEqual(0);
  const rows = new Map<string, number[][]>();
  for (const line of lines.slice(start + 1)) {
    if (line === TECHNICAL || line === USER_DATA || line === 'Requests per country') break;
    const row = parseRow(line);
    if (row && names.has(row.name)) rows.set(row.name, [...(rows.get(row.name) ?? []), row.numbers]);
  }
  return rows;
}

describe('the 2020 PDF', () => {
  let pdf: ReadPdf;
  const expected = published();
  const names = new Set(expected.map((row) => row.name));

  beforeAll(async () => {
    const report = await fixtureReport('2020', 'fixtures/logs/2020');
    pdf = await readPdf(await renderPdf(report, renderOptions()));
  });

  it('prints every country and TOTAL of the technical table as published', () => {
    const rows = tableRows(pdf, TECHNICAL, names);
    expect([...rows.keys()].sort()).toEqual([...names].sort());
    for (const row of expected) expect(rows.get(row.name), row.name).toEqual([row.technical]);
  });

  it('prints every country and TOTAL of the user-data table as published', () => {
    const rows = tableRows(pdf, USER_DATA, names);
    expect([...rows.keys()].sort()).toEqual([...names].sort());
    for (const row of expected) expect(rows.get(row.name), row.name).toEqual([row.userData]);
  });

  it('prints the rows in the published order, TOTAL last', () => {
    const lines = pdf.pages.flat();
    const start = lines.indexOf(TECHNICAL);
    const order = lines
      .slice(start + 1, lines.indexOf(USER_DATA, start + 1))
      .map((line) => parseRow(line)?.name)
      .filter((name): name is string => name !== undefined && names.has(name));
    expect(order).toEqual([...expected.slice(1).map((row) => row.name), 'TOTAL']);
  });

  it('gives the key figures and the row ledger', () => {
    const text = pdf.pages.flat().join('\n');
    expect(text).toMatch(/160 15 132 28/);
    expect(text).toContain('Requests from authorities received in 2020 (in the tables) 160');
    expect(text).toContain('Users’ own requests about their data (reported apart) 12');
    expect(text).toContain('Rows received outside 2020 (not counted) 3');
    expect(text).toContain('Rows read 175');
  });
});
