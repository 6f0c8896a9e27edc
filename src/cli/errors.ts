import { SETTINGS_ENV } from '../contracts/env.js';
import { MpconformError } from '../errors/index.js';

/** Bad command-line usage or input: exit 2 with one line. */
export class UsageError extends MpconformError<'E_USAGE'> {
  constructor(message: string) {
    super('E_USAGE', message);
  }
}

/** Exit codes every verb shares (docs/design.md, "Command line"). */
export const EXIT = { ok: 0, failures: 1, usage: 2, internal: 3, interrupted: 130, terminated: 143 } as const;

/**
 * Maps anything thrown out of a command to an exit code and the one line to print: our errors
 * (bad usage, missing interpreter, ...) are the user's to fix (2); anything else is a bug (3).
 */
export function describeError(error: unknown): { readonly code: number; readonly line: string } {
  if (error instanceof MpconformError) {
    return { code: error.code === 'E_CANCELLED' ? EXIT.interrupted : EXIT.usage, line: `mpconform: ${oneLine(error.message)}${codeSuffix(error.code)}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: EXIT.internal, line: `mpconform: internal error: ${oneLine(message)}` };
}

// MPCONFORM_ERROR_CODES=1 appends the stable code (` [E_INTERPRETER_MISSING]`) for scripts and tests
// (docs/reliability.md); the default line stays as it is.
function codeSuffix(code: string): string {
  return process.env[SETTINGS_ENV.errorCodes] === '1' ? ` [${code}]` : '';
}

function oneLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
