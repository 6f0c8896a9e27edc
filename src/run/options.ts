import { availableParallelism } from 'node:os';
import type { Shard } from './shard.js';

/** The raw `mpconform run` flags, as parsed from the command line. */
export interface RunFlags {
  readonly python?: readonly string[];
  readonly target?: readonly string[];
  readonly family?: readonly string[];
  readonly runs?: string;
  readonly seed?: string;
  readonly jobs?: string;
  readonly timeout?: string;
  readonly shard?: string;
  readonly 'report-dir'?: string;
  readonly expectations?: string;
  readonly 'update-expectations'?: string;
  readonly reruns?: string;
  readonly 'no-shrink'?: boolean;
  readonly 'shrink-budget'?: string;
  readonly json?: boolean;
}

/** Validated run settings (interpreters and targets are resolved later, by their own stages). */
export interface RunSettings {
  readonly pythons: readonly string[];
  readonly targets: readonly string[];
  readonly families: readonly string[] | null;
  readonly runs: number;
  readonly seed: number;
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly shard: Shard | null;
  readonly reportDir: string | null;
  readonly expectations: string | null;
  readonly updateExpectations: string | null;
  readonly reruns: number;
  readonly shrink: boolean;
  /** Wall-clock budget for shrinking one failure. */
  readonly shrinkBudgetMs: number;
  readonly json: boolean;
}

/** A bad flag value; the message names the option, what it expects and what it got. */
export class OptionError extends Error {
  readonly code = 'E_BAD_OPTION';
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new OptionError(`--${name} expects an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function seconds(name: string, raw: string | undefined, fallbackSeconds: number): number {
  if (raw === undefined) return fallbackSeconds * 1000;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 86_400) {
    throw new OptionError(`--${name} expects a number of seconds greater than 0, got ${JSON.stringify(raw)}`);
  }
  return Math.round(value * 1000);
}

function shard(raw: string | undefined): Shard | null {
  if (raw === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new OptionError(`--shard expects i/n with 1 <= i <= n (e.g. 1/4), got ${JSON.stringify(raw)}`);
  }
  return { index, count };
}

/** Validates every flag eagerly, before any interpreter starts. */
export function parseRunFlags(flags: RunFlags): RunSettings {
  return {
    pythons: flags.python?.length ? flags.python : ['python3'],
    targets: flags.target?.length ? flags.target : ['multiprocessing'],
    families: flags.family?.length ? flags.family : null,
    runs: integer('runs', flags.runs, 10, 1, 100_000),
    seed: integer('seed', flags.seed, Date.now() % 2_147_483_647, -2_147_483_648, 2_147_483_647),
    jobs: integer('jobs', flags.jobs, availableParallelism(), 1, 256),
    timeoutMs: seconds('timeout', flags.timeout, 30),
    shard: shard(flags.shard),
    reportDir: flags['report-dir'] ?? null,
    expectations: flags.expectations ?? null,
    updateExpectations: flags['update-expectations'] ?? null,
    reruns: integer('reruns', flags.reruns, 2, 0, 100),
    shrink: flags['no-shrink'] !== true,
    shrinkBudgetMs: seconds('shrink-budget', flags['shrink-budget'], 30),
    json: flags.json === true,
  };
}
