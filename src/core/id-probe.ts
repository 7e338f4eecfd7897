// The id of a row, hashed without reading the rest of it: the second reading (IntakeOptions.find)
// looks for a few ids among millions of rows, and reads in full only the rows whose id it seeks.
// Each hash is the one the full reading gives a valid row — the id field as CSV splits it, trimmed
// as String.prototype.trim does — so a row skipped here is never a row sought.
import { isSpace } from './ascii.js';
import { hashBytes, hashRange } from './hash.js';

/**
 * Hashes (into HASH_OUT) field `index` of the line `bytes[start, end)`, which holds no quote. False,
 * having hashed nothing, when that field is not ASCII (read the line as text then).
 */
export function hashIdOfBytes(bytes: Uint8Array, start: number, end: number, index: number): boolean {
  let from = start;
  for (let field = 0; field < index; field++) {
    while (from < end && bytes[from] !== 44) from++;
    if (from === end) {
      hashBytes(bytes, end, end); // no such field: the row is invalid, its "id" empty
      return true;
    }
    from++;
  }
  let to = from;
  while (to < end && bytes[to] !== 44) {
    if (bytes[to]! > 127) return false;
    to++;
  }
  while (from < to && isSpace(bytes[from]!)) from++;
  while (to > from && isSpace(bytes[to - 1]!)) to--;
  hashBytes(bytes, from, to);
  return true;
}

/** Hashes (into HASH_OUT) field `index` of the line `text[start, end)`, which holds no quote. */
export function hashIdOfText(text: string, start: number, end: number, index: number): void {
  let from = start;
  for (let field = 0; field < index; field++) {
    const comma = text.indexOf(',', from);
    if (comma === -1 || comma >= end) {
      hashRange('', 0, 0);
      return;
    }
    from = comma + 1;
  }
  const comma = text.indexOf(',', from);
  const id = text.slice(from, comma === -1 || comma >= end ? end : comma).trim();
  hashRange(id, 0, id.length);
}

/** Hashes (into HASH_OUT) field `index` of a record, trimmed. */
export function hashIdOfFields(fields: readonly string[], index: number): void {
  const id = (fields[index] ?? '').trim();
  hashRange(id, 0, id.length);
}
