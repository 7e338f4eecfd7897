// Request ids seen so far, to find the same request twice across files. The only state that grows
// with the number of rows, so it is compact: no strings are kept, only a 64-bit hash of each id —
// and, unless the caller finds first rows another way (`keeps: 'ids'`), a 32-bit hash of the
// request's content and where it was first seen. One typed array, a hash table with linear probing
// filled up to 90 %: 8 bytes a request (5 million ids: 44 MB), or 16 keeping first rows (89 MB).
// (Robin Hood hashing was tried: its moves on insert cost more than the shorter probes gained.)
//
// Two different ids are taken for one when their 64-bit hashes collide: for 10 million distinct ids
// the chance is about 3 in a million. Two different contents of one id are taken for the same when
// their 32-bit hashes collide (1 in 4 billion per repeated id).
import { HASH_OUT, hashRange } from './hash.js';

export interface Location {
  file: string;
  line: number;
}

export type IdCheck =
  | { kind: 'new' }
  | { kind: 'duplicate'; first: Location } // same id, same content
  | { kind: 'conflict'; first: Location } // same id, different content
  | { kind: 'seen' }; // same id (a registry that keeps ids only)

export const ID_NEW = 0;
export const ID_DUPLICATE = 1;
export const ID_CONFLICT = 2;
/** A repeated id, from a registry that keeps ids only (it cannot tell a duplicate from a conflict). */
export const ID_SEEN = 3;

/**
 * What each entry keeps: `first-rows` (16 bytes) the id, its content's hash and where it was first
 * seen; `ids` (8 bytes) the id alone, for a caller that can read its logs again to find first rows.
 */
export type RegistryKeeps = 'first-rows' | 'ids';

export interface IdRegistry {
  /**
   * Checks an id by its hash (see hashRange) and content hash; registers it when new. ID_NEW, else
   * ID_DUPLICATE or ID_CONFLICT (keeping first rows) or ID_SEEN (keeping ids only).
   */
  checkHash(idLow: number, idHigh: number, signature: number, file: string, line: number): number;
  /**
   * checkHash with idLow, idHigh and signature read from `words[at, at + 3)`: 32-bit values passed
   * to a call are boxed (a heap number each), values read from a typed array are not.
   */
  checkWords(words: Int32Array, at: number, file: string, line: number): number;
  /** Whether the id at `words[at, at + 2)` is registered (without registering it). */
  has(words: Int32Array, at: number): boolean;
  /**
   * Keeping first rows: registers the id at `words[at, at + 2)` as sought, with no first row yet (a
   * second reading finds it: see claim).
   */
  expect(words: Int32Array, at: number): void;
  /** Gives a sought id without a first row yet this one (`words` as for checkWords); true when it did. */
  claim(words: Int32Array, at: number, file: string, line: number): boolean;
  /**
   * checkWords without registering: ID_NEW when the id is absent or has no first row, else
   * ID_DUPLICATE or ID_CONFLICT (and first() says where).
   */
  find(words: Int32Array, at: number): number;
  /** Where the id of the last duplicate or conflict was first seen (keeping first rows). */
  first(): Location;
  /** The same check, from the id's text and the content's hash. */
  check(id: string, signature: number, at: Location): IdCheck;
  /**
   * Reads the table where the ids at `words[from]`, `words[from + stride]`, … would be (`count` of
   * them, within `words`): touching a batch of ids before checking them lets their cache misses
   * overlap. Returns a small number (kept by the caller, so that the reads are not optimised away).
   */
  touchWords(words: Int32Array, from: number, count: number, stride: number): number;
  /** Calls `visit` with each id, as `words[at, at + 2)` (as checkWords and expect take ids). */
  forEachId(visit: (words: Int32Array, at: number) => void): void;
  /** Makes room for this many ids in all (no effect when there is room already). */
  reserve(ids: number): void;
  readonly size: number;
  /** Bytes held by the table. */
  readonly bytes: number;
}

const MAX_LOAD = 0.9;

