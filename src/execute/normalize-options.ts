/**
 * Validation of {@link executeProgram}'s options at its boundary: the programmatic API accepts
 * `unknown` from JavaScript callers, so a bad value fails here with an {@link OptionError} naming
 * the field, not somewhere deep in a run (a NaN timer, a negative buffer).
 */
import { checkBoolean, checkDurationMs, checkInteger, checkObject, checkSignal, checkString } from '../options/check.js';
import { OptionError } from '../options/errors.js';

/** The largest capture kept at each end of stdout / stderr: 64 MiB. */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;

/** Throws an OptionError unless `opts` is well-formed ExecuteOptions (src/execute/run.ts; the defaults stay with executeProgram). */
export function normalizeExecuteOptions(opts: unknown, where = 'executeProgram'): void {
  checkObject(where, opts);
  checkString(where, 'python', opts['python']);
  if (typeof opts['source'] !== 'string') throw new OptionError(`${where}: source expects the program text (a string), got ${typeof opts['source']}`);
  checkDurationMs(where, 'timeoutMs', opts['timeoutMs']);
  checkSignal(where, opts['signal']);
  checkBoolean(where, 'detectHangs', opts['detectHangs'], true);
  if (opts['graceMs'] !== undefined) checkInteger(where, 'graceMs', opts['graceMs'], { min: 0, max: 60_000 });
  if (opts['captureBytes'] !== undefined) checkInteger(where, 'captureBytes', opts['captureBytes'], { min: 0, max: MAX_CAPTURE_BYTES });
  if (opts['token'] !== undefined && (typeof opts['token'] !== 'string' || !/^\S{1,128}$/.test(opts['token']))) {
    throw new OptionError(`${where}: token expects 1-128 characters without spaces`);
  }
  checkBoolean(where, 'unlinkIpc', opts['unlinkIpc'], true);
  if (opts['quiescence'] !== undefined && opts['quiescence'] !== 'generated') checkDurationMs(where, 'quiescence', opts['quiescence']);
  checkBoolean(where, 'stacks', opts['stacks'], true);
  if (opts['probeDir'] !== undefined) checkString(where, 'probeDir', opts['probeDir']);
}
