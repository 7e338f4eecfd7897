// handOver: the chunks the main thread read before the helper threads ran go to a thread that has
// room, as soon as one does. A thread numbers the cells it finds in the order it is given chunks,
// and the main thread walks chunks in input order: so chunks must reach the threads in input order,
// or counts land in the wrong cells (this happened: a whole report's counts were off).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChunkReply } from '../../src/io/shared-chunks.js';
import { handOver, type InFlight } from '../../src/io/read-with-threads.js';

type Reply = Promise<ChunkReply & { worker: number }>;

/** A pool with room for `room` chunks, recording the slots it is given. */
function fakePool(room: number) {
  const given: number[] = [];
  return {
    given,
    read(slot: number): Reply | undefined {
      if (given.length >= room) return undefined;
      given.push(slot);
      return new Promise<never>(() => undefined);
    },
  };
}

function chunk(slot: number, given: boolean, early: boolean): InFlight {
  return { slot, length: 1, early, reply: given ? (new Promise<never>(() => undefined) as Reply) : undefined };
}

describe('handOver', () => {
  it('gives the early chunks after the next one, in order, while a thread has room', () => {
    const inFlight = [chunk(0, false, true), chunk(1, false, true), chunk(2, false, true), chunk(3, false, true)];
    const pool = fakePool(2);
    handOver(inFlight, pool);
    expect(pool.given).toEqual([1, 2]);
    expect(inFlight.map((item) => item.reply !== undefined)).toEqual([false, true, true, false]);
  });

  it('never gives a chunk that lies before one given already', () => {
    // Chunk 2 waited while chunk 3 went to a thread: given now, the thread would read it after 3.
    const inFlight = [chunk(0, false, true), chunk(1, true, true), chunk(2, false, true), chunk(3, true, false), chunk(4, false, true)];
    const pool = fakePool(5);
    handOver(inFlight, pool);
    expect(pool.given).toEqual([4]);
  });

  it('gives no chunk read once threads ran', () => {
    const inFlight = [chunk(0, false, true), chunk(1, false, false), chunk(2, false, true)];
    const pool = fakePool(5);
    handOver(inFlight, pool);
    expect(pool.given).toEqual([]);
  });

  it('keeps the threads’ order the walking order, and gives all it may (property)', () => {
    const item = fc.record({ given: fc.boolean(), early: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item, { minLength: 0, maxLength: 10 }), fc.nat(10), (items, room) => {
        const inFlight = items.map(({ given, early }, slot) => chunk(slot, given, early));
        const before = inFlight.filter((entry) => entry.reply).map((entry) => entry.slot);
        const pool = fakePool(room);
        handOver(inFlight, pool);
        const after = inFlight.filter((entry) => entry.reply).map((entry) => entry.slot);
        // What the threads were given, in the order given, is the order the chunks are walked in.
        expect(after).toEqual([...before, ...pool.given]);
        for (const slot of pool.given) {
          expect(slot).toBeGreaterThan(0); // the next chunk to walk is the main thread's
          expect(items[slot]!.early).toBe(true);
        }
        // All it may: with room left, the chunk after the last one given is not an early one waiting.
        if (pool.given.length < room) {
          const last = Math.max(0, ...after);
          const next = inFlight[last + 1];
          expect(next === undefined || !next.early || next.reply !== undefined).toBe(true);
        }
      }),
    );
  });
});
