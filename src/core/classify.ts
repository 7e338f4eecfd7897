// Classification of a request from its free-text `request_type`: which report category it belongs to,
// and whether it asks for something the principles forbid (principle 1 and 4 in the report).
import type { z } from 'zod';
import type { ClassificationRuleSchema, ProhibitedRuleSchema } from './schemas.js';
import { DEFAULT_CATEGORY_RULES, DEFAULT_PROHIBITED_RULES } from './default-rules.js';
import { requiredLiterals } from './required-literals.js';
import { buildRuleLiterals } from './rule-literals.js';
import { isUserCategory, type Category } from './schema.js';

export const PROHIBITED_KINDS = ['encryption-keys', 'undeclared-capabilities', 'direct-access'] as const;
export type ProhibitedKind = (typeof PROHIBITED_KINDS)[number];

export type ClassificationRule = z.infer<typeof ClassificationRuleSchema>;

export type ProhibitedRule = z.infer<typeof ProhibitedRuleSchema>;

/** Authorities' and users' requests have disjoint categories; a rule only applies to its own audience. */
export type Audience = 'authority' | 'user';

export interface Classification {
  category?: Category;
  /** The id of the rule that decided the category. */
  rule?: string;
  prohibited?: { kind: ProhibitedKind; rule: string };
}

export { DEFAULT_CATEGORY_RULES, DEFAULT_PROHIBITED_RULES };

export interface Classifier {
  /** The category (when the text tells it) and, independently, whether the principles forbid it. */
  classify(requestType: string, audience: Audience): Classification;
  /**
   * Only whether the principles forbid an authority's request: for a row whose category column
   * says the category, so that the category rules, most of a small build's expressions to compile,
   * are not compiled for nothing.
   */
  prohibition(requestType: string): Classification['prohibited'];
}

interface CompiledRule<R> {
  rule: R;
  /** Whether the rule matches `text`; `lowered` is the text in lower case when it is ASCII. */
  test(text: string, lowered: string | undefined): boolean;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Whether `/pattern/i` matches every ASCII text exactly where `/pattern/` matches the text in lower
 * case, told from the pattern's form (false when unsure): ASCII without any upper-case letter
 * (escapes too: \S, \W, \D and \B are classes of their own, \u0041 and \101 name one), no escape
 * that names a character by number or property (\u, \x, \c, \p, \k, \0-\9, backreferences
 * included), and ranges only within a-z or within 0-9 ([0-a] holds the upper-case letters
 * without naming one). test/property/classify-lowered.property.test.ts checks the built-in rules.
 */
export function matchesLowered(pattern: string): boolean {
  if (!ASCII.test(pattern) || /[A-Z]/.test(pattern) || /\\[0-9ucxpk]/.test(pattern)) return false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (!inClass) {
      if (char === '\\') i++;
      else if (char === '[') {
        inClass = true;
        if (pattern[i + 1] === '^') i++;
      }
      continue;
    }
    if (char === ']') {
      inClass = false;
      continue;
    }
    // An atom of the class, then perhaps `-` and the other end of a range.
    const escaped = char === '\\';
    if (escaped) i++;
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      const from = escaped ? undefined : char;
      const to = pattern[i + 2];
      const within = (low: string, high: string) => from !== undefined && from >= low && from <= high && to! >= low && to! <= high;
      if (!within('a', 'z') && !within('0', '9')) return false;
      i += 2;
    }
  }
  return true;
}

/**
 * Each rule's expression is compiled on first use (a run rarely needs them all). An ASCII text is
 * matched in lower case by the expression compiled without the i flag, where the pattern allows it
 * (see matchesLowered): V8 folds every letter and class of a case-insensitive expression through
 * ICU, and compiling the built-in rules that way was the largest part of a small build's reading
 * (~4x the instructions). Other texts use the case-insensitive expression, with the unicode flag
 * only when the pattern is not plain ASCII: case-insensitive unicode expressions take several times
 * longer to compile. Before a lower-case text is matched, it is asked whether it holds one of the
 * strings every match holds (requiredLiterals): most rules' words are not in most texts, and such
 * a rule's expression is then neither run nor compiled.
 */