/**
 * A table of `length` zeros, every page of it written once. A fresh large typed array is memory the
 * system maps on first touch; a page first read (here: probed, or touched ahead by touchWords) is
 * mapped to the shared page of zeros, and the first write to it then replaces that mapping — which
 * stops the other core for a TLB flush, a page at a time (~9,000 of them at 1M rows, while the helper
 * thread reads). Written first, each page is simply mapped.
 */
function zeroedWords(length: number): Uint32Array {
  return new Uint32Array(length).fill(0);
}

export function createIdRegistry(initialCapacity = 1 << 12, keeps: RegistryKeeps = 'first-rows'): IdRegistry {
  const keepFirst = keeps === 'first-rows';
  const WORDS = keepFirst ? 4 : 2; // idLow, idHigh[, signature, position]
  let capacity = initialCapacity;
  let table = zeroedWords(capacity * WORDS);
  let size = 0;
  let limit = Math.floor(capacity * MAX_LOAD);
  // Positions: a file's lines are numbered from its base, so that one 32-bit word locates a row.
  const segmentFiles: string[] = [];
  const segmentBases: number[] = [];
  let currentFile: string | undefined;
  let currentBase = 0;
  let maxPosition = 0;
  let firstPosition = 0;

  const home = (low: number): number => Math.floor(((low >>> 0) * capacity) / 4294967296);

  const scratch = new Int32Array(3);

  /** Where the id at `words[wordsAt, wordsAt + 2)` is in the table (its first word), or -1. */
  function entryOf(words: Int32Array, wordsAt: number): number {
    const low = words[wordsAt]! >>> 0;
    const high = words[wordsAt + 1]! >>> 0;
    for (let slot = home(low); ; ) {
      const at = slot * WORDS;
      if (table[at] === low && table[at + 1] === high) return at;
      if (table[at] === 0 && table[at + 1] === 0) return -1;
      if (++slot === capacity) slot = 0;
    }
  }

  /** Places an entry (known to be absent) at the first empty slot from its home: linear probing. */
  function insertRaw(t: Uint32Array, cap: number, low: number, high: number, sig: number, position: number): void {
    let slot = Math.floor((low * cap) / 4294967296);
    for (;;) {
      const at = slot * WORDS;
      if (t[at] === 0 && t[at + 1] === 0) {
        t[at] = low;
        t[at + 1] = high;
        if (keepFirst) {
          t[at + 2] = sig;
          t[at + 3] = position;
        }
        return;
      }
      if (++slot === cap) slot = 0;
    }
  }

  function resize(newCapacity: number): void {
    const old = table;
    const next = zeroedWords(newCapacity * WORDS);
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at] !== 0 || old[at + 1] !== 0) {
        insertRaw(next, newCapacity, old[at]!, old[at + 1]!, keepFirst ? old[at + 2]! : 0, keepFirst ? old[at + 3]! : 0);
      }
    }
    table = next;
    capacity = newCapacity;
    limit = Math.floor(capacity * MAX_LOAD);
  }

  function positionOf(file: string, line: number): number {
    if (file !== currentFile) {
      currentFile = file;
      currentBase = segmentFiles.length === 0 ? 0 : maxPosition + 1;
      segmentFiles.push(file);
      segmentBases.push(currentBase);
    }
    const position = currentBase + line;
    if (position > 0xffffffff) throw new Error('more than 4,294,967,295 lines of logs in one run');
    if (position > maxPosition) maxPosition = position;
    return position;
  }

  function locationOf(position: number): Location {
    let lo = 0;
    let hi = segmentBases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segmentBases[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return { file: segmentFiles[lo]!, line: position - segmentBases[lo]! };
  }

  function check(words: Int32Array, wordsAt: number, file: string, line: number): number {
    const low = words[wordsAt]! >>> 0;
    const high = words[wordsAt + 1]! >>> 0;
    const t = table;
    const cap = capacity;
    let slot = home(low);
    for (;;) {
      const at = slot * WORDS;
      const residentLow = t[at]!;
      const residentHigh = t[at + 1]!;
      if (residentLow === low && residentHigh === high) {
        if (!keepFirst) return ID_SEEN;
        firstPosition = t[at + 3]!;
        return t[at + 2] === words[wordsAt + 2]! >>> 0 ? ID_DUPLICATE : ID_CONFLICT;
      }
      if (residentLow === 0 && residentHigh === 0) {
        const position = keepFirst ? positionOf(file, line) : 0;
        if (size >= limit) {
          resize(Math.ceil(capacity * 1.5));
          insertRaw(table, capacity, low, high, words[wordsAt + 2]! >>> 0, position);
        } else {
          t[at] = low;
          t[at + 1] = high;
          if (keepFirst) {
            t[at + 2] = words[wordsAt + 2]!;
            t[at + 3] = position;
          }
        }
        size++;
        return ID_NEW;
      }
      if (++slot === cap) slot = 0;
    }
  }

  const registry: IdRegistry = {
    checkHash(idLow, idHigh, signature, file, line) {
      scratch[0] = idLow;
      scratch[1] = idHigh;
      scratch[2] = signature;
      return check(scratch, 0, file, line);
    },
    checkWords: check,
    has: (words, wordsAt) => entryOf(words, wordsAt) >= 0,
    expect(words, wordsAt) {
      if (!keepFirst) throw new Error('this id registry keeps no first rows');
      if (entryOf(words, wordsAt) >= 0) return;
      // Position 0 is no row's (a file's rows start at line 2): "no first row yet".
      if (size >= limit) resize(Math.ceil(capacity * 1.5));
      insertRaw(table, capacity, words[wordsAt]! >>> 0, words[wordsAt + 1]! >>> 0, 0, 0);
      size++;
    },
    claim(words, wordsAt, file, line) {
      const at = entryOf(words, wordsAt);
      if (at < 0 || table[at + 3] !== 0) return false;
      table[at + 2] = words[wordsAt + 2]!;
      table[at + 3] = positionOf(file, line);
      return true;
    },
    find(words, wordsAt) {
      const at = entryOf(words, wordsAt);
      if (at < 0 || table[at + 3] === 0) return ID_NEW;
      firstPosition = table[at + 3]!;
      return table[at + 2] === words[wordsAt + 2]! >>> 0 ? ID_DUPLICATE : ID_CONFLICT;
    },
    forEachId(visit) {
      const t = table;
      // A Uint32Array's words, seen as an Int32Array's: ids pass as the 32-bit patterns they are.
      const words = new Int32Array(t.buffer, t.byteOffset, t.length);
      for (let at = 0; at < words.length; at += WORDS) if (words[at] !== 0 || words[at + 1] !== 0) visit(words, at);
    },
    touchWords(words, from, count, stride) {
      const t = table;
      const end = Math.min(words.length, from + count * stride);
      let read = 0;
      const last = t.length - 1;
      // The home slot's cache line and the next: at 90 % load a probe passes ~4.6 slots (74 bytes
      // of 16-byte entries), often into the next line, whose miss would come only when checked.
      for (let at = from; at < end; at += stride) {
        const entry = home(words[at]! >>> 0) * WORDS;
        read ^= t[entry]! ^ t[Math.min(entry + 16, last)]!;
      }
      return read & 1;
    },
    first() {
      if (!keepFirst) throw new Error('this id registry keeps no first rows');
      return locationOf(firstPosition);
    },
    check(id, signature, at) {
      hashRange(id, 0, id.length);
      const verdict = registry.checkHash(HASH_OUT[0]!, HASH_OUT[1]!, signature, at.file, at.line);
      if (verdict === ID_NEW) return { kind: 'new' };
      if (verdict === ID_SEEN) return { kind: 'seen' };
      return { kind: verdict === ID_DUPLICATE ? 'duplicate' : 'conflict', first: registry.first() };
    },
    reserve(ids) {
      const needed = Math.ceil(ids / MAX_LOAD) + 1;
      if (needed > capacity) resize(needed);
    },
    get size() {
      return size;
    },
    get bytes() {
      return table.byteLength;
    },
  };
  return registry;
}
