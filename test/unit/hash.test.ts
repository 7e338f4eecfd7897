// The hashes behind duplicate detection: an id hashed from bytes must equal the same id hashed from
// text (rows read by either path meet in one table), and a row's content signature must change with
// any one of its values (else a conflict would pass for a duplicate).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classify.js';
import { RowKeys } from '../../src/core/fast-row.js';
import { HASH_OUT, hashBytes, hashRange } from '../../src/core/hash.js';
import { CATEGORIES, OUTCOMES, REJECTION_REASONS, REQUESTERS, USER_NOTICES, type RequestRecord } from '../../src/core/schema.js';

function hashOfText(text: string, start = 0, end = text.length): string {
  hashRange(text, start, end);
  return `${HASH_OUT[0]}:${HASH_OUT[1]}`;
}

function hashOfBytes(bytes: Uint8Array, start: number, end: number): string {
  hashBytes(bytes, start, end);
  return `${HASH_OUT[0]}:${HASH_OUT[1]}`;
}

const asciiText = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)), maxLength: 40 });

describe('hashRange and hashBytes', () => {
  it('give one hash for an ASCII string, as text or as bytes at any offset (property)', () => {
    fc.assert(
      fc.property(asciiText, asciiText, asciiText, (before, text, after) => {
        const bytes = Buffer.from(before + text + after, 'latin1');
        const expected = hashOfText(text);
        expect(hashOfBytes(bytes, before.length, before.length + text.length)).toBe(expected);
        expect(hashOfText(before + text + after, before.length, before.length + text.length)).toBe(expected);
      }),
    );
  });

  it('tell apart strings that differ in order, length or one character, odd or even', () => {
    const ids = ['', 'a', 'b', 'ab', 'ba', 'a\0', '\0a', 'abc', 'acb', 'LE-2021-000001', 'LE-2021-000010', 'LE-2021-0000010', 'É', 'Éa', 'aÉ'];
    const hashes = ids.map((id) => hashOfText(id));
    expect(new Set(hashes).size).toBe(ids.length);
  });

  it('never give both words zero', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        hashRange(text, 0, text.length);
        expect(HASH_OUT[0] !== 0 || HASH_OUT[1] !== 0).toBe(true);
      }),
    );
  });
});

describe('RowKeys signature', () => {
  it('differs for rows that differ in any one of requester, category, outcome, reason or notice', () => {
    const keys = new RowKeys({ classifier: createClassifier() });
    const signatureOf = (record: RequestRecord): number => {
      keys.fromRecord(record, undefined);
      return keys.out.signature;
    };
    const seen = new Map<number, string>();
    // Every combination, valid or not for the schema: the packing of these values must be one-to-one.
    for (const requester of REQUESTERS) {
      for (const category of CATEGORIES) {
        for (const outcome of OUTCOMES) {
          for (const rejectionReason of [undefined, ...REJECTION_REASONS]) {
            for (const userNotified of [undefined, ...USER_NOTICES]) {
              const record: RequestRecord = {
                id: 'LE-1', received: '2021-03-01', country: 'DE', requester, category, requestType: 'subscriber information',
                outcome, rejectionReason, decided: '2021-03-05', userNotified,
              };
              const name = [requester, category, outcome, rejectionReason, userNotified].join('/');
              const signature = signatureOf(record);
              expect(seen.get(signature), `${name} shares its signature`).toBeUndefined();
              seen.set(signature, name);
            }
          }
        }
      }
    }
    expect(seen.size).toBe(REQUESTERS.length * CATEGORIES.length * OUTCOMES.length * (REJECTION_REASONS.length + 1) * (USER_NOTICES.length + 1));
  });
});
