// `transparency init`: an example config with its JSON Schema beside it, so that editors complete
// and check the file as it is typed.
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_PRINCIPLES, DEFAULT_PROCESS } from '../../core/config.js';
import { CONFIG_FILE_NAME } from '../../io/read-config.js';
import { writeFileAtomic } from '../../io/write-output.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

export const SCHEMA_FILE_NAME = 'transparency.schema.json';

export function exampleConfig(): Record<string, unknown> {
  return {
    $schema: `./${SCHEMA_FILE_NAME}`,
    $comment: [
      'Configuration of transparency. Command-line options override it. Every key is optional.',
      `Your editor completes and checks this file from ${SCHEMA_FILE_NAME}; hover a key for what it means.`,
    ],
    organisation: { name: 'Example Organisation', url: 'https://example.org' },
    report: {
      $comment: 'The texts of the published PDF. The principles and process below are neutral defaults: write your own.',
      title: 'Law Enforcement and Government Requests Report',
      url: 'https://example.org/transparency',
      language: 'en',
      principles: DEFAULT_PRINCIPLES,
      process: DEFAULT_PROCESS,
    },
    logs: ['logs/*.csv'],
    period: '2021H1',
    pageSize: 'a4',
    columns: {
      'Date Received': 'received',
      'Case Number': 'id',
    },
    users: { byCountry: false },
    classification: {
      $comment: 'Your rules run before the built-in ones; the first matching pattern decides the category.',
      rules: [{ id: 'forensic-image', pattern: '\\bforensic image\\b', category: 'technical-expertise' }],
      prohibited: [{ id: 'key-escrow', pattern: '\\bkey escrow\\b', kind: 'encryption-keys', category: 'technical-expertise' }],
    },
  };
}

async function exists(file: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(file).then(
    () => true,
    () => false,
  );
}

export function registerInit(program: Command, context: CliContext): void {
  program
    .command('init')
    .description(`write an example ${CONFIG_FILE_NAME} and its JSON Schema into the current folder`)
    .option('--force', 'overwrite files that exist')
    .addHelpText(
      'after',
      `
Examples:
  $ transparency init
  $ transparency init --force`,
    )
    .action(async (options: { force?: boolean }) => {
      const { configJsonSchema, parseConfig } = await import('../../core/schemas.js');
      const config = exampleConfig();
      // The example must itself be valid: a broken template would be a poor start.
      const check = parseConfig(JSON.parse(JSON.stringify(config)));
      if (!check.ok) throw new Error(`the example config is invalid: ${check.problems.join('; ')}`);
      const files = [
        [CONFIG_FILE_NAME, `${JSON.stringify(config, null, 2)}\n`],
        [SCHEMA_FILE_NAME, `${JSON.stringify(configJsonSchema(), null, 2)}\n`],
      ] as const;
      for (const [name] of files) {
        if (!options.force && (await exists(name))) throw new UsageError(`${name} exists; add --force to overwrite it`);
      }
      for (const [name, text] of files) {
        await writeFileAtomic(name, text);
        context.error(`wrote ${path.join('.', name)}`);
      }
      context.setExitCode(EXIT.ok);
    });
}
