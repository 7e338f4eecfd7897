// Query results: one number alone (for shell scripts), or grouped counts as table, CSV and JSON.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { countryName } from '../core/country.js';
import type { Dimension, QueryResult } from '../core/query.js';
import { csvLine } from './csv-cell.js';
import { dropBodyRules, TABLE_STYLE } from './table-style.js';

/** Column names: a country is given by its code and its name. */
export function queryColumns(by: readonly Dimension[]): string[] {
  return [...by.flatMap((dimension) => (dimension === 'country' ? ['country_code', 'country'] : [dimension])), 'count', 'share'];
}

function cellsOf(result: QueryResult, keys: readonly string[]): string[] {
  return result.by.flatMap((dimension, index) => (dimension === 'country' ? [keys[index]!, countryName(keys[index]!)] : [keys[index]!]));
}

export function renderQueryTable(result: QueryResult, chalk: ChalkInstance): string {
  if (result.by.length === 0) return `${result.total}\n`;
  const columns = queryColumns(result.by).filter((column) => column !== 'country_code');
  const table = new Table({ style: TABLE_STYLE, colAligns: [...result.by.map(() => 'left' as const), 'right', 'right'] });
  table.push(columns.map((column) => chalk.bold(column === 'share' ? 'share %' : column)));
  for (const row of result.rows) {
    const keys = cellsOf(result, row.keys).filter((_, index) => queryColumns(result.by)[index] !== 'country_code');
    table.push([...keys, String(row.count), row.share.toFixed(1)]);
  }
  table.push([
    ...result.by.map((_, index) => (index === 0 ? chalk.bold('TOTAL') : '')),
    chalk.bold(String(result.total)),
    chalk.bold(result.total > 0 ? '100.0' : '0.0'),
  ]);
  return `${dropBodyRules(table.toString())}\n`;
}

export function renderQueryCsv(result: QueryResult): string {
  const lines = [csvLine(queryColumns(result.by))];
  // Shares with one decimal always, so that a column of them reads and sorts alike.
  if (result.by.length === 0) lines.push(csvLine([result.total, result.total > 0 ? '100.0' : '0.0']));
  for (const row of result.rows) lines.push(csvLine([...cellsOf(result, row.keys), row.count, row.share.toFixed(1)]));
  return `${lines.join('\r\n')}\r\n`;
}

export function queryDocument(result: QueryResult, context: Record<string, unknown>): unknown {
  const columns = queryColumns(result.by).slice(0, -2);
  return {
    schemaVersion: 1,
    ...context,
    by: result.by,
    total: result.total,
    rows: result.rows.map((row) => ({
      ...Object.fromEntries(cellsOf(result, row.keys).map((value, index) => [columns[index]!, value])),
      count: row.count,
      share: row.share,
    })),
  };
}
