// Shell completion scripts, generated from the commander definitions so that they never drift from
// the real options: commands, their long options, the values of enumerated options, and files.
import type { Command } from 'commander';
import { DIMENSIONS } from '../core/query.js';
import { OUTCOMES, CATEGORIES, REQUESTERS } from '../core/schema.js';
import { FORMATS } from '../render/renderers.js';
import { REPORT_SECTIONS } from '../render/sections.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface OptionSpec {
  long: string;
  short?: string;
  description: string;
  takesValue: boolean;
  values?: readonly string[];
  /** The value is a comma-separated list of `values` (query --by country,month). */
  list?: boolean;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** The values of the command's arguments, when they are not files. */
  argumentValues?: readonly string[];
}

/** Values offered after an option; anything else that takes a value completes file names. */
const VALUES: Record<string, readonly string[]> = {
  '--format': FORMATS,
  '--layout': ['outcomes', 'volume'],
  '--report': REPORT_SECTIONS,
  '--page-size': ['a4', 'letter'],
  '--by': DIMENSIONS,
  '--category': CATEGORIES,
  '--outcome': OUTCOMES,
  '--requester': [...REQUESTERS, 'authorities', 'all'],
  '--with': ['previous'],
};

/** Where one command's option takes other values than the same option elsewhere. */
const COMMAND_VALUES: Record<string, Record<string, readonly string[]>> = {
  periods: { '--by': ['year', 'half', 'quarter', 'month'], '--format': ['table', 'csv', 'json'] },
  compare: { '--format': ['table', 'csv', 'json'] },
  query: { '--format': ['table', 'csv', 'json'] },
  explain: { '--format': ['table', 'csv', 'json'] },
  completion: {},
};

/** Options that take a comma-separated list of their values, by command. */
const LISTS: Record<string, ReadonlySet<string>> = { query: new Set(['--by']) };

/** Options whose value is never a file name: offering files there would mislead. */
const NOT_FILES = new Set(['--period', '--with', '--min-cell', '--bands', '--country']);

export function describeCommands(program: Command): CommandSpec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: [
      ...command.options
        .filter((option) => option.long)
        .map((option) => ({
          long: option.long!,
          short: option.short,
          description: option.description,
          takesValue: option.required || option.optional,
          values: COMMAND_VALUES[command.name()]?.[option.long!] ?? VALUES[option.long!] ?? (NOT_FILES.has(option.long!) ? [] : undefined),
          list: LISTS[command.name()]?.has(option.long!) ?? false,
        })),
      ...program.options
        .filter((option) => option.long === '--no-color')
        .map((option) => ({ long: option.long!, description: option.description, takesValue: false })),
    ],
    // `completion <shell>` takes a shell, not a file.
    ...(command.name() === 'completion' ? { argumentValues: ['bash', 'zsh', 'fish'] } : {}),
  }));
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

function bash(commands: CommandSpec[]): string {
  const cases = commands
    .map((command) => {
      const values = command.options
        .filter((option) => option.values)
        .map((option) =>
          option.list
            ? // A list: complete the part after the last comma with the values not given yet, keep the
              // ones before, and add no space (another comma may follow).
              `      ${option.long}) local done="" left="" v; [[ "$cur" == *,* ]] && done="\${cur%,*},"; for v in ${option.values!.join(' ')}; do [[ ",$done" == *",$v,"* ]] || left="$left $v"; done; COMPREPLY=($(compgen -P "$done" -W "$left" -- "\${cur##*,}")); compopt -o nospace 2>/dev/null; return ;;`
            : `      ${option.long}) COMPREPLY=($(compgen -W ${quote(option.values!.join(' '))} -- "$cur")); return ;;`,
        )
        .join('\n');
      const flags = command.options.map((option) => option.long).join(' ');
      const words = command.argumentValues ? `\n      words=${quote(command.argumentValues.join(' '))}` : '';
      return `    ${command.name})\n      case "$prev" in\n${values}\n      esac\n      opts=${quote(`${flags} --help`)}${words} ;;`;
    })
    .join('\n');
  return `# bash completion for transparency; load with: source <(transparency completion bash)
_transparency() {
  local cur prev cmd opts words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W ${quote(`${commands.map((command) => command.name).join(' ')} --help --version`)} -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
    *) opts='--help' ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [ -n "$words" ]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _transparency transparency
`;
}

function zsh(commands: CommandSpec[]): string {
  const escape = (text: string) => text.replace(/[[\]:']/g, (char) => `\\${char}`);
  const functions = commands
    .map((command) => {
      const specs = command.options.map((option) => {
        const action = option.values
          ? option.list
            ? `:value:_values -s , value ${option.values.join(' ')}`
            : `:value:(${option.values.join(' ')})`
          : option.takesValue
            ? ':file:_files'
            : '';
        const short = option.short ? `(${option.short} ${option.long})'{${option.short},${option.long}}'` : `${option.long}`;
        return `    '${short}[${escape(option.description)}]${action}'`;
      });
      const rest = command.argumentValues ? `    '1:shell:(${command.argumentValues.join(' ')})'` : "    '*:log file:_files'";
      return `_transparency_${command.name.replace(/-/g, '_')}() {\n  _arguments -s \\\n${[...specs, rest].join(' \\\n')}\n}`;
    })
    .join('\n\n');
  const list = commands.map((command) => `    '${command.name}:${escape(command.description)}'`).join('\n');
  return `#compdef transparency
# zsh completion for transparency; load with: source <(transparency completion zsh)
${functions}

_transparency() {
  local -a commands
  commands=(
${list}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
  else
    local cmd="\${words[2]}"
    shift words; (( CURRENT-- ))
    (( $+functions[_transparency_\${cmd//-/_}] )) && _transparency_\${cmd//-/_}
  fi
}
compdef _transparency transparency
`;
}

function fish(commands: CommandSpec[]): string {
  const lines = ['# fish completion for transparency; load with: transparency completion fish | source', 'complete -c transparency -f'];
  const names = commands.map((command) => command.name).join(' ');
  for (const command of commands) {
    lines.push(`complete -c transparency -n "not __fish_seen_subcommand_from ${names}" -a ${command.name} -d ${quote(command.description)}`);
    for (const option of command.options) {
      const short = option.short ? ` -s ${option.short.replace(/^-/, '')}` : '';
      const values = option.values && option.list
        ? ` -a ${quote(`(__fish_complete_list , "string split ' ' '${option.values.join(' ')}'")`)}`
        : option.values && option.values.length > 0
          ? ` -a ${quote(option.values.join(' '))}`
          : '';
      const value = option.values ? ` -x${values}` : option.takesValue ? ' -r -F' : '';
      lines.push(`complete -c transparency -n "__fish_seen_subcommand_from ${command.name}" -l ${option.long.replace(/^--/, '')}${short}${value} -d ${quote(option.description)}`);
    }
    lines.push(
      command.argumentValues
        ? `complete -c transparency -n "__fish_seen_subcommand_from ${command.name}" -x -a ${quote(command.argumentValues.join(' '))}`
        : `complete -c transparency -n "__fish_seen_subcommand_from ${command.name}" -F`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, commands: CommandSpec[]): string {
  return { bash, zsh, fish }[shell](commands);
}
