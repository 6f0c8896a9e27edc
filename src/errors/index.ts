/**
 * The one error base. Every error mpconform throws on purpose extends {@link MpconformError}: it is
 * about the user's input or environment (a missing interpreter, a malformed scenario or
 * expectations file, an unwritable report directory, a cancelled run), never a bug, and carries a
 * stable machine-readable `code` (`E_*`). The CLI recognises these by `instanceof`, prints the one-line
 * message and exits 2 (130 for `E_CANCELLED`); anything else is an internal error.
 * Subclasses are small: a fixed code, a message built from their fields, the fields themselves.
 *
 * @public
 */
export class MpconformError<Code extends string = string> extends Error {
  /** A stable machine-readable code, e.g. `E_INTERPRETER_MISSING`. */
  readonly code: Code;
  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
