// A package bundled by esbuild as dist/ bundles it (with the build's plugins or aliases, or
// without), then run in this process: for the tests that hold a patched dependency to the published one.
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';

export async function bundlePackage<T>(name: string, options: { plugins?: Plugin[]; alias?: Record<string, string> } = {}): Promise<{ exports: T; source: string }> {
  const { outputFiles } = await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning', ...options,
  });
  const source = outputFiles[0]!.text;
  const module = { exports: {} as T };
  new Function('module', 'exports', 'require', source)(module, module.exports, createRequire(import.meta.url));
  return { exports: module.exports, source };
}
