// Two font tables read straight from the file's bytes, for fontkit to find already decoded.
// fontkit decodes a table field by field through restructure, microseconds a field: the `kern`
// table (2,700 pairs), which fontkit consults for a run of text its GPOS did not kern (the
// ExtraLight font's figures), took ~55 ms, and the `post` table (read for two header numbers when
// a font is embedded; 6,000 glyph names follow them) ~30 ms for the five fonts: together ~15 % of
// the 2020 PDF's time. The values are the ones fontkit would decode, in the shape fontkit reads
// them (test/pdf/font-tables.test.ts); a table in any form not handled here is left to fontkit.

/** The parts of a fontkit TrueType font used here (its private table cache included). */
export interface FontkitTables {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, TableEntry | undefined> };
  _tables: Record<string, unknown>;
  _decodeTable(table: TableEntry): unknown;
}
interface TableEntry {
  offset: number;
  length: number;
}

interface KernPair {
  left: number;
  right: number;
  value: number;
}

/** Puts `kern` and `post`, decoded, into fontkit's table cache unless they are already there. */
export function primeFontTables(font: FontkitTables): void {
  const bytes = font.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kern = font.directory.tables.kern;
  if (kern && !('kern' in font._tables)) {
    const table = decodeKern(view, kern);
    if (table) font._tables.kern = table;
  }
  const post = font.directory.tables.post;
  if (post && !('post' in font._tables)) {
    const table = decodePostHeader(view, post, () => font._decodeTable(post) as Record<string, unknown>);
    if (table) font._tables.post = table;
  }
}

/**
 * A Microsoft `kern` table (version 0) whose subtables are all of format 0 (sorted pairs), as
 * restructure decodes it; undefined for any other form (Apple's version 1, classes), or for a
 * subtable whose length disagrees with its pairs (fontkit would step by the length field).
 */
export function decodeKern(view: DataView, entry: TableEntry): object | undefined {
  const end = entry.offset + entry.length;
  if (entry.length < 4 || end > view.byteLength || view.getUint16(entry.offset) !== 0) return undefined;
  const nTables = view.getUint16(entry.offset + 2);
  const tables = [];
  let at = entry.offset + 4;
  for (let t = 0; t < nTables; t++) {
    if (at + 14 > end) return undefined;
    const subVersion = view.getUint16(at);
    const length = view.getUint16(at + 2);
    const format = view.getUint8(at + 4);
    const coverage = view.getUint8(at + 5);
    const nPairs = view.getUint16(at + 6);
    if (subVersion !== 0 || format !== 0 || length !== 14 + 6 * nPairs || at + length > end) return undefined;
    const pairs = new Array<KernPair>(nPairs);
    for (let i = 0, p = at + 14; i < nPairs; i++, p += 6) {
      pairs[i] = { left: view.getUint16(p), right: view.getUint16(p + 2), value: view.getInt16(p + 4) };
    }
    const subtable = {
      version: 0,
      nPairs,
      searchRange: view.getUint16(at + 8),
      entrySelector: view.getUint16(at + 10),
      rangeShift: view.getUint16(at + 12),
      pairs,
    };
    tables.push({
      version: 0,
      subVersion,
      length,
      format,
      coverage: {
        horizontal: (coverage & 1) !== 0,
        minimum: (coverage & 2) !== 0,
        crossStream: (coverage & 4) !== 0,
        override: (coverage & 8) !== 0,
      },
      subtable,
    });
    at += length;
  }
  return { version: 0, nTables, tables };
}

/**
 * The `post` table's 32-byte header, decoded now; the glyph names that follow it (asked for only
 * to name glyphs, which pdfkit does not) are decoded by fontkit if anything asks for them.
 */
export function decodePostHeader(view: DataView, entry: TableEntry, decodeAll: () => Record<string, unknown>): object | undefined {
  const at = entry.offset;
  if (entry.length < 32 || at + 32 > view.byteLength) return undefined;
  const fixed = (offset: number): number => view.getInt32(at + offset) / 65536;
  const header = {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(at + 8),
    underlineThickness: view.getInt16(at + 10),
    isFixedPitch: view.getUint32(at + 12),
    minMemType42: view.getUint32(at + 16),
    maxMemType42: view.getUint32(at + 20),
    minMemType1: view.getUint32(at + 24),
    maxMemType1: view.getUint32(at + 28),
  };
  let full: Record<string, unknown> | undefined;
  for (const field of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
    Object.defineProperty(header, field, { enumerable: true, get: () => (full ??= decodeAll())[field] });
  }
  return header;
}
