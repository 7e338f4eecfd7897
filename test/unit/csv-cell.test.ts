// CSV cells: RFC 4180 quoting, and safety against formula injection when a spreadsheet opens the
// file. Every CSV the tool writes goes through csvLine; the texts that reach it today are ISO
// country names and the tool's own codes, so this is where a hostile value would be stopped.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLine, csvText } from '../../src/render/csv-cell.js';
import { ROOT } from '../helpers/run-cli.js';

describe('formula injection', () => {
  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","y")'])('%j gets a leading apostrophe', (text) => {
    const cell = csvText(text);
    const value = (parse(csvLine([text]), { relax_quotes: true }) as string[][])[0]?.[0];
    expect(value).toBe(`'${text}`);
    expect(cell.replace(/^"/, '')).toMatch(/^'/);
  });

  it('leaves ordinary text alone, and numbers as numbers (a negative change is data)', () => {
    expect(csvLine(['Russia', "Côte d'Ivoire", 'TOTAL', -25, 0, 3.5])).toBe("Russia,Côte d'Ivoire,TOTAL,-25,0,3.5");
  });

  it('quotes commas, quotes and line breaks (RFC 4180), and round-trips any text', () => {
    expect(csvLine(['Korea, Republic of', 'say "hi"', 'a\nb'])).toBe('"Korea, Republic of","say ""hi""","a\nb"');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 2, maxLength: 6 }), (cells) => {
        const [row] = parse(csvLine(cells), { relax_column_count: true }) as string[][];
        const expected = cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
        expect(row).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('every CSV renderer writes through csvLine', () => {
    const render = path.join(ROOT, 'src/render');
    const writers = readdirSync(render).filter(
      (file) => file.endsWith('.ts') && file !== 'csv-cell.ts' && /csv|\.join\(','\)/i.test(readFileSync(path.join(render, file), 'utf8')),
    );
    for (const file of writers) {
      const text = readFileSync(path.join(render, file), 'utf8');
      expect(text, file).not.toMatch(/\.join\(','\)/);
    }
    expect(writers.length).toBeGreaterThan(3);
  });
});
