// Reports for the PDF tests: built from the fixture logs through the real pipeline, or made up
// (many countries, accented names) to push the layout.
import { Chalk } from 'chalk';
import { loadLogs } from '../../src/cli/load-logs.js';
import { DEFAULT_CONFIG, type Config } from '../../src/core/config.js';
import { parsePeriod, previousPeriod } from '../../src/core/period.js';
import { compareNames } from '../../src/core/country.js';
import { buildReport, makeReportRow, type Report, type ReportOptions } from '../../src/core/report.js';
import { AUTHORITY_CATEGORIES, USER_CATEGORIES, type Outcome } from '../../src/core/schema.js';
import type { RenderOptions } from '../../src/render/renderers.js';

/** 2021-03-15T00:00:00Z */
export const TIMESTAMP = 1615766400;

export async function fixtureReport(periodText: string, folder: string, options: ReportOptions = {}): Promise<Report> {
  const parsed = parsePeriod(periodText);
  if (!parsed.ok) throw new Error(parsed.message);
  const previous = previousPeriod(parsed.period);
  const intake = await loadLogs([folder], DEFAULT_CONFIG, { period: parsed.period, comparePeriod: previous });
  return buildReport(parsed.period, intake, { previousPeriod: previous, ...options });
}

export function renderOptions(overrides: Partial<RenderOptions> = {}, config: Config = DEFAULT_CONFIG): RenderOptions {
  return { chalk: new Chalk({ level: 0 }), pageSize: 'A4', timestamp: TIMESTAMP, config, section: 'all', ...overrides };
}

export const ACCENTED_NAMES = ['Côte d’Ivoire', 'Türkiye', 'Åland Islands', 'Curaçao', 'São Tomé and Príncipe', 'Réunion', 'Saint Barthélemy'];

/** A made-up report of `count` countries with every outcome given, figures from a fixed formula. */
export function syntheticReport(count: number, outcomes: Outcome[] = ['approved', 'rejected']): Report {
  const names = [
    ...ACCENTED_NAMES,
    'South Georgia and the South Sandwich Islands',
    'Saint Vincent and the Grenadines',
    ...Array.from({ length: Math.max(0, count - ACCENTED_NAMES.length - 2) }, (_, index) => `Testland ${letters(index)}`),
  ].slice(0, count);
  const slots = AUTHORITY_CATEGORIES.length * outcomes.length;
  const totals = new Array<number>(slots).fill(0);
  const rows = names
    .map((name, index) => {
      const counts = Array.from({ length: slots }, (_, slot) => ((index * 7 + slot * 13) % 11) + (slot === 0 ? 1 + (index % 17) * 3 : 0));
      counts.forEach((value, slot) => (totals[slot]! += value));
      return makeReportRow(`X${index}`, name, counts, outcomes);
    })
    .sort((a, b) => compareNames(a.name, b.name));
  const total = totals.reduce((sum, value) => sum + value, 0);
  return {
    schemaVersion: 1,
    period: { id: '2022', kind: 'year', start: '2022-01-01', end: '2022-12-31', label: '2022' },
    layout: 'outcomes',
    disclosure: null,
    categories: [...AUTHORITY_CATEGORIES],
    outcomes,
    rows,
    total: makeReportRow(null, 'TOTAL', totals, outcomes),
    userRequests: 5,
    users: {
      rows: USER_CATEGORIES.map((category, index) => ({ ...userRow(index), category })),
      total: userRow(0),
      byCountry: null,
    },
    responseTimes: [],
    notices: { notified: 0, notNotified: 0, notPermitted: 0, notRecorded: 0 },
    comparison: null,
    ledger: { read: total + 9, counted: total + 5, invalid: 2, duplicate: 1, outsidePeriod: 1 },
    problems: { errors: 2, warnings: 0, list: [] },
  };
}

function userRow(seed: number) {
  return {
    received: 2 + seed,
    fulfilled: 1 + seed,
    rejected: 1,
    rejectedBy: { 'no-data-found': 1, 'legal-verification-failed': 0, 'prohibited-by-principles': 0, unspecified: 0 },
    pending: 0,
    medianDays: 3,
  };
}

/** 0 → "Aa", 1 → "Ab", …: names without digits, so that a line's figures are easy to tell apart. */
function letters(index: number): string {
  return String.fromCharCode(65 + Math.floor(index / 26) % 26) + String.fromCharCode(97 + (index % 26));
}
