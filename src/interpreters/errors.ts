/**
 * Error classes with a stable `code`: the CLI maps them to exit 2 and prints one line.
 * The base class lives here because interpreters are the first stage that can fail on user input.
 */

/** Base of every mpconform error that is about the user's input or environment, not a bug. */
export class MpconformError extends Error {
  /** A stable machine-readable code, e.g. `E_INTERPRETER_MISSING`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The interpreter path does not exist (or a bare name is not on PATH). */
export class InterpreterMissingError extends MpconformError {
  constructor(readonly path: string, detail = 'no such file') {
    super('E_INTERPRETER_MISSING', `interpreter ${path}: ${detail}`);
  }
}

/** The interpreter runs but is older than 3.7 (Python 2 included). */
export class InterpreterUnsupportedError extends MpconformError {
  constructor(readonly path: string, readonly version: string) {
    super('E_INTERPRETER_UNSUPPORTED', `interpreter ${path}: Python ${version} is unsupported (need 3.7 or newer)`);
  }
}

/** The path is a directory, not executable, crashes, times out, or prints something that is not facts. */
export class InterpreterBrokenError extends MpconformError {
  constructor(readonly path: string, detail: string) {
    super('E_INTERPRETER_BROKEN', `interpreter ${path}: ${detail}`);
  }
}
