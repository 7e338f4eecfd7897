// The row scanner: a small WebAssembly SIMD module (row-scan.wat) reads a chunk's lines 64 bytes at
// a time and gives, for each, a record: where it ends, whether it is plain (commas only, the
// header's number of fields), the hash of its id, and a number for each other cell from a
// dictionary of the cells seen so far. What a cell means (a date, a country, an outcome…) is worked
// out here once per dictionary entry, by RowKeys.meaningOf, and RowKeys.readScanned then reads a
// row from its numbers alone. On the 1M-row log this replaced testing every byte of every row,
// splitting, trimming and looking cells up in JavaScript. Each thread has its own scanner; a chunk
// is copied into the module's memory first (~60 µs a megabyte).
import { SCAN_WORDS, type ScanKeys } from '../core/fast-row.js';
import { ROW_SCAN_WASM } from './row-scan-wasm.js';

/** Dictionary entries at most (a row with a new cell once it is full is read without the scanner). */
const MAX_ENTRIES = 1 << 16;
/** Slots of the dictionary's hash table at most: twice its entries, a power of two. */
const MAX_SLOTS = 2 * MAX_ENTRIES;
/** Bytes of cells the dictionary keeps at most. */
const ARENA_BYTES = 4 << 20;
/** Records a chunk has room for, per byte of the chunk: lines beyond are read without the scanner. */
const LINES_PER_BYTE = 1 / 32;
/** Columns beyond the first this many fields are not in the module's table: such files are read without. */
const TABLE_FIELDS = 256;
const NO_FIELD = 255;
/** A dictionary entry's words (see row-scan.wat): hash, column | length << 8, 16 bytes of key, where its bytes are, unused. */
const ENTRY_WORDS = 8;

type ScanFunction = (start: number, end: number, out: number, maxLines: number) => number;

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

export class RowScan {
  /** The records of the last scan(), SCAN_WORDS each, from 0. */
  readonly records: Int32Array;
  /** What each dictionary entry means, by its number (see RowKeys.meaningOf). */
  readonly meanings: Int32Array;
  /** How many records scan() writes at most. */
  readonly maxLines: number;
  private readonly memory: Uint8Array;
  private readonly entryWords: Int32Array;
  private known = 0;
  private layoutOf: Int32Array | undefined;
  private layoutWidth = -1;

  private constructor(
    buffer: ArrayBuffer,
    private readonly run: ScanFunction,
    private readonly entries: () => number,
    private readonly setWidth: (width: number) => void,
    private readonly keys: ScanKeys,
    private readonly capacity: number,
    private readonly regions: Regions,
  ) {
    this.memory = new Uint8Array(buffer);
    this.maxLines = regions.maxLines;
    this.records = new Int32Array(buffer, regions.records, regions.maxLines * SCAN_WORDS);
    this.entryWords = new Int32Array(buffer, regions.entries, regions.maxEntries * ENTRY_WORDS);
    this.meanings = new Int32Array(regions.maxEntries);
  }

  /**
   * A scanner of chunks of up to `chunkBytes` bytes for rows that `keys` reads; undefined where
   * WebAssembly SIMD is not available, or when TRANSPARENCY_FIELD_INDEX=off (for tests): rows are
   * then read without.
   */
  static create(
    chunkBytes: number, keys: ScanKeys, env: NodeJS.ProcessEnv = process.env, limits: DictionaryLimits = { entries: MAX_ENTRIES, bytes: ARENA_BYTES },
  ): RowScan | undefined {
    if (env.TRANSPARENCY_FIELD_INDEX === 'off') return undefined;
    try {
      const capacity = Math.ceil(chunkBytes / 16) * 16;
      const regions = regionsFor(capacity, limits);
      const instance = new wasm.Instance(new wasm.Module(Buffer.from(ROW_SCAN_WASM, 'base64')), {});
      const memory = instance.exports.memory as WasmMemory;
      memory.grow(Math.ceil(regions.size / 65536) - memory.buffer.byteLength / 65536);
      const setup = instance.exports.setup as (...args: number[]) => void;
      setup(regions.columns, regions.slots, MAX_SLOTS, regions.entries, limits.entries, regions.arena, limits.bytes, keys.today);
      const exports = instance.exports as Record<string, (...args: number[]) => number>;
      return new RowScan(memory.buffer, exports.scan as ScanFunction, exports.entries!, exports.layout!, keys, capacity, regions);
    } catch {
      return undefined;
    }
  }

  /**
   * Scans the lines of `bytes[start, length)` that end in a '\n' there: how many records (at most
   * maxLines; read the rest without), or -1 when the chunk is longer than this scanner's.
   */
  scan(bytes: Uint8Array, start: number, length: number): number {
    if (length > this.capacity) return -1;
    this.followLayout();
    this.memory.set(bytes.subarray(start, length), start);
    const lines = this.run(start, length, this.regions.records, this.maxLines);
    this.learn();
    return lines;
  }

  /** Gives the module the columns of the file being read, when they have changed. */
  private followLayout(): void {
    const { at, width } = this.keys.fieldLayout();
    if (at === this.layoutOf && width === this.layoutWidth) return;
    this.layoutOf = at;
    this.layoutWidth = width;
    const table = this.memory.subarray(this.regions.columns, this.regions.columns + TABLE_FIELDS);
    table.fill(NO_FIELD);
    let fits = width <= TABLE_FIELDS;
    at.forEach((field, column) => {
      if (field >= TABLE_FIELDS) fits = false;
      else if (field >= 0) table[field] = column;
    });
    // A width no line has: every line is then "not scanned", and read without.
    this.setWidth(fits ? width : -1);
  }

  /** Works out what each new dictionary entry means. */
  private learn(): void {
    const count = this.entries();
    const words = this.entryWords;
    for (let entry = this.known; entry < count; entry++) {
      const columnAndLength = words[ENTRY_WORDS * entry + 1]!;
      const offset = words[ENTRY_WORDS * entry + 6]!;
      this.meanings[entry] = this.keys.meaningOf(columnAndLength & 255, this.memory, offset, offset + (columnAndLength >>> 8));
    }
    this.known = count;
  }
}

/** Where each region of the module's memory starts (bytes), for chunks of `capacity` bytes. */
interface Regions {
  columns: number;
  records: number;
  maxLines: number;
  slots: number;
  entries: number;
  maxEntries: number;
  arena: number;
  size: number;
}

/** How many entries, and bytes of cells, the dictionary holds at most (smaller for tests). */
export interface DictionaryLimits {
  entries: number;
  bytes: number;
}

function regionsFor(capacity: number, limits: DictionaryLimits): Regions {
  // The chunk, then 64 bytes the module may read past it (it reads 64 at a time).
  const columns = capacity + 64;
  const records = columns + TABLE_FIELDS;
  const maxLines = Math.max(64, Math.ceil(capacity * LINES_PER_BYTE));
  const slots = records + maxLines * SCAN_WORDS * 4;
  const entries = slots + MAX_SLOTS * 4;
  const arena = entries + limits.entries * ENTRY_WORDS * 4;
  // The arena, then 16 bytes the module may read past its last key (it compares keys 8 bytes at a time).
  return { columns, records, maxLines, slots, entries, maxEntries: limits.entries, arena, size: arena + limits.bytes + 16 };
}