function compile<R extends { pattern: string }>(rules: readonly R[]): CompiledRule<R>[] {
  return rules.map((rule) => {
    let folding: RegExp | undefined;
    /** The expression for lower-case ASCII text; null when the pattern does not allow one. */
    let plain: RegExp | null | undefined;
    /** Strings one of which a lower-case text must hold for `plain` to match (see requiredLiterals). */
    let literals: string[] | undefined;
    return {
      rule,
      test(text, lowered) {
        if (lowered !== undefined) {
          if (plain === undefined) {
            plain = matchesLowered(rule.pattern) ? new RegExp(rule.pattern) : null;
            if (plain !== null) literals = literalsOf(rule.pattern);
          }
          if (plain !== null) return (literals === undefined || holdsAny(lowered, literals)) && plain.test(lowered);
        }
        folding ??= new RegExp(rule.pattern, ASCII.test(rule.pattern) ? 'i' : 'iu');
        return folding.test(text);
      },
    };
  });
}

let builtInLiterals: Readonly<Record<string, string[] | null>> | undefined;

/** requiredLiterals(pattern), looked up for the built-in rules (worked out at build time in the bundle). */
function literalsOf(pattern: string): string[] | undefined {
  builtInLiterals ??= buildRuleLiterals();
  return Object.hasOwn(builtInLiterals, pattern) ? (builtInLiterals[pattern] ?? undefined) : requiredLiterals(pattern);
}

function holdsAny(text: string, literals: readonly string[]): boolean {
  for (const literal of literals) if (text.includes(literal)) return true;
  return false;
}

function loweredIfAscii(text: string): string | undefined {
  return ASCII.test(text) ? text.toLowerCase() : undefined;
}

/**
 * Builds a classifier from ordered rules (custom rules from a config go before the built-in ones).
 * Results are cached per distinct text: case systems repeat the same few phrasings.
 */
export function createClassifier(
  categoryRules: readonly ClassificationRule[] = DEFAULT_CATEGORY_RULES,
  prohibitedRules: readonly ProhibitedRule[] = DEFAULT_PROHIBITED_RULES,
): Classifier {
  const categories = compile(categoryRules);
  const prohibited = compile(prohibitedRules);
  const cache = new Map<string, Classification>();
  // The first forbidding rule of each text, null for none.
  const prohibitions = new Map<string, ProhibitedRule | null>();
  const forbiddingRule = (text: string, lowered = loweredIfAscii(text)): ProhibitedRule | undefined => {
    let rule = prohibitions.get(text);
    if (rule === undefined) {
      rule = prohibited.find((compiled) => compiled.test(text, lowered))?.rule ?? null;
      // Bound the cache: free text can be unique per row in a large export.
      if (prohibitions.size < 50_000) prohibitions.set(text, rule);
    }
    return rule ?? undefined;
  };
  const classifyUncached = (text: string, audience: Audience): Classification => {
    const result: Classification = {};
    if (audience === 'user') {
      const lowered = loweredIfAscii(text);
      const match = categories.find((compiled) => isUserCategory(compiled.rule.category) && compiled.test(text, lowered));
      if (match) Object.assign(result, { category: match.rule.category, rule: match.rule.id });
      return result;
    }
    const lowered = loweredIfAscii(text);
    const forbidden = forbiddingRule(text, lowered);
    if (forbidden) result.prohibited = { kind: forbidden.kind, rule: forbidden.id };
    const match = categories.find((compiled) => !isUserCategory(compiled.rule.category) && compiled.test(text, lowered));
    if (match) {
      result.category = match.rule.category;
      result.rule = match.rule.id;
    } else if (forbidden) {
      result.category = forbidden.category;
      result.rule = forbidden.id;
    }
    return result;
  };
  return {
    classify(requestType, audience) {
      const text = requestType.trim();
      const key = `${audience}:${text}`;
      let result = cache.get(key);
      if (!result) {
        result = classifyUncached(text, audience);
        // Bound the cache: free text can be unique per row in a large export.
        if (cache.size < 50_000) cache.set(key, result);
      }
      return result;
    },
    prohibition(requestType) {
      const forbidden = forbiddingRule(requestType.trim());
      return forbidden ? { kind: forbidden.kind, rule: forbidden.id } : undefined;
    },
  };
}
