// The strings that the built-in rules' matches hold (see requiredLiterals), by pattern. Working
// them out for the 18 built-in rules was ~9 M instructions of every small build, in V8's
// interpreter: the bundles hold the result as JSON instead, computed by this module at build time
// (scripts/build.mjs). Tests run the module itself; test/e2e/start-up.test.ts compares the two.
import { DEFAULT_CATEGORY_RULES, DEFAULT_PROHIBITED_RULES } from './default-rules.js';
import { requiredLiterals } from './required-literals.js';

/** Each built-in rule's required strings, by its pattern; null where none are known. */
export function buildRuleLiterals(): Record<string, string[] | null> {
  return Object.fromEntries([...DEFAULT_CATEGORY_RULES, ...DEFAULT_PROHIBITED_RULES].map((rule) => [rule.pattern, requiredLiterals(rule.pattern) ?? null]));
}
