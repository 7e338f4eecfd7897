// Bundles the CLI into dist/ with esbuild: one file loads faster than hundreds of modules
// (start-up time matters for ad hoc queries). Type checking is `tsc --noEmit`, run by `npm test`.
//
// dist/transparency.cjs is the CLI as one script, and dist/transparency.js a small launcher that
// compiles it with V8's code cache (dist/transparency.cjs.cache, written here by one run of the
// CLI): parsing and compiling the bundle was a fifth of a small command's time. A cache that V8
// refuses (another Node version) only makes the start slower. The PDF renderer, with pdfkit and
// everything it loads, is a script of its own (dist/pdf.cjs, launched by dist/pdf.js with
// dist/pdf.cjs.cache, written by one PDF build here): required only when a PDF is asked for, and
// then compiled from its cache rather than from pdfkit's hundreds of kilobytes of source (~10 % of
// a PDF's time).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cheaperTableCells } from './table-patches.mjs';

/** The dynamic imports of src/core/schemas.ts, left to require dist/schemas.cjs at run time. */
const lazySchemas = {
  name: 'lazy-schemas',
  setup(context) {
    context.onResolve({ filter: /(^|\/)schemas\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './schemas.cjs', external: true } : undefined));
  },
};

/** The dynamic import of src/render/pdf.ts, left to require dist/pdf.js (its launcher) at run time. */
const lazyPdf = {
  name: 'lazy-pdf',
  setup(context) {
    context.onResolve({ filter: /^\.\/pdf\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './pdf.js', external: true } : undefined));
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands (this CLI has
 * none): loading it, with net and dgram behind it, cost every command ~5 ms at start-up. commander
 * gets a stand-in that requires the real module only if it ever spawns.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(context) {
    context.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * A module of src/core/ whose one function builds constant tables, run once here: the bundles carry
 * what it returns as JSON. src/core/country-index.ts folds every spelling of every country (~3 ms
 * of a small build); src/core/rule-literals.ts reads the built-in rules' expressions (~9 M
 * instructions). Tests run the modules themselves; test/e2e/start-up.test.ts checks that the
 * bundles' tables are the same.
 */
async function precomputed(name, functionName) {
  const { outputFiles } = await build({
    entryPoints: [`src/core/${name}.ts`], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning',
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  const json = JSON.stringify(module[functionName]());
  return {
    name: `precomputed-${name}`,
    setup(context) {
      context.onLoad({ filter: new RegExp(`[\\\\/]src[\\\\/]core[\\\\/]${name}\\.ts$`) }, () => ({
        // JSON.parse reads a large literal faster than JavaScript's parser does.
        contents: `export function ${functionName}() { return JSON.parse(${JSON.stringify(json)}); }`,
        loader: 'js',
      }));
    },
  };
}
const countryIndex = await precomputed('country-index', 'buildCountryIndex');
const ruleLiterals = await precomputed('rule-literals', 'buildRuleLiterals');

/**
 * strip-ansi (which cli-table3 reaches through string-width) builds a new regular expression from
 * its source at every call, and a table measures every line of every cell: ~1,100 times for the
 * 2020 report. This one builds it once. A global expression is safe to share for replace(), which
 * starts it at 0 and leaves it at 0.
 */
const sharedAnsiPattern = {
  name: 'shared-ansi-pattern',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/]strip-ansi[\\/]index\.js$/ }, () => ({
      contents: "'use strict';\nconst pattern = require('ansi-regex')();\nmodule.exports = (string) => (typeof string === 'string' ? string.replace(pattern, '') : string);\n",
      loader: 'js',
    }));
  },
};

/**
 * string-width, which cli-table3 asks the width of every line of every cell and of its borders,
 * runs a 20 KB emoji expression over each (compiled, then compiled again to machine code: ~8 M
 * instructions, 3 % of a small build). Printable ASCII (0x20-0x7e: no escape, no control character)
 * box drawing (U+2500-U+257F, the borders) and '…' (U+2026, its mark of a cut) are one column a
 * character and hold no emoji, as string-width itself says of each (test/e2e/build.test.ts); its
 * string-width is asked only about other text.
 */
const asciiStringWidth = {
  name: 'ascii-string-width',
  setup(context) {
    context.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]node_modules[\\/]cli-table3[\\/]/.test(args.importer)
        ? { path: 'string-width', namespace: 'ascii-string-width', pluginData: { from: args.importer } }
        : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'ascii-string-width' }, (args) => ({
      contents: [
        "const stringWidth = require('string-width');",
        'const ONE_COLUMN_EACH = /^[\\x20-\\x7e\\u2026\\u2500-\\u257f]*$/;',
        "module.exports = (string) => (typeof string === 'string' && ONE_COLUMN_EACH.test(string) ? string.length : stringWidth(string));",
      ].join('\n'),
      loader: 'js',
      // string-width as cli-table3 finds it, from cli-table3's folder.
      resolveDir: path.dirname(args.pluginData.from),
    }));
  },
};

/**
 * chalk detects colour support when it loads (its vendored supports-color), for its default
 * instances, which this CLI does not use: it makes its own with the level it decides
 * (src/cli/color.ts). The detection loaded node:tty, with net and the stream machinery behind it,
 * and node:os, at every start; the stand-in says "no colour" for the unused defaults.
 */
