/**
 * The error base every mpconform error extends (user input or environment, never a bug; a stable
 * `code`), and the error of a bad option value. Each stage's own errors are exported with it.
 */
export { MpconformError } from '../errors/index.js';
export { OptionError } from '../options/errors.js';
