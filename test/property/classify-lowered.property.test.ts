// The classifier matches ASCII texts in lower case with expressions compiled without the i flag
// (see matchesLowered in src/core/classify.ts). These check that this gives what the
// case-insensitive expression gives: for the built-in rules on texts made of their own words in
// any case, and for patterns chosen to break the shortcut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, DEFAULT_CATEGORY_RULES, DEFAULT_PROHIBITED_RULES, matchesLowered, type ClassificationRule } from '../../src/core/classify.js';

const RULES = [...DEFAULT_CATEGORY_RULES, ...DEFAULT_PROHIBITED_RULES];

/** The words and fragments the rules are written with, so that random texts often match. */
const FRAGMENTS = [...new Set(RULES.flatMap((rule) => rule.pattern.split(/\\[a-z]|[^a-z0-9' &-]+/i)).filter((part) => part.trim() !== ''))];

/** An ASCII text of rule fragments and other characters, each character in either case. */
const asciiText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)), maxLength: 4 })), { maxLength: 8 })
  .chain((parts) => {
    const text = parts.join(' ');
    return fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''));
  });

describe('case-insensitive rules matched in lower case (property)', () => {
  it('every built-in rule may be matched in lower case', () => {
    expect(RULES.filter((rule) => !matchesLowered(rule.pattern)).map((rule) => rule.id)).toEqual([]);
  });

  it('each built-in rule matches an ASCII text in lower case exactly where it matches it case-insensitively', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        for (const rule of RULES) {
          expect(new RegExp(rule.pattern).test(text.toLowerCase()), `${rule.id} on ${JSON.stringify(text)}`).toBe(new RegExp(rule.pattern, 'i').test(text));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the classifier says of any text what case-insensitive expressions say', () => {
    // The oracle: the rules' first match by /pattern/i, in order, as classify() defines it.
    const first = <R extends { pattern: string }>(rules: readonly R[], text: string) => rules.find((rule) => new RegExp(rule.pattern, 'i').test(text));
    const classifier = createClassifier();
    fc.assert(
      fc.property(fc.oneof(asciiText, fc.string({ unit: 'binary', maxLength: 30 })), (raw) => {
        const text = raw.trim();
        expect(classifier.prohibition(text)?.rule).toBe(first(DEFAULT_PROHIBITED_RULES, text)?.id);
        const user = DEFAULT_CATEGORY_RULES.filter((rule) => rule.category.startsWith('data-'));
        expect(classifier.classify(text, 'user').rule).toBe(first(user, text)?.id);
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchesLowered', () => {
  it.each([
    ['\\bsubscriber', true],
    ['\\blicen[cs]e[ -]?(holder|owner)', true],
    ['cve-\\d+', true],
    ['[a-f0-9]{32}', true],
    ['[^a-z]', true],
    ['C2', false], // an upper-case letter: /C2/ never matches "c2"
    ['\\S+ access', false], // \S is a class, not a letter to fold
    ['\\u0041', false], // names "A"
    ['\\x41', false],
    ['\\101', false], // octal "A"
    ['(a)\\1', false], // a backreference
    ['[0-a]', false], // holds A-Z without naming them
    ['[!-z]', false],
    ['[\\d-z]', false],
    ['\\p{L}', false],
    ['caf\u00e9', false], // not ASCII: matched with the unicode flag
  ])('%j → %s', (pattern, expected) => {
    expect(matchesLowered(pattern)).toBe(expected);
  });

  it('[0-a] shows why: case-insensitively it matches "b"; in lower case it would not', () => {
    expect(/[0-a]/i.test('b')).toBe(true);
    expect(/[0-a]/.test('b')).toBe(false);
    const rule: ClassificationRule = { id: 'range', pattern: '^[0-a]$', category: 'technical-expertise' };
    expect(createClassifier([rule], []).classify('b', 'authority').rule).toBe('range');
    expect(createClassifier([{ ...rule, pattern: '^C2$' }], []).classify('c2', 'authority').rule).toBe('range');
  });
});
