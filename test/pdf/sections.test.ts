// --report picks the part of the report a PDF shows; every variant keeps the title block, the
// footer and how the rows were counted.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { renderPdf } from '../../src/render/pdf.js';
import type { ReportSection } from '../../src/render/sections.js';
import { readPdf, type ReadPdf } from './extract.js';
import { fixtureReport, renderOptions, syntheticReport } from './reports.js';

const HEADINGS = {
  summary: 'Summary',
  principles: 'Our principles',
  tables: 'Requests by country',
  chart: 'Requests per country',
  users: 'Users’ requests',
  timing: 'Response times and user notice',
  definitions: 'Definitions',
  counting: 'How the rows were counted',
} as const;
type Part = keyof typeof HEADINGS;

const SHOWN: Record<ReportSection, Part[]> = {
  all: ['summary', 'principles', 'tables', 'chart', 'users', 'timing', 'definitions', 'counting'],
  authorities: ['summary', 'principles', 'tables', 'chart', 'definitions', 'counting'],
  users: ['users', 'counting'],
  timing: ['timing', 'counting'],
  notices: ['timing', 'counting'],
};

describe('PDF sections', () => {
  let report: Report;
  const pdfs = new Map<ReportSection, ReadPdf>();
  beforeAll(async () => {
    report = await fixtureReport('2020', 'fixtures/logs/2020');
    for (const section of Object.keys(SHOWN) as ReportSection[]) pdfs.set(section, await readPdf(await renderPdf(report, renderOptions({ section }))));
  });

  for (const [section, shown] of Object.entries(SHOWN) as [ReportSection, Part[]][]) {
    it(`"${section}" shows ${shown.join(', ')} and nothing else`, () => {
      const pdf = pdfs.get(section)!;
      const lines = pdf.pages.flat();
      for (const part of Object.keys(HEADINGS) as Part[]) {
        expect(lines.includes(HEADINGS[part]), `${HEADINGS[part]} in ${section}`).toBe(shown.includes(part));
      }
      // The headings come in the order of the whole report.
      const order = shown.map((part) => lines.indexOf(HEADINGS[part]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // Title block and footer on every variant.
      // The organisation's name is letter-spaced: its letters come back one by one.
      expect(pdf.pages[0]![0]!.replace(/ /g, '')).toBe('EXAMPLEORGANISATION');
      expect(pdf.pages[0]!.slice(1, 4)).toEqual(['Law Enforcement and', 'Government Requests Report', '2020']);
      pdf.pages.forEach((page, index) => expect(page.some((line) => line.endsWith(`Page ${index + 1} of ${pdf.pages.length}`))).toBe(true));
    });
  }

  it('the whole report is the default', async () => {
    expect(Buffer.from(await renderPdf(report, renderOptions())).equals(Buffer.from(await renderPdf(report, renderOptions({ section: 'all' }))))).toBe(true);
  });

  it('a section asked for alone says when it is empty', async () => {
    const empty: Report = { ...syntheticReport(3), userRequests: 0 };
    const users = (await readPdf(await renderPdf(empty, renderOptions({ section: 'users' })))).pages.flat();
    expect(users).toContain(HEADINGS.users);
    expect(users.join(' ')).toContain('No requests from users about their personal data were received in 2022.');
    const timing = (await readPdf(await renderPdf(empty, renderOptions({ section: 'timing' })))).pages.flat();
    expect(timing.join(' ')).toContain('No request was decided in 2022');
  });
});
