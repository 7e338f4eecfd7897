// The compact id registry (hashes in a typed-array table with linear probing) answers as a Map of ids would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HASH_OUT, hashRange } from '../../src/core/hash.js';
import { createIdRegistry, ID_CONFLICT, ID_DUPLICATE, ID_NEW, type IdCheck } from '../../src/core/id-registry.js';

const step = fc.record({
  id: fc.oneof(fc.constantFrom('A', 'B', 'C', 'a', ' A', 'A ', ''), fc.string({ maxLength: 6 }), fc.nat(5000).map(String)),
  signature: fc.nat(3),
  newFile: fc.boolean(),
});

describe('compact id registry ≡ Map (property)', () => {
  it('gives the same verdicts and first locations, through growth and reserve', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), fc.nat(2000), fc.nat(8), (steps, reserveAt, initialLog) => {
        const registry = createIdRegistry(1 << initialLog);
        const model = new Map<string, { signature: number; file: string; line: number }>();
        let file = 0;
        let line = 1;
        steps.forEach(({ id, signature, newFile }, index) => {
          if (index === reserveAt) registry.reserve(steps.length * 2);
          if (newFile) {
            file++;
            line = 1;
          } else line += 1 + (index % 3);
          const at = { file: `f${file}.csv`, line };
          const first = model.get(id);
          const expected: IdCheck = first
            ? { kind: first.signature === signature ? 'duplicate' : 'conflict', first: { file: first.file, line: first.line } }
            : { kind: 'new' };
          if (!first) model.set(id, { signature, ...at });
          expect(registry.check(id, signature, at)).toEqual(expected);
        });
        expect(registry.size).toBe(model.size);
      }),
      { numRuns: 300 },
    );
  });

  it('holds a million ids in 16 bytes each (at 90 % load)', () => {
    const registry = createIdRegistry();
    registry.reserve(1_000_000);
    for (let i = 0; i < 1_000_000; i++) registry.check(`LE-${i}`, 0, { file: 'f.csv', line: i + 2 });
    expect(registry.size).toBe(1_000_000);
    expect(registry.bytes).toBeLessThanOrEqual(Math.ceil(1_000_000 / 0.9 + 1) * 16);
    expect(registry.check('LE-123', 0, { file: 'g.csv', line: 1 })).toEqual({ kind: 'duplicate', first: { file: 'f.csv', line: 125 } });
  });

  it("keeping ids only, tells a repeated id ('seen') as a Set would, and has() agrees without registering", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), fc.nat(8), (steps, initialLog) => {
        const registry = createIdRegistry(1 << initialLog, 'ids');
        const model = new Set<string>();
        const words = new Int32Array(3);
        for (const { id, signature } of steps) {
          hashRange(id, 0, id.length);
          words[0] = HASH_OUT[0]!;
          words[1] = HASH_OUT[1]!;
          expect(registry.has(words, 0)).toBe(model.has(id));
          expect(registry.check(id, signature, { file: 'f.csv', line: 2 })).toEqual(model.has(id) ? { kind: 'seen' } : { kind: 'new' });
          model.add(id);
          expect(registry.has(words, 0)).toBe(true);
        }
        expect(registry.size).toBe(model.size);
      }),
      { numRuns: 300 },
    );
  });

  it('keeping ids only, holds a million ids in 8 bytes each (at 90 % load)', () => {
    const registry = createIdRegistry(undefined, 'ids');
    registry.reserve(1_000_000);
    for (let i = 0; i < 1_000_000; i++) registry.check(`LE-${i}`, 0, { file: 'f.csv', line: i + 2 });
    expect(registry.size).toBe(1_000_000);
    expect(registry.bytes).toBeLessThanOrEqual(Math.ceil(1_000_000 / 0.9 + 1) * 8);
    expect(registry.check('LE-123', 1, { file: 'g.csv', line: 1 })).toEqual({ kind: 'seen' });
    expect(registry.check('LE-1000000', 1, { file: 'g.csv', line: 1 })).toEqual({ kind: 'new' });
    expect(() => registry.first()).toThrow(/keeps no first rows/);
  });

  it('sought ids (expect) take their first claim only; find tells duplicates and conflicts without registering', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('expect', 'claim', 'find'), step), { maxLength: 300 }), (operations) => {
        const registry = createIdRegistry(4);
        const sought = new Set<string>();
        const first = new Map<string, { signature: number; line: number }>();
        const words = new Int32Array(3);
        operations.forEach(([operation, { id, signature }], index) => {
          hashRange(id, 0, id.length);
          words[0] = HASH_OUT[0]!;
          words[1] = HASH_OUT[1]!;
          words[2] = signature;
          const line = index + 2;
          if (operation === 'expect') {
            registry.expect(words, 0);
            sought.add(id);
          } else if (operation === 'claim') {
            const claims = sought.has(id) && !first.has(id);
            expect(registry.claim(words, 0, 'f.csv', line)).toBe(claims);
            if (claims) first.set(id, { signature, line });
          } else {
            const known = first.get(id);
            const verdict = registry.find(words, 0);
            expect(verdict).toBe(known ? (known.signature === signature ? ID_DUPLICATE : ID_CONFLICT) : ID_NEW);
            if (known) expect(registry.first()).toEqual({ file: 'f.csv', line: known.line });
          }
        });
        expect(registry.size).toBe(sought.size);
      }),
      { numRuns: 300 },
    );
  });

  it('forEachId visits every registered id once, in a form expect takes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), fc.constantFrom('ids' as const, 'first-rows' as const), (steps, keeps) => {
        const registry = createIdRegistry(4, keeps);
        const copy = createIdRegistry(4, 'first-rows');
        for (const { id, signature } of steps) registry.check(id, signature, { file: 'f.csv', line: 2 });
        let visits = 0;
        registry.forEachId((words, at) => {
          visits++;
          expect(registry.has(words, at)).toBe(true);
          copy.expect(words, at);
        });
        expect(visits).toBe(registry.size);
        expect(copy.size).toBe(registry.size);
        const words = new Int32Array(2);
        for (const { id } of steps) {
          hashRange(id, 0, id.length);
          words[0] = HASH_OUT[0]!;
          words[1] = HASH_OUT[1]!;
          expect(copy.has(words, 0)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
