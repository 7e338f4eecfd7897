// A row-reading thread. For each chunk of a log it is given (in memory shared with the main thread),
// it finds the lines, reads every candidate row and counts the valid ones in its own tallies
// (see ChunkReader). The main thread then walks the chunk's lines in input order: it numbers them,
// checks each taken row's id (duplicates are found across the whole input only there) and reads
// every line this thread declined. A row counted here that the main thread does not take (a
// duplicate, or a line that turns out to sit inside a quoted field) is subtracted there again, so
// the sum of all tallies is exactly what one thread would have counted.
// Built into dist/row-worker.js (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { ChunkReader, type SlotView } from './chunk-reader.js';
import type { WorkerReply, WorkerRequest } from './shared-chunks.js';

let reader: ChunkReader | undefined;
let slots: SlotView[] = [];
/** Chunks read, by thread: counted here as soon as a chunk is read (see RowPool.read). */
let done: Int32Array | undefined;
let index = 0;

parentPort?.on('message', (message: WorkerRequest) => {
  switch (message.type) {
    case 'init':
      reader = new ChunkReader(message.init);
      done = message.done;
      index = message.index;
      slots = message.slots.map((slot) => ({
        data: Buffer.from(slot.data),
        lines: new Int32Array(slot.lines),
        results: new Int32Array(slot.results),
      }));
      Atomics.store(message.started, index, 1);
      return;
    case 'layout':
      reader!.layout(message.columns, message.width);
      return;
    case 'chunk': {
      const reply = reader!.read(message.id, slots[message.slot]!, message.length);
      Atomics.add(done!, index, 1);
      parentPort!.postMessage(reply satisfies WorkerReply);
      return;
    }
    case 'finish':
      parentPort!.postMessage({ type: 'finish', id: message.id, ...reader!.counts() } satisfies WorkerReply);
  }
});
