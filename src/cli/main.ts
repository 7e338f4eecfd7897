// The `transparency` command line: wires the commands to the process (argv, env, streams, exit code).
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { IoError } from '../io/io-error.js';
import { isTerminal, nothingPending, setOnClosedPipe, streamOf, writeStd } from '../io/std-output.js';
import { makeChalk, shouldUseColor } from './color.js';
import { registerBuild } from './commands/build.js';
import { registerCompare } from './commands/compare.js';
import { registerCompletion } from './commands/completion.js';
import { registerExplain } from './commands/explain.js';
import { registerInit } from './commands/init.js';
import { registerPeriods } from './commands/periods.js';
import { registerQuery } from './commands/query.js';
import { registerValidate } from './commands/validate.js';
import type { CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import packageJson from '../../package.json' with { type: 'json' };

// `transparency build … | head` (or `2>&1 | head`) closes the pipe early: that is the reader's
// choice, not an error.
setOnClosedPipe(() => process.exit(EXIT.ok));

const env = process.env;
const colorFlag = process.argv.includes('--no-color') ? false : undefined;
const stdoutIsTTY = isTerminal(1);
const stderrChalk = makeChalk(shouldUseColor({ isTTY: isTerminal(2) }, env, colorFlag));
const context: CliContext = {
  env,
  stdoutIsTTY,
  stdoutColumns: stdoutIsTTY ? streamOf(1).columns : undefined,
  stdoutChalk: makeChalk(shouldUseColor({ isTTY: stdoutIsTTY }, env, colorFlag)),
  stderrChalk,
  plainChalk: makeChalk(false),
  error: (line) => void writeStd(2, `${line}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

const program = new Command('transparency')
  .description('Compile law-enforcement and government request transparency reports from request logs.')
  .version(packageJson.version, '-V, --version')
  .option('--no-color', 'no colour, also when the output is a terminal (NO_COLOR=1 does the same)')
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({
    writeOut: (text) => void writeStd(1, text),
    writeErr: (text) => void writeStd(2, text),
    outputError: (text, write) => write(stderrChalk.red(text)),
  })
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  $ transparency build --period 2020 fixtures/logs/2020
  $ transparency build --period 2020 fixtures/logs/2020 --format csv > report-2020.csv
  $ transparency validate fixtures/logs
  $ transparency query --period 2020 --country RU --outcome rejected fixtures/logs

Exit codes: 0 clean, 1 invalid data or a policy violation, 2 usage, config or I/O error,
3 internal error (a bug: please report it).`,
  );
registerBuild(program, context);
registerValidate(program, context);
registerCompare(program, context);
registerPeriods(program, context);
registerQuery(program, context);
registerExplain(program, context);
registerInit(program, context);
registerCompletion(program, context);
program.commands.forEach((command) => command.exitOverride());

// A promise chain rather than a top-level await: the bundle is a script (see scripts/build.mjs).
program
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.exitCode = exitCodeOfError(error);
  })
  .then(() => {
    // The command is done: end now. Left to end by itself, Node would first wait for V8's compiler
    // threads to finish machine code for the hot functions, code that would never run: ~5-10 ms of
    // a small command on two cores. Output still waiting in a stream is left to flush as usual.
    if (nothingPending()) process.exit();
  });

function exitCodeOfError(error: unknown): number {
  // Thrown by an action (commander prints the ones it raises while parsing, and those are plain CommanderErrors).
  if (error instanceof InvalidArgumentError) {
    context.error(`${stderrChalk.red.bold('error:')} ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof CommanderError) {
    // Help and version end with code 0; everything else commander refuses is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  // Thrown by the lazily loaded PDF renderer for a character its font lacks: the input's to fix.
  if (error instanceof UsageError || error instanceof IoError || (error as Error | undefined)?.name === 'MissingGlyphError') {
    context.error(`${stderrChalk.red.bold('error:')} ${(error as Error).message}`);
    return EXIT.usage;
  }
  context.error(`${stderrChalk.red.bold('internal error:')} ${(error as Error).message ?? String(error)}`);
  context.error('This is a bug in transparency; please report it with the command you ran. Set TRANSPARENCY_DEBUG=1 for details.');
  if (env.TRANSPARENCY_DEBUG) context.error((error as Error).stack ?? '');
  return 3;
}
