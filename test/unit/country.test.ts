import { describe, expect, it } from 'vitest';
import { closestCountry, countryKey, countryName, editDistance, isCountryCode, resolveCountry } from '../../src/core/country.js';

function code(text: string): string {
  const result = resolveCountry(text);
  if (!result.ok) throw new Error(`expected ${text} to resolve: ${result.message}`);
  return result.country.code;
}

function failure(text: string): string {
  const result = resolveCountry(text);
  if (result.ok) throw new Error(`expected ${text} not to resolve, got ${result.country.code}`);
  return result.message;
}

describe('resolveCountry: names, aliases and codes', () => {
  it.each([
    ['Russia', 'RU'],
    ['russia', 'RU'],
    ['RUSSIA', 'RU'],
    ['Russian Federation', 'RU'],
    ['  Russia  ', 'RU'],
    ['RU', 'RU'],
    ['ru', 'RU'],
    ['Ru', 'RU'],
    ['RUS', 'RU'],
    ['rus', 'RU'],
    ['rUs', 'RU'],
    ['South Korea', 'KR'],
    ['south korea', 'KR'],
    ['Korea, South', 'KR'],
    ['Republic of Korea', 'KR'],
    ['KR', 'KR'],
    ['KOR', 'KR'],
    ['kor', 'KR'],
    ['North Korea', 'KP'],
    ["Côte d'Ivoire", 'CI'],
    ['Côte d’Ivoire', 'CI'], // typographic apostrophe
    ["COTE D'IVOIRE", 'CI'],
    ["Cote d'Ivoire", 'CI'],
    ['Ivory Coast', 'CI'],
    ['CIV', 'CI'],
    ['France', 'FR'],
    ['FRA', 'FR'],
    ['Germany', 'DE'],
    ['DEU', 'DE'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['The Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Bosnia & Herzegovina', 'BA'],
    ['Bosnia and Herzegovina', 'BA'],
    ['DR Congo', 'CD'],
    ['DRC', 'CD'],
    ['Republic of the Congo', 'CG'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Turkiye', 'TR'],
    ['Saudi Arabia', 'SA'],
    ['KSA', 'SA'],
    ['UAE', 'AE'],
    ['Burma', 'MM'],
    ['Niger', 'NE'],
    ['Nigeria', 'NG'],
  ])('%j → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('gives the short name people read', () => {
    expect(resolveCountry('Russian Federation')).toEqual({ ok: true, country: { code: 'RU', name: 'Russia' } });
    expect(resolveCountry('KOR')).toEqual({ ok: true, country: { code: 'KR', name: 'South Korea' } });
    expect(resolveCountry('cd')).toEqual({ ok: true, country: { code: 'CD', name: 'DR Congo' } });
  });
});

describe('resolveCountry: what it refuses', () => {
  it('calls "Congo" ambiguous, naming both', () => {
    const message = failure('Congo');
    expect(message).toMatch(/^"Congo" is ambiguous: it can mean /);
    expect(message).toContain('DR Congo (CD)');
    expect(message).toContain('Republic of the Congo (CG)');
    expect(message).toMatch(/use the ISO code$/);
  });

  it('suggests Morocco for "Marocco"', () => {
    expect(failure('Marocco')).toBe('unknown country "Marocco"; did you mean Morocco?');
  });

  it.each([
    ['Germny', 'Germany'],
    ['Frnace', 'France'],
    ['Brasil', 'Brazil'],
    ['Russa', 'Russia'],
    ['Singapur', 'Singapore'],
  ])('suggests a near name for the typo %j', (typo, name) => {
    expect(failure(typo)).toBe(`unknown country "${typo}"; did you mean ${name}?`);
  });

  it('treats "cote divoire" (apostrophe dropped) as a typo of Côte d\'Ivoire', () => {
    // The apostrophe folds to a space ("cote d ivoire"), so the run-together spelling is one edit away.
    expect(failure('cote divoire')).toBe(`unknown country "cote divoire"; did you mean ${countryName('CI')}?`);
  });

  it.each(['Atlantis', 'Narnia', 'Wakanda', 'Elbonia', 'Xyzzyland'])('%s is unknown, without a bogus suggestion', (text) => {
    const message = failure(text);
    expect(message).toBe(`unknown country "${text}"; use an English name or an ISO 3166-1 code (RU, RUS)`);
    expect(message).not.toMatch(/did you mean/);
  });

  it.each(['XX', 'ZZ', 'QQQ', 'AAA'])('%s is not a country code', (text) => {
    expect(failure(text)).toMatch(/^unknown country/);
  });

  it.each(['', '   '])('%j is empty', (text) => {
    expect(failure(text)).toBe('is empty; give a country name or ISO code');
  });

  it('does not suggest anything for very short input', () => {
    expect(closestCountry('R')).toBeUndefined();
    expect(closestCountry('xy')).toBeUndefined();
  });
});

describe('countryKey', () => {
  it.each([
    ['Russia', 'russia'],
    ["Côte d'Ivoire", 'cote d ivoire'],
    ['Côte d’Ivoire', 'cote d ivoire'],
    ['The Gambia', 'gambia'],
    ['Bosnia & Herzegovina', 'bosnia and herzegovina'],
    ['  Korea,   Republic of  ', 'korea republic of'],
    ['Guinea-Bissau', 'guinea bissau'],
    ['St. Kitts', 'saint kitts'],
    ['Åland Islands', 'aland islands'],
  ])('%j → %j', (text, key) => {
    expect(countryKey(text)).toBe(key);
  });
});

describe('countryName and isCountryCode', () => {
  it.each([
    ['RU', 'Russia'],
    ['KR', 'South Korea'],
    ['KP', 'North Korea'],
    ['US', 'United States'],
    ['GB', 'United Kingdom'],
    ['FR', 'France'],
    ['MA', 'Morocco'],
    ['CD', 'DR Congo'],
    ['CG', 'Republic of the Congo'],
  ])('%s is %s', (alpha2, name) => {
    expect(countryName(alpha2)).toBe(name);
    expect(isCountryCode(alpha2)).toBe(true);
  });

  it('passes unknown codes through and rejects lower case codes', () => {
    expect(countryName('XX')).toBe('XX');
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('ru')).toBe(false);
    expect(isCountryCode('RUS')).toBe(false);
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['marocco', 'morocco', 1],
    ['ab', 'ba', 1], // adjacent swap
    ['frnace', 'france', 1],
    ['ca', 'abc', 3], // OSA, not Damerau: no edit of a swapped pair
    ['flaw', 'lawn', 2],
  ])('%j ↔ %j = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
