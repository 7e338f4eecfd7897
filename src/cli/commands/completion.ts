// `transparency completion bash|zsh|fish`: prints a completion script for the shell.
import { InvalidArgumentError, type Command } from 'commander';
import { writeStdout } from '../../io/write-output.js';
import { completionScript, describeCommands, SHELLS, type Shell } from '../completion.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

function shellArgument(text: string): Shell {
  const shell = text.trim().toLowerCase();
  if ((SHELLS as readonly string[]).includes(shell)) return shell as Shell;
  throw new InvalidArgumentError(`"${text}" is not a shell this command knows; use ${SHELLS.join(', ')}`);
}

export function registerCompletion(program: Command, context: CliContext): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', SHELLS.join(', '), shellArgument)
    .addHelpText(
      'after',
      `
Examples:
  $ source <(transparency completion bash)        # in ~/.bashrc
  $ transparency completion zsh > "\${fpath[1]}/_transparency"
  $ transparency completion fish > ~/.config/fish/completions/transparency.fish`,
    )
    .action(async (shell: Shell) => {
      await writeStdout(completionScript(shell, describeCommands(program)));
      context.setExitCode(EXIT.ok);
    });
}
