// Bundles the CLI into dist/ with esbuild: one file loads faster than hundreds of modules
// (start-up time matters for ad hoc queries). Type checking is `tsc --noEmit`, run by `npm test`.
// pdfkit stays external: it reads its font metrics from its own package folder at run time,
// and it is imported lazily, so commands that print to the terminal never load it.
import { build } from 'esbuild';
import { rename, rm } from 'node:fs/promises';

// Build beside dist/ and swap it in, so that a CLI started during a rebuild finds a whole bundle.
const target = new URL('../dist', import.meta.url);
const staging = new URL(`../.dist-${process.pid}`, import.meta.url);
await rm(staging, { recursive: true, force: true });
await build({
  entryPoints: { transparency: 'src/cli/main.ts' },
  outdir: staging.pathname,
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
// The row-reading thread (src/io/row-worker.ts) is a bundle of its own beside the CLI's: a thread
// starts faster from one file, and finds it at a fixed place.
await build({
  entryPoints: { 'row-worker': 'src/io/row-worker.ts' },
  outdir: staging.pathname,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  legalComments: 'none',
  logLevel: 'warning',
});
await rm(target, { recursive: true, force: true });
await rename(staging, target);
