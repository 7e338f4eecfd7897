// The country lookup tables, built from the i18n-iso-countries data: every spelling's key, the
// English short names and the alpha-3 codes. Plain arrays (JSON), so that scripts/build.mjs can
// build them once into the bundle: folding the ~450 spellings at every start cost a small build ~3 ms.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { countryKey } from './country-key.js';

export interface CountryIndexData {
  /** Lookup key → the alpha-2 codes it can mean, in the order found (ties in closestCountry go to the first). */
  keys: Array<[string, string[]]>;
  /** Alpha-2 code → English short name, in the data's order. */
  names: Array<[string, string]>;
  alpha3: Array<[string, string]>;
}

// The data's first name is often the formal one ("Russian Federation", "Korea, Republic of" style);
// reports print the short name people read.
const SHORT_NAMES: Record<string, string> = {
  BO: 'Bolivia', CD: 'DR Congo', CG: 'Republic of the Congo', CZ: 'Czechia', FM: 'Micronesia',
  GB: 'United Kingdom', IR: 'Iran', KP: 'North Korea', KR: 'South Korea', LA: 'Laos', MD: 'Moldova',
  MK: 'North Macedonia', NL: 'Netherlands', PS: 'Palestine', RU: 'Russia', SY: 'Syria', TW: 'Taiwan',
  TZ: 'Tanzania', US: 'United States', VA: 'Vatican City', VE: 'Venezuela', VN: 'Vietnam', BN: 'Brunei',
  GM: 'Gambia', CI: "Côte d'Ivoire", FK: 'Falkland Islands', MO: 'Macao', SX: 'Sint Maarten',
};

// Common spellings that the data does not carry.
const EXTRA_ALIASES: Record<string, string> = {
  ksa: 'SA', uae: 'AE', burma: 'MM', 'east timor': 'TL', 'cape verde': 'CV', swaziland: 'SZ',
  macedonia: 'MK', 'ivory coast': 'CI', 'vatican city': 'VA', 'dr congo': 'CD', drc: 'CD', holland: 'NL',
  'korea south': 'KR', 'south korea': 'KR', 'north korea': 'KP', 'czech republic': 'CZ', brunei: 'BN',
  'viet nam': 'VN', bosnia: 'BA', vatican: 'VA', 'holy see': 'VA', 'saint kitts': 'KN', 'saint vincent': 'VC',
  'falkland islands': 'FK', macau: 'MO', 'timor leste': 'TL', 'cabo verde': 'CV', palestine: 'PS',
  'republic of moldova': 'MD', 'russian federation': 'RU', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
};

// Names that mean more than one country: an error that lists them, never a guess.
const AMBIGUOUS: Record<string, string[]> = { korea: ['KR', 'KP'], congo: ['CD', 'CG'], guinea: ['GN', 'GQ', 'GW', 'PG'] };

export function buildCountryIndex(): CountryIndexData {
  const byKey = new Map<string, Set<string>>();
  const names: Array<[string, string]> = [];
  const alpha3: Array<[string, string]> = [];
  const add = (key: string, code: string) => {
    if (!key) return;
    const set = byKey.get(key) ?? new Set<string>();
    set.add(code);
    byKey.set(key, set);
  };
  const all = english.countries as Record<string, string | string[]>;
  for (const [alpha2, code3] of codes as string[][]) {
    if (!alpha2 || !code3) continue;
    const entry = all[alpha2];
    const spellings = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
    alpha3.push([code3, alpha2]);
    names.push([alpha2, SHORT_NAMES[alpha2] ?? spellings[0] ?? alpha2]);
    for (const spelling of spellings) add(countryKey(spelling), alpha2);
    add(countryKey(SHORT_NAMES[alpha2] ?? ''), alpha2);
  }
  for (const [alias, code] of Object.entries(EXTRA_ALIASES)) add(alias, code);
  for (const [name, codesOfName] of Object.entries(AMBIGUOUS)) codesOfName.forEach((code) => add(name, code));
  return { keys: [...byKey].map(([key, set]) => [key, [...set]]), names, alpha3 };
}
