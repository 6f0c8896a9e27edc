/** Errors of the deviations (expectations) file. */

/** A malformed deviations file: `<file>:<line>: <problem>` (code `E_EXPECTATIONS_INVALID`). */
export class ExpectationsInvalidError extends Error {
  readonly code = 'E_EXPECTATIONS_INVALID';
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem.replace(/[\r\n]+/g, ' ')}`);
    this.name = 'ExpectationsInvalidError';
    this.file = file;
    this.line = line;
  }
}
