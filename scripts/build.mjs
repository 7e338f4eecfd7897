// Bundles the CLI into dist/ with esbuild: one file loads faster than hundreds of modules
// (start-up time matters for ad hoc queries). Type checking is `tsc --noEmit`, run by `npm test`.
// pdfkit stays external: it reads its font metrics from its own package folder at run time,
// and it is imported lazily, so commands that print to the terminal never load it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { transparency: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['pdfkit'],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    // Bundled CommonJS dependencies (cli-table3) call require(); give them one.
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
