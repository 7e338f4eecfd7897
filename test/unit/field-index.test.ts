// The field index (src/io/field-index.ts): a WebAssembly SIMD module finds every ',', '\n', '"' and
// byte ≥ 0x80 of a chunk, 16 bytes at a time. The row readers trust it for where a line's fields
// are, so it must find exactly what a byte-by-byte scan finds, wherever the bytes stand in a block
// of 16 and however the chunk ends; and the module must be the one its source compiles to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFieldIndex } from '../../scripts/build-wasm.mjs';
import { FIELD_INDEX_WASM } from '../../src/io/field-index-wasm.js';
import { FieldIndex } from '../../src/io/field-index.js';

/** What the index must find, byte by byte. */
function positionsOf(bytes: Uint8Array, length: number): number[] {
  const found: number[] = [];
  for (let at = 0; at < length; at++) {
    const byte = bytes[at]!;
    if (byte === 44 || byte === 10 || byte === 34 || byte >= 128) found.push(at);
  }
  return found;
}

function indexOf(index: FieldIndex, bytes: Uint8Array, length = bytes.length): number[] | -1 {
  const count = index.index(bytes, length);
  return count < 0 ? -1 : [...index.positions.subarray(0, count)];
}

// Bytes a log holds, and the bytes next to those that matter (0x7f, 0x80, 0xff: the top bit).
const byte = fc.oneof(
  fc.constantFrom(44, 10, 34, 13, 32, 43, 45, 9, 0, 0x7f, 0x80, 0xc3, 0xff),
  fc.integer({ min: 0, max: 255 }),
);

describe('FieldIndex', () => {
  it('is the module field-index.wat compiles to (run node scripts/build-wasm.mjs after changing it)', async () => {
    expect(FIELD_INDEX_WASM).toBe(await compileFieldIndex());
  });

  it('finds every comma, line end, quote and byte above 127, as a byte-by-byte scan does (property)', () => {
    const index = FieldIndex.create(4096)!;
    expect(index).toBeDefined();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300, size: 'max' }).chain((bytes) => fc.tuple(fc.constant(bytes), fc.nat(bytes.length))), ([values, cut]) => {
        const bytes = Uint8Array.from(values);
        expect(indexOf(index, bytes)).toEqual(positionsOf(bytes, bytes.length));
        // A chunk read short: only its first `cut` bytes count.
        expect(indexOf(index, bytes, cut)).toEqual(positionsOf(bytes, cut));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200, size: 'max' }), (values) => {
        const bytes = Uint8Array.from(values);
        expect(indexOf(index, bytes)).toEqual(positionsOf(bytes, bytes.length));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a whole chunk of CSV, and forgets the chunk before it', () => {
    const index = FieldIndex.create(1 << 16)!;
    const long = Buffer.from('R-1,2020-01-05,RU,,,"a, b",approved,,,,é\n'.repeat(1000));
    expect(indexOf(index, long)).toEqual(positionsOf(long, long.length));
    const short = Buffer.from('x,y\n');
    expect(indexOf(index, short)).toEqual([1, 3]);
  });

  it('declines a chunk with more positions than it keeps (a quarter of its bytes), or longer than its chunks', () => {
    const index = FieldIndex.create(1024)!;
    expect(indexOf(index, Buffer.alloc(1024, 0x2c))).toBe(-1);
    expect(indexOf(index, Buffer.alloc(1023, 0x80))).toBe(-1);
    const quarter = Buffer.alloc(1024, 0x61);
    for (let at = 0; at < 1024; at += 4) quarter[at] = 0x2c;
    expect(indexOf(index, quarter)).toEqual(positionsOf(quarter, 1024));
    expect(indexOf(index, Buffer.alloc(1040, 0x61))).toBe(-1);
  });

  it('is off with TRANSPARENCY_FIELD_INDEX=off', () => {
    expect(FieldIndex.create(1024, { TRANSPARENCY_FIELD_INDEX: 'off' })).toBeUndefined();
  });
});
