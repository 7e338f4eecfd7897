// Types of table-patches.mjs, for the test that compares patched and published cli-table3.
import type { Plugin } from 'esbuild';
export const cheaperTableCells: Plugin;
