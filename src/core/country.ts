// Country names and codes → ISO 3166-1 alpha-2, using the i18n-iso-countries data (names, official
// names, aliases and codes for all 249 entries; maintained upstream, so we do not keep our own list).
import { buildCountryIndex } from './country-index.js';
import { countryKey } from './country-key.js';

export { countryKey };

export interface Country {
  code: string;
  /** English short name, as a report prints it ("Russia", "South Korea"). */
  name: string;
}

export type CountryResult = { ok: true; country: Country } | { ok: false; message: string };

interface Index {
  byKey: Map<string, Set<string>>;
  byAlpha3: Map<string, string>;
  names: Map<string, string>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const data = buildCountryIndex();
  return {
    byKey: new Map(data.keys.map(([key, codes]) => [key, new Set(codes)])),
    byAlpha3: new Map(data.alpha3),
    names: new Map(data.names),
  };
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

/** The English short names of every country, by alpha-2 code. */
export function countryNames(): ReadonlyMap<string, string> {
  return getIndex().names;
}

/** The English short name of an alpha-2 code. */
export function countryName(code: string): string {
  return getIndex().names.get(code) ?? code;
}

export function isCountryCode(code: string): boolean {
  return getIndex().names.has(code);
}

/** Resolves an English name, alias, or alpha-2/alpha-3 code (any case) to a country. */
export function resolveCountry(text: string): CountryResult {
  const { byKey, byAlpha3, names } = getIndex();
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'is empty; give a country name or ISO code' };
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && names.has(upper)) return found(upper);
  if (/^[A-Z]{3}$/.test(upper)) {
    const alpha2 = byAlpha3.get(upper);
    if (alpha2) return found(alpha2);
  }
  const matches = byKey.get(countryKey(trimmed));
  if (matches?.size === 1) return found([...matches][0]!);
  if (matches && matches.size > 1) {
    const options = [...matches].sort().map((code) => `${countryName(code)} (${code})`);
    return { ok: false, message: `"${trimmed}" is ambiguous: it can mean ${options.join(' or ')}; use the ISO code` };
  }
  const suggestion = closestCountry(trimmed);
  return {
    ok: false,
    message: `unknown country "${trimmed}"${suggestion ? `; did you mean ${suggestion}?` : '; use an English name or an ISO 3166-1 code (RU, RUS)'}`,
  };
}

function found(code: string): CountryResult {
  return { ok: true, country: { code, name: countryName(code) } };
}

/** The country whose name is nearest by edit distance, when it is near enough to be a typo. */
export function closestCountry(text: string): string | undefined {
  const key = countryKey(text);
  if (key.length < 3) return undefined;
  const limit = Math.max(1, Math.floor(key.length / 4));
  let best: { code: string; distance: number } | undefined;
  for (const [candidate, codesForKey] of getIndex().byKey) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const distance = editDistance(key, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { code: [...codesForKey][0]!, distance };
  }
  return best ? countryName(best.code) : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}

// Creating an ICU collator costs ~15 ms, a tenth of a small build's time. Country names are a
// closed set, on which a plain key (no accents, lower case) sorts as the collator does
// (test/unit/report.test.ts checks every pair); the collator is made only for other names.
let collator: Intl.Collator | undefined;
let plainKeys: Map<string, string> | undefined;

/** A name without accents, in lower case. */
function plainKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Country names in English alphabetical order (ICU's, at base strength), independent of the machine's locale. */
export function compareNames(a: string, b: string): number {
  plainKeys ??= new Map([...getIndex().names.values()].map((name) => [name, plainKey(name)]));
  const keyA = plainKeys.get(a);
  const keyB = plainKeys.get(b);
  if (keyA !== undefined && keyB !== undefined) return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  collator ??= new Intl.Collator('en', { sensitivity: 'base' });
  return collator.compare(a, b);
}
