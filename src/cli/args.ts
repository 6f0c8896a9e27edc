import { parseArgs, type ParseArgsConfig } from 'node:util';
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

/** Parses `--timeout S` (seconds, > 0) into milliseconds. */
export function parseSeconds(verb: string, flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${verb}: ${flag} must be a positive number of seconds, got ${JSON.stringify(value)}`);
  return Math.round(n * 1000);
}
