// A tagged data table that can span pages: its header rows repeat at the top of every page it
// continues on, a row never straddles a page break, the header is never left alone at the bottom of
// a page, and the TOTAL row stays with the last body row. Numbers are right-aligned in their column.
import type { PageFrame } from './page-frame.js';
import { COLOURS, STYLES, type TextStyle } from './theme.js';

export interface TableColumn {
  width: number;
  align: 'left' | 'right';
}

export interface HeaderCell {
  text: string;
  /** Columns the cell spans (1 when absent). */
  span?: number;
}

export interface TableRow {
  cells: string[];
  /** The TOTAL row: emphasised, tagged as the table's footer. */
  total?: boolean;
}

export interface TableSpec {
  /** Printed above the table and tagged as its caption. */
  caption: string;
  columns: TableColumn[];
  /** Header rows, top to bottom; each row's spans add up to the number of columns. */
  header: HeaderCell[][];
  rows: TableRow[];
  /** The first cell of each row names it (a row header), as a country does. */
  rowHeaders?: boolean;
  zebra?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3.4;
const CAPTION_GAP = 6;
/** Body rows kept with the header at the bottom of a page, so that a header never stands alone. */
const ROWS_WITH_HEADER = 3;

type StructureElement = PDFKit.PDFStructureElement;

interface Placed {
  x: number;
  width: number;
  /** The first column the cell covers. */
  column: number;
}

interface Measured {
  captionHeight: number;
  headerHeights: number[];
  rowHeights: number[];
  /** What must fit below the cursor for the table to start: all of it when it fits on one page. */
  startHeight: number;
}

function measure(frame: PageFrame, spec: TableSpec, reserved: number): Measured {
  const tableWidth = spec.columns.reduce((sum, column) => sum + column.width, 0);
  const captionHeight = frame.heightOf(spec.caption, STYLES.h3, tableWidth) + CAPTION_GAP;
  const headerHeights = spec.header.map((cells) => {
    const placed = place(spec, cells, frame.left);
    return Math.max(frame.lineHeight(STYLES.tableHead), ...cells.map((cell, i) => frame.heightOf(cell.text, STYLES.tableHead, placed[i]!.width - 2 * PAD_X))) + 2 * PAD_Y;
  });
  const rowHeights = spec.rows.map((row) => {
    const style = styleOf(row);
    // Numbers are one line; only text in a left-aligned column (a long country name) wraps.
    const heights = row.cells.map((text, index) => {
      const column = spec.columns[index]!;
      const width = column.width - 2 * PAD_X;
      return column.align === 'right' || frame.widthOf(text, style) <= width ? frame.lineHeight(style) : frame.heightOf(text, style, width);
    });
    return Math.max(...heights) + 2 * PAD_Y;
  });
  const sum = (heights: number[]) => heights.reduce((total, height) => total + height, 0);
  const whole = captionHeight + sum(headerHeights) + sum(rowHeights);
  // A table that fits on one page (below `reserved` points of heading kept with it) is not split; a
  // longer one starts where its caption, header and first rows fit.
  const startHeight = whole + reserved <= frame.pageHeight ? whole : captionHeight + sum(headerHeights) + sum(rowHeights.slice(0, ROWS_WITH_HEADER));
  return { captionHeight, headerHeights, rowHeights, startHeight };
}

/**
 * The height that must be free for `spec` to start, to keep a heading of `reserved` points with it;
 * pass the same `reserved` to drawTable.
 */
export function tableStartHeight(frame: PageFrame, spec: TableSpec, reserved = 0): number {
  return measure(frame, spec, reserved).startHeight;
}

function styleOf(row: TableRow): TextStyle {
  return row.total ? STYLES.tableTotal : STYLES.tableCell;
}

/** Where each cell of a header row goes, given the columns it spans. */
function place(spec: TableSpec, cells: HeaderCell[], left: number): Placed[] {
  let index = 0;
  let x = left;
  return cells.map((cell) => {
    const span = cell.span ?? 1;
    const width = spec.columns.slice(index, index + span).reduce((sum, column) => sum + column.width, 0);
    const placed = { x, width, column: index };
    index += span;
    x += width;
    return placed;
  });
}

export function drawTable(frame: PageFrame, parent: StructureElement, spec: TableSpec, reserved = 0): void {
  const tableWidth = spec.columns.reduce((sum, column) => sum + column.width, 0);
  const left = frame.left;
  const columnX: number[] = [];
  spec.columns.reduce((x, column, index) => ((columnX[index] = x), x + column.width), left);
  const captionStyle = STYLES.h3;
  const { captionHeight, headerHeights, rowHeights, startHeight } = measure(frame, spec, reserved);
  frame.ensure(startHeight);
  const table = frame.element(parent, 'Table');
  const captionY = frame.y;
  frame.leaf(table, 'Caption', () => frame.text(spec.caption, left, captionY, captionStyle, { width: tableWidth }));
  frame.y += captionHeight;

  const drawHeader = (asArtifact: boolean, group?: StructureElement) => {
    const top = frame.y;
    frame.artifact(() => frame.rule(left, left + tableWidth, top, 0.9, COLOURS.ink));
    spec.header.forEach((cells, rowIndex) => {
      const rowTop = frame.y;
      const height = headerHeights[rowIndex]!;
      const placed = place(spec, cells, left);
      const tr = group ? frame.element(group, 'TR') : undefined;
      cells.forEach((cell, cellIndex) => {
        const { x, width, column } = placed[cellIndex]!;
        const span = cell.span ?? 1;
        const align = span > 1 ? 'center' : spec.columns[column]!.align;
        const textHeight = frame.heightOf(cell.text, STYLES.tableHead, width - 2 * PAD_X);
        // Labels sit on the rule below them, as in a typeset table.
        const draw = () => {
          if (cell.text) frame.text(cell.text, x + PAD_X, rowTop + height - PAD_Y - textHeight, STYLES.tableHead, { width: width - 2 * PAD_X, align });
        };
        if (asArtifact || !tr) frame.artifact(draw, 'Pagination');
        else {
          const attributes: Record<string, string | number> = { O: 'Table', Scope: 'Column' };
          if (span > 1) attributes.ColSpan = span;
          if (cell.text) frame.leaf(tr, 'TH', draw, { attributes });
          else frame.element(tr, 'TH', { attributes }).end();
        }
        if (span > 1 && cell.text) {
          // A short rule under a group label shows which columns it spans.
          frame.artifact(() => frame.rule(x + PAD_X, x + width - PAD_X, rowTop + height - 1, 0.5, COLOURS.faint));
        }
      });
      tr?.end();
      frame.y += height;
    });
    frame.artifact(() => frame.rule(left, left + tableWidth, frame.y, 0.6, COLOURS.ink));
  };

  const head = frame.element(table, 'THead');
  drawHeader(false, head);
  head.end();

  let body: StructureElement | undefined;
  let foot: StructureElement | undefined;
  spec.rows.forEach((row, rowIndex) => {
    const height = rowHeights[rowIndex]!;
    const next = spec.rows[rowIndex + 1];
    // The last body row moves with the TOTAL row rather than leave it alone on a page.
    const needed = height + (next?.total && !row.total ? rowHeights[rowIndex + 1]! : 0);
    if (frame.y + needed > frame.bottom + 0.01) {
      const end = frame.y;
      frame.artifact(() => frame.rule(left, left + tableWidth, end, 0.6, COLOURS.rule));
      frame.newPage();
      const continuedY = frame.y;
      frame.artifact(() => frame.text(`${spec.caption} (continued)`, left, continuedY, STYLES.note), 'Pagination');
      frame.y += frame.lineHeight(STYLES.note) + 4;
      drawHeader(true);
    }
    const top = frame.y;
    if (row.total) {
      body?.end();
      body = undefined;
      foot ??= frame.element(table, 'TFoot');
      frame.artifact(() => {
        frame.fillRect(left, top, tableWidth, height, COLOURS.accentTint);
        frame.rule(left, left + tableWidth, top, 0.6, COLOURS.ink);
      });
    } else {
      body ??= frame.element(table, 'TBody');
      if (spec.zebra && rowIndex % 2 === 1) frame.artifact(() => frame.fillRect(left, top, tableWidth, height, COLOURS.zebra));
    }
    const tr = frame.element((row.total ? foot : body)!, 'TR');
    const style = styleOf(row);
    row.cells.forEach((text, index) => {
      const column = spec.columns[index]!;
      const inner = column.width - 2 * PAD_X;
      const x = columnX[index]!;
      const draw = () => {
        if (column.align === 'right') frame.text(text, x + column.width - PAD_X, top + PAD_Y, style, { align: 'right' });
        else if (frame.widthOf(text, style) <= inner) frame.text(text, x + PAD_X, top + PAD_Y, style);
        else frame.text(text, x + PAD_X, top + PAD_Y, style, { width: inner });
      };
      const isRowHeader = spec.rowHeaders === true && index === 0;
      frame.leaf(tr, isRowHeader ? 'TH' : 'TD', draw, isRowHeader ? { attributes: { O: 'Table', Scope: 'Row' } } : {});
    });
    tr.end();
    frame.y += height;
  });
  body?.end();
  foot?.end();
  const end = frame.y;
  frame.artifact(() => frame.rule(left, left + tableWidth, end, 0.9, COLOURS.ink));
  table.end();
}
