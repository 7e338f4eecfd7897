// Where the bytes that matter to CSV are in a chunk — every ',', '\n', '"' and byte ≥ 0x80 — found
// 16 bytes at a time by a small WebAssembly SIMD module (field-index.wat). A row reader then walks
// these positions, about 12 a row, instead of testing every byte of the row in JavaScript: on the
// 1M-row log, reading rows took ~18 % less time this way. Each thread has its own index (the module
// and its memory are small); a chunk is copied into the module's memory first (~60 µs a megabyte).
import { FIELD_INDEX_WASM } from './field-index-wasm.js';

/** At most this many positions per byte of a chunk (a log has ~1 in 10); a chunk with more is read without. */
const POSITIONS_PER_BYTE = 1 / 4;

type IndexFunction = (start: number, end: number, out: number, limit: number) => number;

/** The little of WebAssembly's API used here (Node has it; this project's type libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export class FieldIndex {
  /** The positions found by the last index(), from 0. */
  readonly positions: Int32Array;
  private readonly bytes: Uint8Array;

  private constructor(
    memory: WasmMemory,
    private readonly run: IndexFunction,
    private readonly capacity: number,
    private readonly limit: number,
  ) {
    this.bytes = new Uint8Array(memory.buffer, 0, capacity);
    this.positions = new Int32Array(memory.buffer, capacity, limit);
  }

  /**
   * An index for chunks of up to `chunkBytes` bytes; undefined where WebAssembly SIMD is not
   * available, or when TRANSPARENCY_FIELD_INDEX=off (for tests): rows are then read without.
   */
  static create(chunkBytes: number, env: NodeJS.ProcessEnv = process.env): FieldIndex | undefined {
    if (env.TRANSPARENCY_FIELD_INDEX === 'off') return undefined;
    try {
      const capacity = Math.ceil(chunkBytes / 16) * 16;
      const limit = Math.max(64, Math.ceil(capacity * POSITIONS_PER_BYTE));
      const module = new wasm.Module(Buffer.from(FIELD_INDEX_WASM, 'base64'));
      const instance = new wasm.Instance(module, {});
      const memory = instance.exports.memory as WasmMemory;
      const pages = Math.ceil((capacity + 4 * limit) / 65536);
      memory.grow(pages - memory.buffer.byteLength / 65536);
      return new FieldIndex(memory, instance.exports.index as IndexFunction, capacity, limit);
    } catch {
      return undefined;
    }
  }

  /** Indexes `bytes[0, length)`: how many positions (in `positions`), or -1 when there are too many. */
  index(bytes: Uint8Array, length: number): number {
    if (length > this.capacity) return -1;
    this.bytes.set(bytes.subarray(0, length));
    return this.run(0, length, this.capacity, this.limit);
  }
}

/** A line found in a field index by nextIndexedLine (one object, reused line after line). */
export interface IndexedLine {
  /** The position of its '\n', or -1 when the index ends first (the line goes on in the next chunk). */
  newline: number;
  /** Its commas are `positions[from, to)` when it is `plain`. */
  from: number;
  to: number;
  /** It holds a quote. */
  quoted: boolean;
  /** It holds neither a quote nor a byte above 127: commas only. */
  plain: boolean;
}

/** Reads the line whose positions start at `positions[k]` (of `count`) into `line`; returns where the next starts. */
export function nextIndexedLine(data: Uint8Array, positions: Int32Array, k: number, count: number, line: IndexedLine): number {
  line.from = k;
  line.newline = -1;
  line.quoted = false;
  line.plain = true;
  for (; k < count; k++) {
    const at = positions[k]!;
    const c = data[at]!;
    if (c === 10) {
      line.newline = at;
      line.to = k;
      return k + 1;
    }
    if (c !== 44) {
      line.plain = false;
      if (c === 34) line.quoted = true;
    }
  }
  line.to = k;
  return k;
}
