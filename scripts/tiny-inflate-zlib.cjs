// tiny-inflate's one function, done by Node's zlib: bundled into dist/pdf.cjs in its place
// (scripts/build.mjs). fontkit, unicode-properties and linebreak each build Unicode tables from
// deflated data as they load, and tiny-inflate, in JavaScript, took ~20 ms of a PDF's 0.7 s for it.
// Same contract: `dest` is the size the caller expects; it is returned filled, or, when the data
// inflate to fewer bytes, a copy of the bytes it holds (callers use the result's whole .buffer).
'use strict';
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};
