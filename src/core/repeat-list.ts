// Rows whose ids repeat, in logs whose id table keeps ids only (IntakeOptions.firstRows `later`):
// kept until a second reading has found each id's first row, then told as duplicates or conflicts.
import { createIdRegistry, type IdRegistry, type Location } from './id-registry.js';
import type { Problem } from './problem.js';

export function duplicateProblem(file: string, line: number, first: Location): Problem {
  return {
    severity: 'warning', code: 'duplicate-row', file, line, column: 'id',
    message: `repeats the request at ${first.file}:${first.line} exactly; counted once`,
  };
}

export function conflictProblem(file: string, line: number, first: Location): Problem {
  return {
    severity: 'error', code: 'conflicting-id', file, line, column: 'id',
    message: `the id is already used at ${first.file}:${first.line} by a request with different content; ids must be unique`,
  };
}

/** A repeated id whose first row the second reading did not find: a log changed between readings. */
export function lostFirstRowProblem(file: string, line: number): Problem {
  return {
    severity: 'error', code: 'conflicting-id', file, line, column: 'id',
    message: 'repeats the id of an earlier request, whose row was not found when the logs were read again: did a log change during the run?',
  };
}

/** Where a repeated row's problem stands until its first row is found (see resolveRepeats). */
export const REPEAT_PLACEHOLDER: Problem = { severity: 'warning', code: 'duplicate-row', file: '', line: 0, column: 'id', message: '' };

/**
 * Rows whose ids repeat (firstRows `later`), in input order: id hash, content hash and line in typed
 * arrays of BLOCK rows each (a log given twice must not take an object per row, nor copies of a
 * growing array). Their problems (placeholders) are those of the first rows: the list of problems
 * is full after them.
 */
export class RepeatList {
  private static readonly BLOCK = 1 << 16;
  private readonly blocks: Int32Array[] = []; // per row: idLow, idHigh, signature, line
  private readonly files: string[] = []; // the file of each run of rows from one file…
  private readonly fileStarts: number[] = []; // …from this row on
  private readonly problems: Problem[] = [];
  size = 0;

  add(words: Int32Array, at: number, file: string, line: number, problem: Problem | undefined): void {
    const offset = (this.size % RepeatList.BLOCK) * 4;
    if (offset === 0) this.blocks.push(new Int32Array(RepeatList.BLOCK * 4));
    const block = this.blocks[this.blocks.length - 1]!;
    if (this.files.at(-1) !== file) {
      this.files.push(file);
      this.fileStarts.push(this.size);
    }
    block[offset] = words[at]!;
    block[offset + 1] = words[at + 1]!;
    block[offset + 2] = words[at + 2]!;
    block[offset + 3] = line;
    if (problem) this.problems.push(problem);
    this.size++;
  }

  /** The distinct ids, in a table for their first rows (sought: see IdRegistry.expect). */
  soughtIds(): IdRegistry {
    const ids = createIdRegistry(undefined, 'first-rows');
    ids.reserve(this.size);
    this.forEach((words, at) => ids.expect(words, at));
    return ids;
  }

  forEach(visit: (words: Int32Array, at: number, file: string, line: number, problem: Problem | undefined) => void): void {
    let run = 0;
    for (let index = 0; index < this.size; index++) {
      while (run + 1 < this.fileStarts.length && this.fileStarts[run + 1]! <= index) run++;
      const block = this.blocks[Math.floor(index / RepeatList.BLOCK)]!;
      const at = (index % RepeatList.BLOCK) * 4;
      visit(block, at, this.files[run]!, block[at + 3]!, this.problems[index]);
    }
  }
}
