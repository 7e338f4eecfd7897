import { describe, expect, it } from 'vitest';
import { createIntake, type IntakeResult, type Ledger } from '../../src/core/intake.js';
import { parsePeriod, type Period } from '../../src/core/period.js';
import type { Column } from '../../src/core/schema.js';
import { foldName } from '../../src/core/vocabulary.js';
import { classifier, feedCsv, runIntake } from './support.js';

const HEADER = 'ID,Received,Country,Requester,Category,Request Type,Outcome,Rejection Reason,Decided,User Notified,Agency,Notes';

function period(text: string): Period {
  const result = parsePeriod(text);
  if (!result.ok) throw new Error(result.message);
  return result.period;
}

function csv(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function balanced(ledger: Ledger): boolean {
  return ledger.read === ledger.counted + ledger.invalid + ledger.duplicate + ledger.outsidePeriod;
}

function countOf(result: IntakeResult): number {
  return result.tally.entries().reduce((sum, entry) => sum + entry.count, 0);
}

describe('header mapping', () => {
  it('maps header spellings to columns and lists the ignored ones once', () => {
    const result = runIntake([
      { name: 'a.csv', text: csv(HEADER, 'LE-1,2021-01-05,RU,,technical-expertise,,approved,,,,Unit 7,note') },
      { name: 'b.csv', text: csv('id,received,country,outcome,category,Agency,Extra', 'LE-2,2021-01-06,FR,approved,user-data,x,y') },
    ]);
    expect(result.ledger).toEqual({ read: 2, counted: 2, invalid: 0, duplicate: 0, outsidePeriod: 0 });
    expect(result.ignoredColumns).toEqual(['Agency', 'Notes', 'Extra']);
    expect(result.files).toBe(2);
    expect(result.problems).toEqual([]);
  });

  it('uses column aliases from the config', () => {
    const columnAliases = new Map<string, Column>([
      [foldName('Ticket'), 'id'],
      [foldName('Date Received'), 'received'],
      [foldName('Result'), 'outcome'],
    ]);
    const result = runIntake(
      [{ name: 'a.csv', text: csv('Ticket,Date Received,Country,Result,Category', 'T-1,2021-01-05,Japan,granted,technical') }],
      { columnAliases },
    );
    expect(result.ledger.counted).toBe(1);
    expect(result.tally.entries()).toEqual([
      { country: 'JP', requester: 'law-enforcement', category: 'technical-expertise', outcome: 'approved', month: '2021-01', count: 1 },
    ]);
  });

  it('refuses a file without a required column: every row counted invalid, one problem', () => {
    const intake = createIntake({ classifier });
    expect(intake.header('a.csv', 1, ['id', 'country', 'outcome', 'Notes'])).toBe(false);
    intake.row('a.csv', 2, ['LE-1', 'RU', 'approved', '']);
    intake.row('a.csv', 3, ['LE-2', 'RU', 'approved', '']);
    const result = intake.finish();
    expect(result.ledger).toEqual({ read: 2, counted: 0, invalid: 2, duplicate: 0, outsidePeriod: 0 });
    expect(result.problems).toEqual([
      {
        severity: 'error', code: 'missing-column', file: 'a.csv', line: 1, column: 'received',
        message: 'required column "received" is missing; the header has: id, country, outcome, Notes',
      },
    ]);
    expect(result.errorCount).toBe(1);
  });

  it('reports every missing required column', () => {
    const intake = createIntake({ classifier });
    expect(intake.header('a.csv', 1, ['Notes'])).toBe(false);
    expect(intake.finish().problems.map((problem) => problem.column)).toEqual(['id', 'received', 'country', 'outcome']);
  });

  it('refuses a header naming one column twice', () => {
    const intake = createIntake({ classifier });
    expect(intake.header('a.csv', 1, ['ID', 'Received', 'Country', 'Outcome', 'id'])).toBe(false);
    const [problem] = intake.finish().problems;
    expect(problem).toMatchObject({ code: 'duplicate-column', column: 'id', line: 1 });
    expect(problem!.message).toBe('header cells 1 ("ID") and 5 ("id") both name column id; keep one');
  });

  it('treats an unreadable header (null) as an unreadable file', () => {
    const intake = createIntake({ classifier });
    expect(intake.header('a.csv', 1, null)).toBe(false);
    intake.row('a.csv', 2, ['whatever']);
    expect(intake.finish().ledger).toEqual({ read: 1, counted: 0, invalid: 1, duplicate: 0, outsidePeriod: 0 });
  });

  it('a new file starts afresh: its own header, its own column order', () => {
    const intake = createIntake({ classifier });
    intake.header('bad.csv', 1, ['nothing']);
    intake.row('bad.csv', 2, ['x']);
    expect(intake.header('good.csv', 1, ['outcome', 'country', 'received', 'id', 'category'])).toBe(true);
    intake.row('good.csv', 2, ['approved', 'DE', '2021-02-02', 'G-1', 'technical']);
    const result = intake.finish();
    expect(result.ledger).toEqual({ read: 2, counted: 1, invalid: 1, duplicate: 0, outsidePeriod: 0 });
    expect(result.files).toBe(2);
  });
});

describe('field count', () => {
  it('reports a row with too many or too few fields', () => {
    const intake = createIntake({ classifier });
    intake.header('a.csv', 1, ['id', 'received', 'country', 'outcome']);
    intake.row('a.csv', 2, ['LE-1', '2021-01-01', 'RU', 'approved', 'extra']);
    intake.row('a.csv', 3, ['LE-2', '2021-01-01', 'RU']);
    intake.row('a.csv', 4, ['LE-3']);
    const result = intake.finish();
    expect(result.ledger).toEqual({ read: 3, counted: 0, invalid: 3, duplicate: 0, outsidePeriod: 0 });
    expect(result.problems.map((problem) => [problem.code, problem.line, problem.message])).toEqual([
      ['field-count', 2, 'has 5 fields, the header has 4; check for an unquoted comma or a missing value'],
      ['field-count', 3, 'has 3 fields, the header has 4; check for an unquoted comma or a missing value'],
      ['field-count', 4, 'has 1 field, the header has 4; check for an unquoted comma or a missing value'],
    ]);
  });

  it('refuses empty fields after the last column too: the shift may be anywhere in the row', () => {
    const result = runIntake([{ name: 'a.csv', text: csv('id,received,country,outcome,category', 'LE-1,2021-01-01,RU,approved,technical,,', 'LE-2,2021-01-01,RU,approved,technical, ') }]);
    expect(result.ledger).toEqual({ read: 2, counted: 0, invalid: 2, duplicate: 0, outsidePeriod: 0 });
  });

  it('accepts a trailing delimiter on every line, header included (an empty last column)', () => {
    const result = runIntake([{ name: 'a.csv', text: csv('id,received,country,outcome,category,', 'LE-1,2021-01-01,RU,approved,technical,', 'LE-2,2021-01-01,RU,approved,technical,') }]);
    expect(result.ledger).toEqual({ read: 2, counted: 2, invalid: 0, duplicate: 0, outsidePeriod: 0 });
  });
});

describe('duplicates', () => {
  it('counts a row repeated with the same content once, with a warning', () => {
    const result = runIntake([
      { name: 'a.csv', text: csv(HEADER, 'LE-1,2021-01-05,RU,,technical-expertise,malware analysis,approved,,,,Unit A,') },
      // same request, spelled differently and with other noise columns: still the same content
      { name: 'b.csv', text: csv(HEADER, '', 'LE-1,2021-01-05,Russian Federation,Law Enforcement,Technical Expertise,malware analysis,Approved,,,,Unit B,other note') },
    ]);
    expect(result.ledger).toEqual({ read: 2, counted: 1, invalid: 0, duplicate: 1, outsidePeriod: 0 });
    expect(countOf(result)).toBe(1);
    expect(result.problems).toEqual([
      {
        severity: 'warning', code: 'duplicate-row', file: 'b.csv', line: 3, column: 'id',
        message: 'repeats the request at a.csv:2 exactly; counted once',
      },
    ]);
    expect(result.warningCount).toBe(1);
    expect(result.errorCount).toBe(0);
  });

  it('refuses the same id with different content', () => {
    const result = runIntake([
      { name: 'a.csv', text: csv(HEADER, 'LE-1,2021-01-05,RU,,technical-expertise,malware analysis,approved,,,,,', 'LE-1,2021-01-05,RU,,technical-expertise,malware analysis,rejected,,,,,') },
    ]);
    expect(result.ledger).toEqual({ read: 2, counted: 1, invalid: 1, duplicate: 0, outsidePeriod: 0 });
    expect(result.problems).toEqual([
      {
        severity: 'error', code: 'conflicting-id', file: 'a.csv', line: 3, column: 'id',
        message: 'the id is already used at a.csv:2 by a request with different content; ids must be unique',
      },
    ]);
  });

  it('does not register the id of an invalid row', () => {
    const result = runIntake([
      { name: 'a.csv', text: csv(HEADER, 'LE-1,2021-02-30,RU,,technical-expertise,,approved,,,,,', 'LE-1,2021-01-05,RU,,technical-expertise,,approved,,,,,') },
    ]);
    expect(result.ledger).toEqual({ read: 2, counted: 1, invalid: 1, duplicate: 0, outsidePeriod: 0 });
  });

  it('finds a duplicate outside the period too', () => {
    const row = 'LE-9,2019-06-01,RU,,technical-expertise,,approved,,,,,';
    const result = runIntake([{ name: 'a.csv', text: csv(HEADER, row, row) }], { period: period('2020') });
    expect(result.ledger).toEqual({ read: 2, counted: 0, invalid: 0, duplicate: 1, outsidePeriod: 1 });
  });
});

describe("repeated ids told after a second reading (firstRows 'later')", () => {
  const first = 'LE-1,2021-01-05,RU,,technical-expertise,malware analysis,approved,,,,,';
  const again = 'LE-1,2021-01-05,RU,,technical-expertise,malware analysis,rejected,,,,,';

  it('has nothing to find when no id repeats, and finishes without first rows', () => {
    const intake = createIntake({ classifier, firstRows: 'later' });
    feedCsv(intake, 'a.csv', csv(HEADER, first));
    intake.endOfRows();
    expect(intake.repeatedIds()).toBeUndefined();
    expect(intake.finish().ledger).toEqual({ read: 1, counted: 1, invalid: 0, duplicate: 0, outsidePeriod: 0 });
  });

  it('tells a conflict from the first row the second reading found', () => {
    const text = csv(HEADER, first, again);
    const intake = createIntake({ classifier, firstRows: 'later' });
    feedCsv(intake, 'a.csv', text);
    const repeated = intake.repeatedIds();
    expect(repeated?.ids.size).toBe(1);
    expect(repeated?.rows).toBe(1);
    expect(() => intake.finish()).toThrow(/needs the repeated rows told/);
    const finder = createIntake({ classifier, find: repeated });
    expect(finder.foundAll()).toBe(false);
    feedCsv(finder, 'a.csv', text);
    expect(finder.foundAll()).toBe(true);
    const result = intake.finish(finder.toldRepeats());
    expect(result.ledger).toEqual({ read: 2, counted: 1, invalid: 1, duplicate: 0, outsidePeriod: 0 });
    expect(result.problems.map((problem) => problem.message)).toEqual(['the id is already used at a.csv:2 by a request with different content; ids must be unique']);
    expect(finder.finish().ledger.counted).toBe(0); // the second reading counts nothing
  });

  it('says so when the second reading does not meet the repeated row again (a log changed meanwhile)', () => {
    const intake = createIntake({ classifier, firstRows: 'later' });
    feedCsv(intake, 'a.csv', csv(HEADER, first, again));
    const finder = createIntake({ classifier, find: intake.repeatedIds() });
    feedCsv(finder, 'a.csv', csv(HEADER, 'LE-2,2021-01-05,RU,,technical-expertise,,approved,,,,,'));
    const result = intake.finish(finder.toldRepeats());
    expect(result.ledger).toEqual({ read: 2, counted: 1, invalid: 1, duplicate: 0, outsidePeriod: 0 });
    expect(result.errorCount).toBe(1);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'conflicting-id', file: 'a.csv', line: 3, message: expect.stringMatching(/not found when the logs were read again/) }),
    ]);
  });
});

