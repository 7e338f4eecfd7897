import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/core/required-literals.js';

describe('requiredLiterals', () => {
  it.each([
    ['\\bsubscriber', ['subscr']],
    ['\\b(delet|remov|eras|forget)', ['eras', 'delet', 'remov', 'forget']],
    ['licen[cs]e', ['licenc', 'licens']],
    ['(a |the )?licence', ['licenc']],
    ['(a |the )licence', ['a lice', 'the li']],
    ['\\bc2|c&c', ['c2', 'c&c']],
    ['keys?\\b', ['key']],
    ['\\w+ing', ['ing']],
    ['(?:ab)+c', ['ab']],
    ['x{2,}y', ['x']],
    ['ip address(es)? of', ['ip add']],
    ['\\.com', ['.com']],
    ['a\\nb', ['a\nb']],
    ['(?=foo)bar', ['bar']],
    ['[^a]bc', ['bc']],
  ])('%s needs one of %j', (pattern, expected) => {
    expect(requiredLiterals(pattern)?.sort()).toEqual([...expected].sort());
  });

  it.each([
    ['(ab)*'], // may match the empty string
    ['a?'],
    ['\\w+'],
    ['.'],
    ['[a-z]+'],
    ['a|\\d'], // one branch holds nothing known
    ['(a)\\1'], // a backreference: not read
    ['\\x41'], // a character by number: not read
    ['(?<year>\\d{4})'], // a named group: not read
    ['a{,2}'], // a literal brace (Annex B): not read
    ['x{0}'],
    [''],
  ])('%s gives nothing to require', (pattern) => {
    expect(requiredLiterals(pattern)).toBeUndefined();
  });

  it('drops a required string that holds another', () => {
    expect(requiredLiterals('(stealer|infostealer|steal)')).toEqual(['steal']);
  });
});
