import { availableParallelism } from 'node:os';
import { DEFAULT_SHRINK_BUDGET_MS, DEFAULT_TIMEOUT_MS, RUN_LIMITS } from '../../run/normalize.js';
import type { Shard } from '../../run/shard.js';
import { OptionError } from '../../options/errors.js';
import { parseInteger, parseSeconds } from '../args.js';

/**
 * `mpconform run`'s flags: the raw values (kebab-case keys, as `node:util` parseArgs returns them)
 * and their validation into settings — once, here at the boundary, against the engine's bounds
 * ({@link RUN_LIMITS}).
 */

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
  readonly 'min-rule-coverage'?: string;
  readonly baseline?: string;
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
  /** --min-rule-coverage: fraction of applicable rules that must be decisive on every interpreter (null: no gate). */
  readonly minRuleCoverage: number | null;
  /** --baseline: a report.json to diff against; with it only new failures fail the run. */
  readonly baseline: string | null;
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

function fraction(name: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new OptionError(`${name} expects a fraction from 0 to 1 (e.g. 0.9), got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Validates every flag eagerly, before any interpreter starts. */
export function parseRunFlags(flags: RunFlags): RunSettings {
  return {
    pythons: flags.python?.length ? flags.python : ['python3'],
    targets: flags.target?.length ? flags.target : ['multiprocessing'],
    families: flags.family?.length ? flags.family : null,
    runs: parseInteger(null, '--runs', flags.runs, 10, RUN_LIMITS.runs),
    seed: parseInteger(null, '--seed', flags.seed, Date.now() % RUN_LIMITS.seed.max, RUN_LIMITS.seed),
    jobs: parseInteger(null, '--jobs', flags.jobs, Math.min(availableParallelism(), RUN_LIMITS.jobs.max), RUN_LIMITS.jobs),
    timeoutMs: parseSeconds(null, '--timeout', flags.timeout, DEFAULT_TIMEOUT_MS / 1000),
    shard: shard(flags.shard),
    reportDir: flags['report-dir'] ?? null,
    expectations: flags.expectations ?? null,
    updateExpectations: flags['update-expectations'] ?? null,
    reruns: parseInteger(null, '--reruns', flags.reruns, 2, RUN_LIMITS.reruns),
    shrink: flags['no-shrink'] !== true,
    shrinkBudgetMs: parseSeconds(null, '--shrink-budget', flags['shrink-budget'], DEFAULT_SHRINK_BUDGET_MS / 1000),
    json: flags.json === true,
    minRuleCoverage: fraction('--min-rule-coverage', flags['min-rule-coverage']),
    baseline: flags.baseline ?? null,
  };
}