describe('period filter', () => {
  const rows = [
    'A,2019-12-31,RU,,technical-expertise,,approved,,,,,',
    'B,2019-12-31T23:30:00-01:00,RU,,technical-expertise,,approved,,,,,', // 2020-01-01 UTC
    'C,2020-06-30,FR,,user-data,,rejected,,,,,',
    'D,2020-07-01,FR,user,data-removal,,approved,,,,,',
    'E,2020-12-31T23:30:00-02:00,DE,,technical-expertise,,approved,,,,,', // 2021-01-01 UTC
    'F,2021-01-04,JP,,technical-expertise,,pending,,,,,',
  ];

  it('counts only the rows of the period, by UTC day', () => {
    const result = runIntake([{ name: 'a.csv', text: csv(HEADER, ...rows) }], { period: period('2020') });
    expect(result.ledger).toEqual({ read: 6, counted: 3, invalid: 0, duplicate: 0, outsidePeriod: 3 });
    expect(result.tally.entries().map((entry) => entry.month).sort()).toEqual(['2020-01', '2020-06', '2020-07']);
  });

  it('counts everything when there is no period', () => {
    const result = runIntake([{ name: 'a.csv', text: csv(HEADER, ...rows) }]);
    expect(result.ledger).toEqual({ read: 6, counted: 6, invalid: 0, duplicate: 0, outsidePeriod: 0 });
    expect(result.comparisonTally).toBeUndefined();
  });

  it('tallies the comparison period apart', () => {
    const result = runIntake([{ name: 'a.csv', text: csv(HEADER, ...rows) }], { period: period('2020H2'), comparePeriod: period('2020H1') });
    expect(result.ledger).toEqual({ read: 6, counted: 1, invalid: 0, duplicate: 0, outsidePeriod: 5 });
    expect(result.comparisonTally!.entries().map((entry) => [entry.country, entry.month, entry.count]).sort()).toEqual([
      ['FR', '2020-06', 1],
      ['RU', '2020-01', 1],
    ]);
  });
});

