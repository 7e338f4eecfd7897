import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_PRINCIPLES, DEFAULT_PROCESS, type Config } from '../../src/core/config.js';
import { ConfigSchema, parseConfig } from '../../src/core/schemas.js';

function config(data: unknown): Config {
  const result = parseConfig(data);
  if (!result.ok) throw new Error(`expected a valid config: ${result.problems.join('; ')}`);
  return result.config;
}

function problems(data: unknown): string[] {
  const result = parseConfig(data);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.problems;
}

describe('parseConfig: valid configs', () => {
  it('fills every default in an empty config', () => {
    const empty = config({});
    expect(empty).toEqual(DEFAULT_CONFIG);
    expect(empty.organisation).toEqual({ name: 'Example Organisation' });
    expect(empty.report.title).toBe('Law Enforcement and Government Requests Report');
    expect(empty.report.language).toBe('en');
    expect(empty.report.principles).toEqual(DEFAULT_PRINCIPLES);
    expect(empty.report.process).toEqual(DEFAULT_PROCESS);
    expect(empty.columns).toEqual({});
    expect(empty.classification).toEqual({ rules: [], prohibited: [] });
    expect(empty.logs).toBeUndefined();
    expect(empty.period).toBeUndefined();
  });

  it('fills the defaults inside a partly given section', () => {
    const partial = config({ report: { title: 'Our report' }, organisation: { name: 'ACME' } });
    expect(partial.report.title).toBe('Our report');
    expect(partial.report.language).toBe('en');
    expect(partial.report.principles).toEqual(DEFAULT_PRINCIPLES);
    expect(partial.organisation).toEqual({ name: 'ACME' });
  });

  it('keeps everything it is given', () => {
    const full = config({
      $schema: './schema.json',
      organisation: { name: 'ACME', url: 'https://acme.example' },
      report: {
        title: 'T',
        url: 'https://acme.example/report',
        publicationDate: '2021-07-01',
        language: 'de',
        principles: ['P1'],
        process: ['S1', 'S2'],
        keywords: [],
      },
      logs: ['logs/**/*.csv'],
      period: '2021H1',
      pageSize: 'letter',
      columns: { 'Date Received': 'received', Ticket: 'id' },
      classification: {
        rules: [{ id: 'kit', pattern: 'phishing kit', category: 'technical-expertise' }],
        prohibited: [{ id: 'mass', pattern: 'all users', kind: 'direct-access', category: 'user-data' }],
      },
    });
    expect(full.report.principles).toEqual(['P1']);
    expect(full.columns).toEqual({ 'Date Received': 'received', Ticket: 'id' });
    expect(full.classification.rules).toEqual([{ id: 'kit', pattern: 'phishing kit', category: 'technical-expertise' }]);
    expect(full.pageSize).toBe('letter');
  });
});

describe('parseConfig: every problem with its JSON path', () => {
  it.each<[string, unknown, RegExp]>([
    ['unknown top-level key', { colour: 'red' }, /^\(top level\): .*colour/],
    ['not an object', 42, /^\(top level\): /],
    ['null', null, /^\(top level\): /],
    ['an array', [], /^\(top level\): /],
    ['unknown nested key', { organisation: { nam: 'x' } }, /^organisation: .*nam/],
    ['empty organisation name', { organisation: { name: '' } }, /^organisation\.name: /],
    ['bad URL', { organisation: { name: 'A', url: 'not a url' } }, /^organisation\.url: /],
    ['bad publication date', { report: { publicationDate: '2021-02-30' } }, /^report\.publicationDate: /],
    ['empty principle', { report: { principles: ['ok', ''] } }, /^report\.principles\[1\]: /],
    ['principles not a list', { report: { principles: 'no' } }, /^report\.principles: /],
    ['bad page size', { pageSize: 'a5' }, /^pageSize: /],
    ['unknown column', { columns: { 'Date Received': 'recieved' } }, /^columns\.Date Received: /],
    ['logs with an empty entry', { logs: ['a.csv', ''] }, /^logs\[1\]: /],
    ['invalid regular expression', { classification: { rules: [{ id: 'x', pattern: '(unclosed', category: 'user-data' }] } }, /^classification\.rules\[0\]\.pattern: not a valid regular expression: /],
    ['unknown category in a rule', { classification: { rules: [{ id: 'x', pattern: 'a', category: 'stuff' }] } }, /^classification\.rules\[0\]\.category: /],
    ['missing rule id', { classification: { rules: [{ pattern: 'a', category: 'user-data' }] } }, /^classification\.rules\[0\]\.id: /],
    ['unknown prohibited kind', { classification: { prohibited: [{ id: 'x', pattern: 'a', kind: 'spying', category: 'user-data' }] } }, /^classification\.prohibited\[0\]\.kind: /],
    ['user category for a prohibited rule', { classification: { prohibited: [{ id: 'x', pattern: 'a', kind: 'direct-access', category: 'data-copy' }] } }, /^classification\.prohibited\[0\]\.category: /],
  ])('%s', (_name, data, expected) => {
    const found = problems(data);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it('reports every problem, not just the first', () => {
    const found = problems({
      organisation: { name: '' },
      report: { principles: ['', 'ok', ''] },
      pageSize: 'a5',
      classification: { rules: [{ id: '', pattern: '[', category: 'x' }] },
    });
    expect(found.map((problem) => problem.split(':')[0])).toEqual([
      'organisation.name',
      'report.principles[0]',
      'report.principles[2]',
      'pageSize',
      'classification.rules[0].id',
      'classification.rules[0].pattern',
      'classification.rules[0].category',
    ]);
  });

  it('checks regular expressions with the flags the classifier uses (u)', () => {
    // valid without the u flag, invalid with it
    expect(problems({ classification: { rules: [{ id: 'x', pattern: '\\-', category: 'user-data' }] } })[0]).toMatch(
      /^classification\.rules\[0\]\.pattern: not a valid regular expression/,
    );
  });
});

describe('the written-out defaults', () => {
  it('are what the schema gives for an empty config', () => {
    expect(ConfigSchema.parse({})).toEqual(DEFAULT_CONFIG);
  });
});

describe('typos in keys', () => {
  it('name the key that was probably meant, at its path', () => {
    const result = parseConfig({ perod: '2020', report: { titel: 'x' }, zzz: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain('report: unknown key "titel"; did you mean "title"?');
    expect(result.problems).toContain('(top level): unknown key "perod"; did you mean "period"?');
    expect(result.problems.find((problem) => problem.includes('"zzz"'))).toMatch(/the keys here are \$schema, \$comment, organisation, report/);
  });
});
