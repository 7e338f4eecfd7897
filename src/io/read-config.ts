// Finds and reads the config file: --config PATH, else transparency.config.json in the current
// directory, else the built-in defaults. A bad file is an error with its path and the JSON path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../core/config.js';
import { describeFsError, IoError } from './io-error.js';

export const CONFIG_FILE_NAME = 'transparency.config.json';

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined for the built-in defaults. */
  file?: string;
  /** Relative paths in the config are relative to this folder. */
  directory: string;
}

export class ConfigError extends IoError {}

export async function readConfig(explicit: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const file = explicit ?? CONFIG_FILE_NAME;
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_CONFIG, directory: cwd };
    throw new ConfigError(`${file}: cannot read the config: ${describeFsError(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON: ${jsonErrorWhere(text, error as Error)}`);
  }
  // zod is loaded only here, when there is a config to check: a run without one never pays for it.
  const { parseConfig } = await import('../core/schemas.js');
  const result = parseConfig(data);
  if (!result.ok) throw new ConfigError(`${file}: invalid config:\n${result.problems.map((problem) => `  ${problem}`).join('\n')}`);
  return { config: result.config, file, directory: path.dirname(absolute) };
}

/** V8 says "at position N"; people want a line and a column. */
function jsonErrorWhere(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return error.message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${error.message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
