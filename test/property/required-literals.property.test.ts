// requiredLiterals (src/core/required-literals.ts) may only say "cannot match" where the expression
// cannot: on random expressions and texts over a small alphabet (so that matches are common), every
// text the expression matches holds one of the strings it requires.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_RULES, DEFAULT_PROHIBITED_RULES } from '../../src/core/classify.js';
import { requiredLiterals } from '../../src/core/required-literals.js';

const ALPHABET = ['a', 'b', 'c', ' ', '-', '.', '\n', '1'];

const { pattern } = fc.letrec<{ pattern: string; alternative: string; term: string; atom: string }>((tie) => ({
  pattern: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('alternative'), fc.tuple(tie('alternative'), tie('pattern')).map(([a, b]) => `${a}|${b}`)),
  alternative: fc.array(tie('term'), { maxLength: 4 }).map((terms) => terms.join('')),
  term: fc.oneof(
    { depthSize: 'small' },
    tie('atom'),
    fc.tuple(tie('atom'), fc.constantFrom('?', '*', '+', '{2}', '{1,3}', '{0,2}', '{2,}', '{0}', '{1}'), fc.boolean()).map(([atom, quantifier, lazy]) => `${atom}${quantifier}${lazy ? '?' : ''}`),
    fc.constantFrom('\\b', '\\B', '^', '$'),
    fc.tuple(fc.constantFrom('(?=', '(?!', '(?<=', '(?<!'), tie('pattern')).map(([open, inner]) => `${open}${inner})`),
  ),
  atom: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('a', 'b', 'c', ' ', '-', 'ab', 'ba', 'abc'),
    fc.constantFrom('[ab]', '[^a]', '[a-c]', '[ -]', '[a\\-]', '[]', '[^]', '\\d', '\\w', '\\s', '\\S', '.', '\\.', '\\-', '\\n'),
    tie('pattern').map((inner) => `(${inner})`),
    tie('pattern').map((inner) => `(?:${inner})`),
  ),
}));

const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 14 }).map((chars) => chars.join(''));

function holdsOne(text: string, literals: readonly string[] | undefined): boolean {
  return literals === undefined || literals.some((literal) => text.includes(literal));
}

describe('required literals (property)', () => {
  it('every text a random expression matches holds one of its required strings', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        let expression: RegExp;
        try {
          expression = new RegExp(source);
        } catch {
          return; // not an expression: the classifier never gets that far
        }
        const literals = requiredLiterals(source);
        for (const candidate of texts) if (expression.test(candidate)) expect(holdsOne(candidate, literals), `${source} on ${JSON.stringify(candidate)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds something to require in most random expressions (else it would test nothing)', () => {
    const sample = fc.sample(pattern, { numRuns: 500, seed: 11 });
    expect(sample.filter((source) => requiredLiterals(source) !== undefined).length).toBeGreaterThan(50);
  });

  const RULES = [...DEFAULT_CATEGORY_RULES, ...DEFAULT_PROHIBITED_RULES];
  const FRAGMENTS = [...new Set(RULES.flatMap((rule) => rule.pattern.split(/\\[a-z]|[^a-z0-9' &-]+/i)).filter((part) => part.trim() !== ''))];
  it('every text a built-in rule matches holds one of its required strings', () => {
    const rulesText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(' ', 's', 'es', 'the ', 'a ', '-', "'s")), { maxLength: 8 }).map((parts) => parts.join(''));
    let matched = 0;
    fc.assert(
      fc.property(rulesText, (candidate) => {
        for (const rule of RULES) {
          if (!new RegExp(rule.pattern).test(candidate)) continue;
          matched++;
          expect(holdsOne(candidate, requiredLiterals(rule.pattern)), `${rule.id} on ${JSON.stringify(candidate)}`).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    expect(matched).toBeGreaterThan(300);
  });
});
