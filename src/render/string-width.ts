// The width cli-table3 gives a cell, found without string-width's emoji pattern where it cannot
// matter. cli-table3 measures every cell with string-width, which first runs the text through a
// very large emoji regular expression: compiling it took ~20 ms of every command that prints a
// table, for cells that are nearly always plain ASCII. Printable ASCII holds no ANSI code and no
// emoji, and string-width counts each of its characters as one column; any other text is measured
// by string-width itself. scripts/build.mjs gives cli-table3 this function in string-width's place.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The number of terminal columns `text` takes, as string-width counts them. */
export function measureWidth(text: string): number {
  return typeof text === 'string' && PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}
