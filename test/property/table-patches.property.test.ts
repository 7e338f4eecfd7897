// The bundle's cli-table3 has a few helpers rewritten for speed (scripts/table-patches.mjs). These
// draw random tables — spans that leave gaps, multi-line and coloured cells, options given as
// null, undefined or values — with the patched and the published cli-table3, and expect the same
// text, or the same error.
import type { Plugin } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cheaperTableCells } from '../../scripts/table-patches.mjs';
import { bundlePackage } from '../helpers/bundle-package.js';

type TableConstructor = new (options?: object) => unknown[] & { toString(): string };

async function bundleTable(plugins: Plugin[]): Promise<{ Table: TableConstructor; source: string }> {
  const { exports, source } = await bundlePackage<TableConstructor>('cli-table3', { plugins });
  return { Table: exports, source };
}

let patched: { Table: TableConstructor; source: string };
let published: { Table: TableConstructor; source: string };
beforeAll(async () => {
  [patched, published] = await Promise.all([bundleTable([cheaperTableCells]), bundleTable([])]);
});

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), fc.constant(null), arbitrary);
const text = fc.oneof(
  fc.constantFrom('', 'a', 'Total', 'Côte d’Ivoire', '12 (100%)', 'two\nlines', 'the longer line\nshort', '\u001b[1mbold\u001b[22m', '\u001b[31mred\u001b[39m and plain', '日本', '…'),
  fc.string({ maxLength: 12 }),
);
const CHAR_NAMES = ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right', 'left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid', 'middle'];
const chars = fc.dictionary(fc.constantFrom(...CHAR_NAMES, 'topMid', 'leftMid', 'midMid', 'rightMid'), maybe(fc.constantFrom('', '-', '═', '+')), { maxKeys: 5 });
const style = fc.record(
  { 'padding-left': maybe(fc.integer({ min: 0, max: 2 })), paddingRight: maybe(fc.integer({ min: 0, max: 2 })), head: fc.constant([]), border: fc.constant([]), compact: fc.boolean() },
  { requiredKeys: [] },
);
const content = fc.oneof(text, fc.integer());
const cellOptions = fc.record(
  { hAlign: fc.constantFrom('left', 'center', 'right'), vAlign: fc.constantFrom('top', 'center', 'bottom'), chars, style },
  { requiredKeys: [] },
);
/** A cell spanning `colSpan` columns (and `rowSpan` rows): plain content when it spans one, sometimes. */
const cell = (colSpan: number, rowSpan = 1) =>
  fc.tuple(content, cellOptions, fc.boolean()).map(([value, options, plain]) =>
    plain && colSpan === 1 && rowSpan === 1 ? value : { content: typeof value === 'number' ? String(value) : value, colSpan, rowSpan, ...options },
  );
/** Spans that add up to `width`. */
const composition = (width: number): fc.Arbitrary<number[]> =>
  width === 0 ? fc.constant([]) : fc.integer({ min: 1, max: width }).chain((first) => composition(width - first).map((rest) => [first, ...rest]));
const row = (spans: number[]) => fc.tuple(...spans.map((span) => cell(span)));

/**
 * Well-formed grids only: every row covers the same columns. (Spans that do not fit each other send
 * the published cli-table3 into an endless loop.) The first row may have cells two rows high, as the
 * report's header has; the second row then covers the columns they leave.
 */
const grid = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.tuple(
    composition(width).chain((spans) => fc.tuple(fc.constant(spans), fc.array(fc.boolean(), { minLength: spans.length, maxLength: spans.length }))),
    fc.array(composition(width), { maxLength: 5 }),
  ).chain(([[headSpans, tall], bodySpans]) => {
    const hasTall = tall.some(Boolean) && bodySpans.length > 0;
    // The second row's segments: the runs of columns that no tall cell covers.
    const segments: number[] = [];
    let run = 0;
    headSpans.forEach((span, index) => {
      if (hasTall && tall[index]) {
        if (run > 0) segments.push(run);
        run = 0;
      } else run += span;
    });
    if (run > 0) segments.push(run);
    const head = fc.tuple(...headSpans.map((span, index) => cell(span, hasTall && tall[index] ? 2 : 1)));
    const second = hasTall
      ? fc.tuple(...segments.map((segment) => composition(segment))).chain((parts) => row(parts.flat()))
      : undefined;
    const rest = (hasTall ? bodySpans.slice(1) : bodySpans).map(row);
    return fc.tuple(head, ...(second ? [second] : []), ...rest);
  }),
);
const table = fc.record({
  options: fc.record(
    {
      head: fc.array(text, { maxLength: 4 }),
      // From 6: narrower, with both paddings, cli-table3's truncation loops for ever (published and patched alike).
      colWidths: fc.array(maybe(fc.integer({ min: 6, max: 14 })), { maxLength: 4 }),
      wordWrap: fc.boolean(),
      chars,
      style,
      colAligns: fc.array(fc.constantFrom('left', 'center', 'right'), { maxLength: 4 }),
    },
    { requiredKeys: [] },
  ),
  rows: grid,
});

/** The table's text, or its error, drawn by one cli-table3. */
function draw(Table: TableConstructor, spec: { options: object; rows: unknown[][] }): string {
  try {
    const drawn = new Table(structuredClone(spec.options));
    drawn.push(...structuredClone(spec.rows));
    return drawn.toString();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('patched cli-table3 (property)', () => {
  it('has every patch in the bundle', () => {
    expect(patched.source).toContain('camelNames');
    expect(patched.source).toContain('strlenCode');
    expect(patched.source).not.toContain('cellsConflict(cell, row[j])');
    expect(published.source).toContain('cellsConflict(cell, row[j])');
  });

  it('draws every table as the published cli-table3 does', () => {
    fc.assert(
      fc.property(table, (spec) => {
        expect(draw(patched.Table, spec)).toBe(draw(published.Table, spec));
      }),
      { numRuns: 600 },
    );
  });

  it('draws the report layout, spans across a header, as the published cli-table3 does', () => {
    const spec = {
      options: { colAligns: ['left', 'right', 'right', 'right'] },
      rows: [
        [{ content: '', rowSpan: 2 }, { content: 'Technical', colSpan: 2, hAlign: 'center' }, { content: 'Total', rowSpan: 2, vAlign: 'bottom' }],
        ['Approved', 'Rejected'],
        ['Russia', '35 (38%)', '31 (33%)', '93'],
        [{ content: 'gap', colSpan: 3 }],
      ],
    };
    expect(draw(patched.Table, spec)).toBe(draw(published.Table, spec));
    expect(draw(patched.Table, spec)).toContain('Russia');
  });
});
