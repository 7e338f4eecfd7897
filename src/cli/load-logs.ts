// The read step of every command: the config, then the logs it or the command line names, through the intake.
import path from 'node:path';
import { createClassifier, DEFAULT_CATEGORY_RULES, DEFAULT_PROHIBITED_RULES } from '../core/classify.js';
import type { Config } from '../core/config.js';
import { createIntake, type IntakeOptions, type IntakeResult } from '../core/intake.js';
import { parsePeriod, type Period } from '../core/period.js';
import type { Column } from '../core/schema.js';
import { foldName } from '../core/vocabulary.js';
import { readConfig, type LoadedConfig } from '../io/read-config.js';
import { intakeLogs } from '../io/read-logs.js';
import { resolveInputs } from '../io/resolve-inputs.js';
import { writeStd } from '../io/std-output.js';
import { progressOnStderr, type Progress } from './progress.js';
import { UsageError } from './usage-error.js';

export interface LoadOptions {
  period?: Period;
  comparePeriod?: Period;
  /** See IntakeOptions.periodMonths and comparisonOutcomes. */
  periodMonths?: boolean;
  comparisonOutcomes?: boolean;
  observe?: IntakeOptions['observe'];
  /** Problems listed in full (the rest are counted): memory for millions of bad rows stays bounded. */
  maxProblems?: number;
}

export function loadConfig(file: string | undefined): Promise<LoadedConfig> {
  return readConfig(file);
}

/** --period, else the config's period, else a usage error that says how to give one. */
export function choosePeriod(option: Period | undefined, loaded: LoadedConfig): Period {
  if (option) return option;
  if (loaded.config.period) {
    const result = parsePeriod(loaded.config.period);
    if (result.ok) return result.period; // validated with the config
  }
  throw new UsageError('no period given; add --period 2020 (or 2021H1, 2021Q3, 2021-01-01..2021-06-30), or set "period" in the config');
}

/** The logs named on the command line, else those the config names (relative to the config file). */
export function chooseInputs(named: readonly string[], loaded: LoadedConfig): string[] {
  if (named.length > 0) return [...named];
  const fromConfig = loaded.config.logs?.map((entry) => path.relative(process.cwd(), path.resolve(loaded.directory, entry)) || '.');
  if (fromConfig && fromConfig.length > 0) return fromConfig;
  throw new UsageError('no logs given; name CSV files, folders or globs (or - for standard input), or set "logs" in the config');
}

export async function loadLogs(inputs: readonly string[], config: Config, options: LoadOptions): Promise<IntakeResult> {
  const sources = await resolveInputs(inputs);
  // `-` on a terminal would wait in silence for typed input: say what it is waiting for.
  if (sources.some((source) => source.kind === 'stdin') && process.stdin.isTTY) {
    void writeStd(2, 'reading a log from the terminal: type or paste CSV, end with Ctrl-D (or pipe a file in)\n');
  }
  const categories = [...config.classification.rules, ...DEFAULT_CATEGORY_RULES];
  const prohibited = [...config.classification.prohibited, ...DEFAULT_PROHIBITED_RULES];
  const intakeOptions: IntakeOptions = {
    period: options.period,
    comparePeriod: options.comparePeriod,
    periodMonths: options.periodMonths,
    comparisonOutcomes: options.comparisonOutcomes,
    classifier: createClassifier(categories, prohibited),
    classifierRules: { categories, prohibited },
    columnAliases: new Map(Object.entries(config.columns).map(([alias, column]): [string, Column] => [foldName(alias), column])),
    today: new Date().toISOString().slice(0, 10),
    observe: options.observe,
    maxProblems: options.maxProblems,
  };
  const progress = progressOnStderr();
  let again: Progress | undefined;
  try {
    return await intakeLogs(sources, (extra) => createIntake({ ...intakeOptions, ...extra }), {
      onProgress: (bytes, rows) => progress.update(bytes, rows),
      onSecondReading: (bytes, rows) => {
        if (!again) {
          progress.done();
          again = progressOnStderr('reading again for repeated ids');
        }
        again.update(bytes, rows);
      },
    });
  } finally {
    progress.done();
    again?.done();
  }
}
