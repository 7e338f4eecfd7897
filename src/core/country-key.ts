// The key a country's spelling is looked up by (see country.ts and country-index.ts).

/** Folds a spelling to a lookup key: case, accents, punctuation, "&"/"and" and a leading "the" do not matter. */
export function countryKey(text: string): string {
  // ASCII has no accents to take off: its NFD form is itself (and the \p{M} expression is not compiled).
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.,'\u2019()\-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/\bst\b/g, 'saint');
}
