// The second reading skips a row when the hash of its id field is not sought: that hash must be the
// one the full reading gives the row's id (its field, trimmed as String.prototype.trim does), for
// bytes, text and split records alike — else a first row would be skipped and lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HASH_OUT, hashRange } from '../../src/core/hash.js';
import { hashIdOfBytes, hashIdOfFields, hashIdOfText } from '../../src/core/id-probe.js';

const piece = fc.constantFrom('R-1', 'a', ' ', '\t', '\u00a0', '\u2003', '\ufeff', 'É', '→', '\u000b', '\r', '', 'x y');
const field = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
const line = fc.tuple(fc.array(field, { minLength: 1, maxLength: 6 }), fc.nat(7));

function hashOf(id: string): [number, number] {
  hashRange(id, 0, id.length);
  return [HASH_OUT[0]!, HASH_OUT[1]!];
}

function probed(run: () => unknown): [number, number] {
  HASH_OUT[0] = 0;
  HASH_OUT[1] = 0;
  run();
  return [HASH_OUT[0]!, HASH_OUT[1]!];
}

describe('id probe ≡ the id the full reading hashes (property)', () => {
  it('for a line as text and as split fields', () => {
    fc.assert(
      fc.property(line, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), ([fields, index], before, after) => {
        const text = `${before}${fields.join(',')}${after}`;
        const expected = hashOf((fields[index] ?? '').trim());
        expect(probed(() => hashIdOfFields(fields, index))).toEqual(expected);
        if (before.includes(',') || after.includes(',')) return;
        expect(probed(() => hashIdOfText(text, before.length, text.length - after.length, index))).toEqual(
          hashOf((`${fields.join(',')}`.split(',')[index] ?? '').trim()),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('for a line as bytes: the same hash, or a refusal when the field is not ASCII', () => {
    fc.assert(
      fc.property(line, ([fields, index]) => {
        const bytes = Buffer.from(`##${fields.join(',')}##`, 'utf8');
        const expected = hashOf((fields[index] ?? '').trim());
        let answered = true;
        const hash = probed(() => (answered = hashIdOfBytes(bytes, 2, bytes.length - 2, index)));
        if (answered) expect(hash).toEqual(expected);
        else expect(/[^\x00-\x7f]/.test(fields[index] ?? '')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
