/** Errors of the deviations (expectations) file. */
import { MpconformError } from '../errors/index.js';

/**
 * A malformed deviations file: `<file>:<line>: <problem>` (code `E_EXPECTATIONS_INVALID`).
 *
 * @public
 */
export class ExpectationsInvalidError extends MpconformError<'E_EXPECTATIONS_INVALID'> {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, problem: string) {
    super('E_EXPECTATIONS_INVALID', `${file}:${line}: ${problem.replace(/[\r\n]+/g, ' ')}`);
    this.file = file;
    this.line = line;
  }
}
