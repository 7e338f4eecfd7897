// The PDF's bundle inflates with Node's zlib where its dependencies ask tiny-inflate
// (scripts/tiny-inflate-zlib.cjs). Both must give the same bytes in the same shape: callers such as
// unicode-trie read the result's whole .buffer, and inflate twice (data deflated twice over).
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundlePackage } from '../helpers/bundle-package.js';

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const require = createRequire(import.meta.url);
const published = require('tiny-inflate') as Inflate;
const zlib = require('../../scripts/tiny-inflate-zlib.cjs') as Inflate;

/** What a call gives: its bytes, the size of the buffer behind them, and whether dest itself came back. */
function outcome(inflate: Inflate, source: Uint8Array, size: number): [number[], number, boolean] {
  const dest = new Uint8Array(size);
  const out = inflate(source, dest);
  return [[...out], out.buffer.byteLength, out === dest];
}

describe('tiny-inflate done by zlib', () => {
  it('inflates what deflate wrote as tiny-inflate does, into a dest of any size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: -50, max: 50 }), (data, level, slack) => {
        const source = deflateRawSync(data, { level });
        const size = Math.max(0, data.length + slack);
        expect(outcome(zlib, source, size)).toEqual(outcome(published, source, size));
      }),
    );
  });

  it('inflates data deflated twice, as unicode-trie stores its tables', () => {
    // Runs of repeated bytes, as a table of Unicode properties is.
    const runs = fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(runs, (pairs) => {
        const values = pairs.flatMap(([value, times]) => new Array<number>(times).fill(value));
        const data = Uint8Array.from(values);
        const once = deflateRawSync(data);
        // unicode-trie sizes both steps' dest by the data's length: its data shrink at once.
        fc.pre(once.length <= data.length);
        const twice = deflateRawSync(once);
        const inflateTwice = (inflate: Inflate) => [...inflate(inflate(twice, new Uint8Array(data.length)), new Uint8Array(data.length))];
        expect(inflateTwice(zlib)).toEqual(inflateTwice(published));
        expect(inflateTwice(zlib)).toEqual(values);
      }),
    );
  });

  it('builds unicode-properties tables the same as the published package', async () => {
    type Properties = Record<string, (codePoint: number) => unknown>;
    const { exports: ours } = await bundlePackage<Properties>('unicode-properties', {
      alias: { 'tiny-inflate': require.resolve('../../scripts/tiny-inflate-zlib.cjs') },
    });
    const theirs = require('unicode-properties') as typeof ours;
    for (const property of ['getCategory', 'getScript', 'getCombiningClass', 'getEastAsianWidth', 'getNumericValue'] as const) {
      const differ: number[] = [];
      for (let codePoint = 0; codePoint < 0x110000; codePoint += property === 'getCategory' ? 1 : 7) {
        if (ours[property]!(codePoint) !== theirs[property]!(codePoint)) differ.push(codePoint);
      }
      expect(differ, property).toEqual([]);
    }
  });
});
