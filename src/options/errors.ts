import { MpconformError } from '../errors/index.js';

/**
 * A bad option value — a command-line flag or a field of a programmatic call's options. The
 * message names the option, what it expects and what it got.
 *
 * @public
 */
export class OptionError extends MpconformError<'E_BAD_OPTION'> {
  constructor(message: string) {
    super('E_BAD_OPTION', message);
  }
}
