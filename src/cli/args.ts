import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_DURATION_MS, type Bounds } from '../options/check.js';
import { OptionError } from '../options/errors.js';
import { UsageError } from './errors.js';

/** A verb's option table, as `node:util` parseArgs takes it. */
export type Options = NonNullable<ParseArgsConfig['options']>;
/** What parseArgs returns for that table (positionals allowed, strict). */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** `node:util` parseArgs in strict mode, its errors turned into one-line UsageErrors. */
export function parseVerbArgs<O extends Options>(verb: string, argv: readonly string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    throw new UsageError(`${verb}: ${message} (see mpconform ${verb} --help)`);
  }
}

// parseArgs reads `--timeout -1` as two flags; join it to `--timeout=-1` so the value's own check answers.
function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The longest wall-clock limit a flag accepts, in seconds (the programmatic limit, one day). */
export const MAX_SECONDS = MAX_DURATION_MS / 1000;

/**
 * Parses a seconds flag (`--timeout S`: a number, greater than 0, at most one day) into
 * milliseconds; `fallback` seconds when absent. The one parser of every verb's seconds flags:
 * with `verb` the error is a UsageError prefixed with it (`observe: --timeout must be …`),
 * without it an OptionError (`--timeout expects …`, the wording of `mpconform run`).
 */
export function parseSeconds(verb: string | null, flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback * 1000;
  const n = Number(value);
  // below 1 ms a timer would round to 0 (no time at all); above MAX_SECONDS Node's timers overflow
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_SECONDS || Math.round(n * 1000) < 1) {
    const range = `from 0.001 to ${MAX_SECONDS}`;
    throw verb === null
      ? new OptionError(`${flag} expects a number of seconds greater than 0, got ${JSON.stringify(value)} (${range})`)
      : new UsageError(`${verb}: ${flag} must be a positive number of seconds, got ${JSON.stringify(value)} (${range})`);
  }
  return Math.round(n * 1000);
}

/**
 * Parses an integer flag within `bounds` (the same bounds the programmatic options are checked
 * against); `fallback` when absent. `verb` prefixes the message and makes it a UsageError.
 */
export function parseInteger(verb: string | null, flag: string, value: string | undefined, fallback: number, bounds: Bounds): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < bounds.min || n > bounds.max) {
    const message = `${flag} expects an integer from ${bounds.min} to ${bounds.max}, got ${JSON.stringify(value)}`;
    throw verb === null ? new OptionError(message) : new UsageError(`${verb}: ${message}`);
  }
  return n;
}
