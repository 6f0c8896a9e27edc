/** Errors of finding and probing interpreters (the base: src/errors). */
import { MpconformError } from './index.js';

/**
 * The interpreter path does not exist (or a bare name is not on PATH).
 *
 * @public
 */
export class InterpreterMissingError extends MpconformError<'E_INTERPRETER_MISSING'> {
  constructor(readonly path: string, detail = 'no such file') {
    super('E_INTERPRETER_MISSING', `interpreter ${path}: ${detail}`);
  }
}

/**
 * The interpreter runs but is older than 3.7 (Python 2 included).
 *
 * @public
 */
export class InterpreterUnsupportedError extends MpconformError<'E_INTERPRETER_UNSUPPORTED'> {
  constructor(readonly path: string, readonly version: string) {
    super('E_INTERPRETER_UNSUPPORTED', `interpreter ${path}: Python ${version} is unsupported (need 3.7 or newer)`);
  }
}

/**
 * The path is a directory, not executable, crashes, times out, or prints something that is not facts.
 *
 * @public
 */
export class InterpreterBrokenError extends MpconformError<'E_INTERPRETER_BROKEN'> {
  constructor(readonly path: string, detail: string) {
    super('E_INTERPRETER_BROKEN', `interpreter ${path}: ${detail}`);
  }
}
