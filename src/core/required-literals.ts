// Strings that every match of a regular expression contains one of: a test the classifier makes
// before it runs a rule's expression, so that an expression whose words a text does not hold is
// neither run nor compiled (compiling the built-in rules was the largest part of a small build's
// reading). Exact by construction: it may only say "cannot match" where the expression cannot.
// test/property/required-literals.property.test.ts checks that on random expressions and texts.

/** What a part of an expression can match: all of its strings when they are few, else strings one of which each match holds. */
interface Info {
  /** Every string the part matches, when there are at most MAX_SET. */
  exact?: ReadonlySet<string>;
  /** When `exact` is not known: one of these is in every string the part matches (undefined: nothing known). */
  some?: ReadonlySet<string>;
}

const MAX_SET = 64;
const ANYTHING: Info = {};
const EMPTY: Info = { exact: new Set(['']) };
/** Characters that stand for themselves outside a class. */
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|']);
const QUANTIFIERS = new Set(['*', '+', '?', '{']);
/** Escapes that match one character of a class (\d, \s, \w and their complements). */
const CLASS_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W']);
/** Escapes that name one control character. */
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };

/** The part's required strings: its exact strings (unless one is empty), or the strings it is known to hold. */
function someOf(info: Info): ReadonlySet<string> | undefined {
  if (info.exact) return info.exact.has('') ? undefined : info.exact;
  return info.some;
}

/** The more telling of two requirements: the one whose shortest string is longer. */
function better(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  return shortest(b) > shortest(a) ? b : a;
}

function shortest(set: ReadonlySet<string>): number {
  let length = Infinity;
  for (const string of set) if (string.length < length) length = string.length;
  return length;
}

function concat(a: Info, b: Info): Info {
  if (a.exact && b.exact && a.exact.size * b.exact.size <= MAX_SET) {
    const exact = new Set<string>();
    for (const x of a.exact) for (const y of b.exact) exact.add(x + y);
    return { exact };
  }
  return { some: better(someOf(a), someOf(b)) };
}

function union(a: Info, b: Info): Info {
  if (a.exact && b.exact && a.exact.size + b.exact.size <= MAX_SET) return { exact: new Set([...a.exact, ...b.exact]) };
  const x = someOf(a);
  const y = someOf(b);
  return x && y ? { some: new Set([...x, ...y]) } : ANYTHING;
}

