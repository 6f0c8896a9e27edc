/**
 * Validation of the engine's programmatic entries, once, at the boundary (execa-style
 * `normalize…Options`): {@link runScenario} and {@link runConformance} accept `unknown` options
 * from JavaScript callers, so every field is checked here and defaults are filled in. A bad value
 * is an {@link OptionError} naming the function, the field, what it expects and what it got.
 */
import type { InterpreterFacts } from '../model/facts.js';
import { checkBoolean, checkDurationMs, checkFunction, checkInteger, checkList, checkObject, checkSignal, checkString, type Bounds } from '../options/check.js';
import { OptionError } from '../options/errors.js';
import type { Dialect } from '../targets/index.js';
import type { Family } from './family.js';
import type { ConformanceInput, RunScenarioOptions } from './options.js';
import type { Shard } from './shard.js';

/**
 * The bounds of the run settings: the CLI's flags (`mpconform run`, `replay`) and the programmatic
 * options are checked against these same numbers.
 */
export const RUN_LIMITS = {
  runs: { min: 1, max: 100_000 },
  seed: { min: -2_147_483_648, max: 2_147_483_647 },
  jobs: { min: 1, max: 256 },
  reruns: { min: 0, max: 100 },
  replayRuns: { min: 1, max: 1000 },
} as const satisfies Record<string, Bounds>;

/** Default wall-clock limit of one program, in ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default wall-clock budget for shrinking one failure, in ms. */
export const DEFAULT_SHRINK_BUDGET_MS = 30_000;

function isFacts(v: unknown): v is InterpreterFacts {
  return typeof v === 'object' && v !== null && typeof (v as InterpreterFacts).path === 'string'
    && typeof (v as InterpreterFacts).version === 'string' && typeof (v as InterpreterFacts).executable === 'string';
}

function isDialect(v: unknown): v is Dialect {
  return typeof v === 'object' && v !== null && typeof (v as Dialect).id === 'string' && typeof (v as Dialect).imports === 'function'
    && typeof (v as Dialect).unsupported === 'function';
}

function target(where: string, name: string, v: unknown): string | Dialect {
  if (typeof v === 'string' && v !== '') return v;
  if (isDialect(v)) return v;
  throw new OptionError(`${where}: ${name} expects a target id or a Dialect object, got ${v === null ? 'null' : typeof v}`);
}

/** {@link RunScenarioOptions} with its defaults filled in. */
export interface NormalizedRunScenarioOptions {
  readonly python: string | InterpreterFacts;
  readonly target: string | Dialect;
  readonly oracleTarget: string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly deviations: RunScenarioOptions['deviations'];
  readonly family: string;
}

/** Validates the options of {@link runScenario} and fills in the defaults. */
export function normalizeRunScenarioOptions(options: unknown): NormalizedRunScenarioOptions {
  const where = 'runScenario';
  checkObject(where, options);
  const python = options['python'];
  if (!(typeof python === 'string' && python !== '') && !isFacts(python)) {
    throw new OptionError(`${where}: python expects an interpreter path or name, or facts from probeInterpreter(), got ${python === null ? 'null' : typeof python}`);
  }
  const deviations = options['deviations'];
  if (deviations !== undefined && !Array.isArray(deviations)
    && !(typeof deviations === 'object' && deviations !== null && Array.isArray((deviations as { deviations?: unknown }).deviations))) {
    throw new OptionError(`${where}: deviations expects a parsed deviations file (readDeviationsFile) or its entries`);
  }
  return {
    python,
    target: options['target'] === undefined ? 'multiprocessing' : target(where, 'target', options['target']),
    oracleTarget: options['oracleTarget'] === undefined ? undefined : checkString(where, 'oracleTarget', options['oracleTarget']),
    timeoutMs: checkDurationMs(where, 'timeoutMs', options['timeoutMs'], DEFAULT_TIMEOUT_MS),
    signal: checkSignal(where, options['signal']),
    deviations: deviations as RunScenarioOptions['deviations'],
    family: options['family'] === undefined ? 'custom' : checkString(where, 'family', options['family']),
  };
}

function family(where: string, v: unknown, i: number): Family {
  const f = v as Partial<Family> | null;
  const ok = typeof f === 'object' && f !== null && typeof f.name === 'string'
    && ((f.kind === 'generated' && typeof (f as { arb?: unknown }).arb === 'object') || (f.kind === 'fixed' && Array.isArray((f as { scenarios?: unknown }).scenarios)));
  if (!ok) throw new OptionError(`${where}: families[${i}] expects a Family (FAMILIES, or { name, summary, kind: 'generated', arb } / { kind: 'fixed', scenarios })`);
  return v as Family;
}

function shard(where: string, v: unknown): Shard | null {
  if (v === null || v === undefined) return null;
  const s = v as Partial<Shard> | undefined;
  if (typeof s !== 'object' || s === null || !Number.isSafeInteger(s.index) || !Number.isSafeInteger(s.count)
    || (s.count as number) < 1 || (s.index as number) < 1 || (s.index as number) > (s.count as number)) {
    throw new OptionError(`${where}: shard expects null or { index, count } with 1 <= index <= count`);
  }
  return { index: s.index as number, count: s.count as number };
}

/** Validates the input of {@link runConformance} and fills in the defaults. */
export function normalizeConformanceInput(input: unknown): ConformanceInput {
  const where = 'runConformance';
  checkObject(where, input);
  return {
    runId: checkString(where, 'runId', input['runId']),
    toolVersion: checkString(where, 'toolVersion', input['toolVersion']),
    interpreters: checkList(where, 'interpreters', input['interpreters'], (v, i) => {
      if (!isFacts(v)) throw new OptionError(`${where}: interpreters[${i}] expects facts from probeInterpreter()`);
      return v;
    }),
    targets: checkList(where, 'targets', input['targets'], (v, i) => target(where, `targets[${i}]`, v)),
    families: checkList(where, 'families', input['families'], (v, i) => family(where, v, i)),
    // 0 is allowed here: a run of fixed families only (the corpus) needs no generated scenarios
    runs: checkInteger(where, 'runs', input['runs'], { min: 0, max: RUN_LIMITS.runs.max }),
    seed: checkInteger(where, 'seed', input['seed'], RUN_LIMITS.seed),
    jobs: checkInteger(where, 'jobs', input['jobs'], RUN_LIMITS.jobs),
    timeoutMs: checkDurationMs(where, 'timeoutMs', input['timeoutMs']),
    shard: shard(where, input['shard']),
    reruns: checkInteger(where, 'reruns', input['reruns'], RUN_LIMITS.reruns),
    shrink: checkBoolean(where, 'shrink', input['shrink'], true),
    quiescence: checkBoolean(where, 'quiescence', input['quiescence'], true),
    shrinkBudgetMs: checkDurationMs(where, 'shrinkBudgetMs', input['shrinkBudgetMs'], DEFAULT_SHRINK_BUDGET_MS),
    signal: checkSignal(where, input['signal']),
    onProgress: checkFunction(where, 'onProgress', input['onProgress']),
    adjust: checkFunction(where, 'adjust', input['adjust']),
    coverage: checkFunction(where, 'coverage', input['coverage']),
  };
}