describe('problems and the ledger', () => {
  it('counts unreadable records as read and invalid', () => {
    const intake = createIntake({ classifier });
    intake.header('a.csv', 1, ['id', 'received', 'country', 'outcome', 'category']);
    intake.unreadable('a.csv', 5, 1, 'malformed CSV: a quoted field is never closed');
    intake.row('a.csv', 6, ['LE-1', '2021-01-01', 'RU', 'approved', 'technical']);
    const result = intake.finish();
    expect(result.ledger).toEqual({ read: 2, counted: 1, invalid: 1, duplicate: 0, outsidePeriod: 0 });
    expect(result.problems).toEqual([{ severity: 'error', code: 'csv-syntax', file: 'a.csv', line: 5, message: 'malformed CSV: a quoted field is never closed' }]);
  });

  it('counts an approved prohibited request and reports the policy violation', () => {
    const result = runIntake([{ name: 'a.csv', text: csv(HEADER, 'LE-1,2020-05-05,RU,,,request for encryption keys,approved,,,,,') }]);
    expect(result.ledger.counted).toBe(1);
    expect(result.problems.map((problem) => [problem.code, problem.severity, problem.line])).toEqual([['policy-violation', 'error', 2]]);
    expect(result.errorCount).toBe(1);
  });

  it('keeps at most maxProblems problems but counts them all', () => {
    const bad = Array.from({ length: 5 }, (_, i) => `X${i},not a date,RU,,technical-expertise,,approved,,,,,`);
    const result = runIntake([{ name: 'a.csv', text: csv(HEADER, ...bad, 'W1,2020-01-01,RU,,technical-expertise,,approved,,,,,', 'W1,2020-01-01,RU,,technical-expertise,,approved,,,,,') }], { maxProblems: 2 });
    expect(result.problems).toHaveLength(2);
    expect(result.problems.map((problem) => problem.line)).toEqual([2, 3]);
    expect(result.errorCount).toBe(5);
    expect(result.warningCount).toBe(1);
    expect(result.ledger).toEqual({ read: 7, counted: 1, invalid: 5, duplicate: 1, outsidePeriod: 0 });
  });

  it('passes reader problems through', () => {
    const intake = createIntake({ classifier });
    intake.problem({ severity: 'warning', code: 'empty-input', file: 'e.csv', line: 0, message: 'has a header but no requests' });
    const result = intake.finish();
    expect(result.warningCount).toBe(1);
    expect(result.problems).toHaveLength(1);
    expect(result.ledger).toEqual({ read: 0, counted: 0, invalid: 0, duplicate: 0, outsidePeriod: 0 });
  });

  it('finish() returns a snapshot', () => {
    const intake = createIntake({ classifier });
    intake.header('a.csv', 1, ['id', 'received', 'country', 'outcome', 'category']);
    intake.row('a.csv', 2, ['LE-1', '2021-01-01', 'RU', 'approved', 'technical']);
    const first = intake.finish();
    intake.row('a.csv', 3, ['LE-2', '2021-01-01', 'RU', 'approved', 'technical']);
    expect(first.ledger.read).toBe(1);
    expect(intake.finish().ledger.read).toBe(2);
  });

  it('the ledger balances over a mixed file', () => {
    const result = runIntake(
      [
        {
          name: 'a.csv',
          text: csv(
            HEADER,
            'A,2020-01-01,RU,,technical-expertise,,approved,,,,,',
            'A,2020-01-01,RU,,technical-expertise,,approved,,,,,',
            'A,2020-01-01,RU,,technical-expertise,,rejected,,,,,',
            'B,2019-01-01,RU,,technical-expertise,,approved,,,,,',
            'C,2020-01-01,Atlantis,,technical-expertise,,approved,,,,,',
            'D,2020-01-01,RU',
            'E,2020-01-01,RU,,technical-expertise,"unclosed,approved,,,,,',
            'F,2020-01-01,RU,,technical-expertise,,approved,,,,,',
          ),
        },
      ],
      { period: period('2020') },
    );
    expect(result.ledger).toEqual({ read: 8, counted: 2, invalid: 4, duplicate: 1, outsidePeriod: 1 });
    expect(balanced(result.ledger)).toBe(true);
  });
});
