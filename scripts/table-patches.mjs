// Faster, same-result versions of a few cli-table3 helpers, patched into the bundle by esbuild (see
// cheaperTableCells). test/property/table-patches.property.test.ts draws random tables with the
// patched and the published cli-table3 and compares them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * cli-table3 runs once per table, in V8's interpreter, where its helpers' small costs add up: every
 * cell sets 18 options (its border characters and paddings), each making a camel-case name and
 * filtering an array of four candidates; every text is measured through a new expression, each of
 * its lines twice; and the layout checks every place of the grid against every cell above it, one
 * call per pair (now a set of the places covered). ~20 M instructions, ~5 ms, of the 2020 build to the terminal. The same functions,
 * without the arrays, the calls and the repeats (same results, null and undefined alike, the same
 * comparisons); the build fails if cli-table3's text differs from what is replaced.
 */
const TABLE_PATCHES = {
  'cell.js': [
    [
      `function firstDefined(...args) {
  return args.filter((v) => v !== undefined && v !== null).shift();
}`,
      `function firstDefined(a, b, c, d) {
  if (a !== undefined && a !== null) return a;
  if (b !== undefined && b !== null) return b;
  if (c !== undefined && c !== null) return c;
  if (d !== undefined && d !== null) return d;
  return undefined;
}`,
    ],
    [
      `function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
      `const camelNames = new Map();
function setOption(objA, objB, nameB, targetObj) {
  let nameA = camelNames.get(nameB);
  if (nameA === undefined) {
    nameA = nameB.split('-');
    if (nameA.length > 1) {
      nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
      nameA = nameA.join('');
    } else {
      nameA = null;
    }
    camelNames.set(nameB, nameA);
  }
  if (nameA !== null) targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  else targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
}`,
    ],
  ],
  'utils.js': [
    [
      `function strlen(str) {
  let code = codeRegex();
  let stripped = ('' + str).replace(code, '');
  let split = stripped.split('\\n');
  return split.reduce(function (memo, s) {
    return stringWidth(s) > memo ? stringWidth(s) : memo;
  }, 0);
}`,
      // One expression for all calls (replace() starts a global one at 0 and leaves it at 0), and
      // each line measured once.
      `const strlenCode = codeRegex();
function strlen(str) {
  const stripped = ('' + str).replace(strlenCode, '');
  if (!stripped.includes('\\n')) return Math.max(0, stringWidth(stripped));
  let widest = 0;
  for (const line of stripped.split('\\n')) {
    const width = stringWidth(line);
    if (width > widest) widest = width;
  }
  return widest;
}`,
    ],
  ],
  'layout-manager.js': [
    // The places of the grid each cell covers, noted once: conflictExists, asked of every place,
    // went through every cell above it (n² × m² steps for n rows of m cells).
    [
      `  function fillInTable(table) {
    let h_max = maxHeight(table);
    let w_max = maxWidth(table);
    debug(\`Max rows: \${h_max}; Max cols: \${w_max}\`);
    for (let y = 0; y < h_max; y++) {
      for (let x = 0; x < w_max; x++) {
        if (!conflictExists(table, x, y)) {
          let opts = { x: x, y: y, colSpan: 1, rowSpan: 1 };
          x++;
          while (x < w_max && !conflictExists(table, x, y)) {
            opts.colSpan++;
            x++;
          }
          let y2 = y + 1;
          while (y2 < h_max && allBlank(table, y2, opts.x, opts.x + opts.colSpan)) {
            opts.rowSpan++;
            y2++;
          }
          let cell = new Cell(opts);
          cell.x = opts.x;
          cell.y = opts.y;
          warn(\`Missing cell at \${cell.y}-\${cell.x}.\`);
          insertCell(cell, table[y]);
        }
      }
    }
  }`,
      `  function fillInTable(table) {
    let h_max = maxHeight(table);
    let w_max = maxWidth(table);
    debug(\`Max rows: \${h_max}; Max cols: \${w_max}\`);
    const covered = new Set();
    const cover = (cell) => {
      const lastY = Math.min(cell.y - 1 + (cell.rowSpan || 1), h_max - 1);
      const lastX = Math.min(cell.x - 1 + (cell.colSpan || 1), w_max - 1);
      for (let y = cell.y; y <= lastY; y++) for (let x = cell.x; x <= lastX; x++) covered.add(y * 65536 + x);
    };
    table.forEach((row) => row.forEach(cover));
    const taken = (x, y) => covered.has(y * 65536 + x);
    const blank = (y, xMin, xMax) => {
      for (let x = xMin; x < xMax; x++) if (taken(x, y)) return false;
      return true;
    };
    for (let y = 0; y < h_max; y++) {
      for (let x = 0; x < w_max; x++) {
        if (!taken(x, y)) {
          let opts = { x: x, y: y, colSpan: 1, rowSpan: 1 };
          x++;
          while (x < w_max && !taken(x, y)) {
            opts.colSpan++;
            x++;
          }
          let y2 = y + 1;
          while (y2 < h_max && blank(y2, opts.x, opts.x + opts.colSpan)) {
            opts.rowSpan++;
            y2++;
          }
          let cell = new Cell(opts);
          cell.x = opts.x;
          cell.y = opts.y;
          warn(\`Missing cell at \${cell.y}-\${cell.x}.\`);
          insertCell(cell, table[y]);
          cover(cell);
        }
      }
    }
  }`,
    ],
    [
      `      for (let j = 0; j < row.length; j++) {
        if (cellsConflict(cell, row[j])) {
          return true;
        }
      }`,
      `      for (let j = 0; j < row.length; j++) {
        const other = row[j];
        if (!(y > other.y - 1 + (other.rowSpan || 1) || other.y > y) && !(x > other.x - 1 + (other.colSpan || 1) || other.x > x)) {
          return true;
        }
      }`,
    ],
  ],
};
export const cheaperTableCells = {
  name: 'cheaper-table-cells',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/]cli-table3[\\/]src[\\/](cell|layout-manager|utils)\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [before, after] of TABLE_PATCHES[path.basename(args.path)]) {
        if (!contents.includes(before)) throw new Error(`cli-table3 changed: ${path.basename(args.path)} no longer has\n${before}`);
        contents = contents.replace(before, () => after);
      }
      return { contents, loader: 'js' };
    });
  },
};
