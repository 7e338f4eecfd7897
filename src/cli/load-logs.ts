// Reads the logs named on the command line through the intake: the read step of every command.
import { createClassifier } from '../core/classify.js';
import { createIntake, type IntakeResult } from '../core/intake.js';
import type { Period } from '../core/period.js';
import { readLogs } from '../io/read-logs.js';
import { resolveInputs } from '../io/resolve-inputs.js';
import { UsageError } from './usage-error.js';

export interface LoadOptions {
  period?: Period;
}

export async function loadLogs(inputs: readonly string[], options: LoadOptions): Promise<IntakeResult> {
  if (inputs.length === 0) throw new UsageError('no logs given; name CSV files, folders or globs with --logs (or - for standard input)');
  const sources = await resolveInputs(inputs);
  const intake = createIntake({
    period: options.period,
    classifier: createClassifier(),
    today: new Date().toISOString().slice(0, 10),
  });
  await readLogs(sources, intake);
  return intake.finish();
}