const noColorDetection = {
  name: 'no-color-detection',
  setup(context) {
    context.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'no-color-detection' } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

// Build beside dist/ and swap it in, so that a CLI started during a rebuild finds a whole bundle.
const target = new URL('../dist', import.meta.url);
const staging = new URL(`../.dist-${process.pid}`, import.meta.url);
await rm(staging, { recursive: true, force: true });
/** What every bundle here shares: one file for Node 20, no licence comments. */
const common = {
  outdir: staging.pathname, bundle: true, platform: 'node', target: 'node20.19', legalComments: 'none', logLevel: 'warning',
  // Without comments and white space, the CLI's script is ASCII only (a comment's '≤' made V8 hold
  // it as two-byte text) and a third smaller: less to read and compile at every start. Names are kept.
  // esbuild writes regular expression literals as they stand: sources escape their non-ASCII
  // characters (\u2019), and test/e2e/start-up.test.ts fails on any left in the bundle.
  minifyWhitespace: true, minifySyntax: true, charset: 'ascii',
};
/** The scripts (`.cjs`) the launchers run and require. */
const script = { ...common, format: 'cjs', outExtension: { '.js': '.cjs' } };
/** What a script that asks import.meta.url, or imports lazily, needs. */
const placed = {
  // The script knows its place by __filename; the sources ask import.meta.url.
  // Worked out when read (by the commands that start threads or draw a PDF), not at every start.
  define: { 'import.meta.url': '__importMeta.url' },
  banner: { js: "const __importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  // import() becomes require(): the script runs without a module loader.
  supported: { 'dynamic-import': false },
};
await build({
  ...script,
  ...placed,
  entryPoints: { transparency: 'src/cli/main.ts' },
  plugins: [lazySchemas, lazyPdf, lazyChildProcess, countryIndex, ruleLiterals, sharedAnsiPattern, asciiStringWidth, noColorDetection, cheaperTableCells],
});
// pdfkit, fontkit and the rest bundled in: pdfkit 0.20 finds its standard fonts' metrics by
// require(), which esbuild follows, and the fonts this PDF embeds are found from the package's
// folder (src/render/pdf/font-set.ts). tiny-inflate is replaced by Node's zlib (the file says why).
await build({
  ...script,
  ...placed,
  entryPoints: { pdf: 'src/render/pdf.ts' },
  alias: { 'tiny-inflate': fileURLToPath(new URL('tiny-inflate-zlib.cjs', import.meta.url)) },
  plugins: [countryIndex],
});
// zod and the contracts built with it (config validation, JSON Schema) are a script of their own,
// required by the two commands that load them: in the CLI's script, zod's hundreds of exports were set
// up at every start (~5 ms).
await build({ ...script, entryPoints: { schemas: 'src/core/schemas.ts' } });
await writeFile(new URL('transparency.js', `${staging.href}/`), launcherSource('transparency.cjs', 'TRANSPARENCY_WRITE_CODE_CACHE', false));
await writeFile(new URL('pdf.js', `${staging.href}/`), launcherSource('pdf.cjs', 'TRANSPARENCY_WRITE_PDF_CODE_CACHE', true));
// dist/ is CommonJS, launcher and thread included: an ES module would start Node's ES module loader,
// which cost a small command ~12 ms of its start-up.
await writeFile(new URL('package.json', `${staging.href}/`), `${JSON.stringify({ type: 'commonjs' })}\n`);
// The row-reading thread (src/io/row-worker.ts) is a bundle of its own beside the CLI's: a thread
// starts faster from one file, and finds it at a fixed place.
await build({ ...common, entryPoints: { 'row-worker': 'src/io/row-worker.ts' }, format: 'cjs', plugins: [countryIndex, ruleLiterals] });
await rm(target, { recursive: true, force: true });
await rename(staging, target);

// The code cache: written by a build of the 2020 fixture (or by --help where the fixtures are not),
// so that it holds the functions a command runs, not only the top level.
const dist = fileURLToPath(target);
const fixture = fileURLToPath(new URL('../fixtures/logs/2020', import.meta.url));
const args = existsSync(fixture) ? ['build', '--period', '2020', fixture, '--quiet'] : ['--help'];
const run = spawnSync(process.execPath, [`${dist}/transparency.js`, ...args], {
  env: { ...process.env, TRANSPARENCY_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0) throw new Error(`the run that writes the code cache failed (exit ${run.status})`);
// The PDF script's cache, from a PDF of the 2020 fixture (none where the fixtures are not).
if (existsSync(fixture)) {
  const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'transparency-build-')), 'report.pdf');
  const pdfRun = spawnSync(process.execPath, [`${dist}/transparency.js`, ...args, '--out', pdf], {
    env: { ...process.env, TRANSPARENCY_WRITE_PDF_CODE_CACHE: '1', NO_COLOR: '1', SOURCE_DATE_EPOCH: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  rmSync(path.dirname(pdf), { recursive: true, force: true });
  if (pdfRun.status !== 0) throw new Error(`the run that writes the PDF's code cache failed (exit ${pdfRun.status}):\n${pdfRun.stderr}`);
}

/**
 * A launcher that runs `file` (beside it) compiled with V8's code cache, written at exit when
 * `writeVariable` is 1; `exporting`: it is required, and gives what the script exports.
 */
function launcherSource(file, writeVariable, exporting) {
  return `// Written by scripts/build.mjs: runs ${file}, compiled with V8's code cache when it fits.
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '${file}');
const cacheFile = \`\${file}.cache\`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile from source
}
const wrapper = \`(function (exports, require, module, __filename, __dirname) {\${readFileSync(file, 'utf8')}\\n})\`;
const script = new Script(wrapper, { filename: file, cachedData });
const loaded = { exports: {} };
// This script's own require: ${file} is beside it, so both resolve alike (and node:module,
// for createRequire, is not loaded at every start).
script.runInThisContext()(loaded.exports, require, loaded, file, dirname(file));
if (process.env.${writeVariable} === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
${exporting ? 'module.exports = loaded.exports;\n' : ''}`;
}
