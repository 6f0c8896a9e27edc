import { MpconformError } from '../errors/index.js';
import { InterpreterBrokenError, InterpreterMissingError } from '../errors/interpreter.js';

/** The caller's AbortSignal fired: the tree was killed and cleaned up, and there is no observation. */
export class ExecuteCancelledError extends MpconformError<'E_CANCELLED'> {
  /** The run's temporary directory (already removed) and token, when the run had started. */
  constructor(readonly workDir: string | null = null, readonly token: string | null = null) {
    super('E_CANCELLED', 'run cancelled');
  }
}

/** Maps a failure to start the interpreter to the interpreter error it really is. */
export function spawnError(python: string, error: Error): MpconformError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InterpreterMissingError(python);
  if (code === 'EACCES') return new InterpreterBrokenError(python, 'not executable');
  return new InterpreterBrokenError(python, `cannot start: ${error.message.split('\n')[0] ?? ''}`);
}