/** Thrown where the parser meets what it does not know: the caller then knows nothing. */
class Unsure extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly pattern: string) {}

  parse(): Info {
    const info = this.disjunction();
    if (this.at !== this.pattern.length) throw new Unsure();
    return info;
  }

  private peek(): string | undefined {
    return this.pattern[this.at];
  }

  private disjunction(): Info {
    let info = this.alternative();
    while (this.peek() === '|') {
      this.at++;
      info = union(info, this.alternative());
    }
    return info;
  }

  private alternative(): Info {
    let info = EMPTY;
    for (let char = this.peek(); char !== undefined && char !== '|' && char !== ')'; char = this.peek()) info = concat(info, this.term());
    return info;
  }

  private term(): Info {
    const char = this.peek()!;
    if (char === '^' || char === '$') {
      this.at++;
      return EMPTY;
    }
    if (char === '\\' && (this.pattern[this.at + 1] === 'b' || this.pattern[this.at + 1] === 'B')) {
      this.at += 2;
      return EMPTY;
    }
    if (this.pattern.startsWith('(?=', this.at) || this.pattern.startsWith('(?!', this.at) || this.pattern.startsWith('(?<=', this.at) || this.pattern.startsWith('(?<!', this.at)) {
      this.at += this.pattern[this.at + 2] === '<' ? 4 : 3;
      this.disjunction(); // zero-width: what it looks at is not part of the match
      this.expect(')');
      return EMPTY;
    }
    return this.quantified(this.atom());
  }

  private atom(): Info {
    const char = this.peek()!;
    if (char === '(') {
      this.at++;
      if (this.pattern.startsWith('?:', this.at)) this.at += 2;
      else if (this.peek() === '?') throw new Unsure(); // named groups and anything newer
      const info = this.disjunction();
      this.expect(')');
      return info;
    }
    if (char === '[') return this.characterClass();
    if (char === '.') {
      this.at++;
      return ANYTHING;
    }
    if (char === '\\') return this.escape();
    if (SYNTAX.has(char)) throw new Unsure(); // a quantifier with nothing before it, a lone bracket or brace
    // A run of plain characters at once, but for its last when a quantifier follows that one.
    let end = this.at + 1;
    while (end < this.pattern.length && !SYNTAX.has(this.pattern[end]!) && !QUANTIFIERS.has(this.pattern[end + 1]!)) end++;
    const run = this.pattern.slice(this.at, end);
    this.at = end;
    return { exact: new Set([run]) };
  }

  private escape(): Info {
    const next = this.pattern[this.at + 1];
    if (next === undefined) throw new Unsure();
    this.at += 2;
    if (CLASS_ESCAPES.has(next)) return ANYTHING;
    if (CONTROL_ESCAPES[next] !== undefined) return { exact: new Set([CONTROL_ESCAPES[next]]) };
    // Escaped syntax and punctuation stand for themselves; letters and digits name other things
    // (\0, \1 backreferences, \x41, \u0041, \cJ, \p{…}, \k<name>): not known here.
    if (/[A-Za-z0-9_]/.test(next)) throw new Unsure();
    return { exact: new Set([next]) };
  }

  /** A class: the characters it holds when it lists a few plainly, else anything. */
  private characterClass(): Info {
    this.at++;
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const chars = new Set<string>();
    let plain = !negated;
    // A `]` ends the class even first in it ([] matches nothing, [^] anything: both taken as anything).
    for (;;) {
      const char = this.peek();
      if (char === undefined) throw new Unsure();
      this.at++;
      if (char === ']') break;
      if (char === '\\') {
        const next = this.peek();
        if (next === undefined) throw new Unsure();
        this.at++;
        if (/[A-Za-z0-9_]/.test(next)) plain = false; // \d, \w, \b (a backspace here), \x41…
        else chars.add(next);
      } else if (char === '-' && chars.size > 0 && this.peek() !== ']') {
        plain = false; // a range
      } else {
        chars.add(char);
      }
    }
    return plain && chars.size > 0 && chars.size <= 8 ? { exact: chars } : ANYTHING;
  }

  private quantified(info: Info): Info {
    const char = this.peek();
    let min: number;
    let max: number;
    if (char === '*' || char === '+' || char === '?') {
      this.at++;
      min = char === '+' ? 1 : 0;
      max = char === '?' ? 1 : Infinity;
    } else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(this.at));
      if (!braces) throw new Unsure(); // a literal brace in Annex B: rare, and not worth knowing
      this.at += braces[0].length;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    } else {
      return info;
    }
    if (this.peek() === '?') this.at++; // lazy: the same strings
    if (QUANTIFIERS.has(this.peek()!)) throw new Unsure(); // a quantifier on a quantifier
    if (min === 1 && max === 1) return info;
    if (min === 0) return max === 1 && info.exact ? union(info, EMPTY) : max === 0 ? EMPTY : ANYTHING;
    return { some: someOf(info) };
  }

  private expect(char: string): void {
    if (this.peek() !== char) throw new Unsure();
    this.at++;
  }
}

/**
 * Strings one of which is in every text that `new RegExp(pattern)` (no flags) matches; undefined
 * when the pattern does not tell (or uses syntax not read here). For a pattern with an empty
 * match, undefined too.
 */
export function requiredLiterals(pattern: string): string[] | undefined {
  let info: Info;
  try {
    info = new Parser(pattern).parse();
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
  const some = someOf(info);
  return some ? shortened([...some]) : undefined;
}

/** How long a required string is kept: a text holding a string holds each part of it. */
const KEPT_LENGTH = 6;

/**
 * The same requirement in fewer, shorter strings, as few texts are tested against many: any string
 * dropped that holds another (a text that holds it holds the other too), then each cut to its first
 * KEPT_LENGTH characters, and those that hold another dropped again.
 */
function shortened(strings: readonly string[]): string[] {
  return withoutHolders(withoutHolders(strings).map((string) => string.slice(0, KEPT_LENGTH)));
}

function withoutHolders(strings: readonly string[]): string[] {
  const byLength = [...new Set(strings)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const kept: string[] = [];
  for (const string of byLength) if (!kept.some((shorter) => string.includes(shorter))) kept.push(string);
  return kept;
}
