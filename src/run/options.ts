/**
 * The options of the engine's programmatic entries, {@link runScenario} and {@link runConformance}
 * (types only; checked by src/run/normalize.ts).
 */
import type { Deviation, DeviationsFile } from '../deviations/types.js';
import type { InterpreterFacts } from '../model/facts.js';
import type { CaseResult } from '../model/report.js';
import type { Dialect } from '../targets/index.js';
import type { CaseSpec, Family } from './family.js';
import type { Shard } from './shard.js';

/**
 * Options of {@link runScenario}.
 *
 * @public
 */
export interface RunScenarioOptions {
  /** The interpreter: a path or PATH name (probed once, cached), or facts from {@link probeInterpreter}. */
  readonly python: string | InterpreterFacts;
  /**
   * The library under test: a shipped target id (`multiprocessing`, `concurrent.futures`,
   * `multiprocess`, `billiard`, `pebble`, `loky`; see {@link TARGET_IDS}) or a {@link Dialect}
   * object describing a library's own pool API. Default `multiprocessing`.
   */
  readonly target?: string | Dialect;
  /**
   * Only for a Dialect object: the target id whose documented behaviour the oracle holds it to.
   * Default `multiprocessing` — a custom library is expected to behave like the stdlib unless it
   * declares deviations.
   */
  readonly oracleTarget?: string;
  /** Wall-clock limit of the program in ms, from 1 to 86 400 000 (a known hopeless pool is classified `hang` much sooner). Default 30 000. */
  readonly timeoutMs?: number;
  /** Aborting kills the program's whole process tree. */
  readonly signal?: AbortSignal;
  /** Declared deviations (a parsed file or its entries) applied to the verdict, matched on the target id. */
  readonly deviations?: DeviationsFile | readonly Deviation[];
  /** Property family name used when matching deviations' `when.family` (default `custom`). */
  readonly family?: string;
}

/**
 * Everything a conformance run needs: interpreters already probed, families chosen. Checked (`normalizeConformanceInput`)
 * when the run starts.
 *
 * @public
 */
export interface ConformanceInput {
  readonly runId: string;
  readonly toolVersion: string;
  readonly interpreters: readonly InterpreterFacts[];
  /** Shipped target ids, or a library's own Dialect objects (reported under their `id`). */
  readonly targets: readonly (string | Dialect)[];
  readonly families: readonly Family[];
  readonly runs: number;
  readonly seed: number;
  readonly jobs: number;
  readonly timeoutMs: number;
  /** Recognise deadlocks by quiescence (default true); false: only timeouts and known patterns. */
  readonly quiescence?: boolean;
  readonly shard: Shard | null;
  readonly reruns: number;
  /** Shrink failures to a minimal scenario (default true). */
  readonly shrink: boolean;
  /** Wall-clock budget per shrink (default 30 s). */
  readonly shrinkBudgetMs?: number;
  readonly signal?: AbortSignal;
  /** Told when the run starts (with its number of cases) and as each case settles. */
  readonly onProgress?: (event: ConformanceProgress) => void;
  /** Applied to each case after it settles (declared deviations). */
  readonly adjust?: (c: CaseResult) => CaseResult;
  /** Coverage cells of a scenario (counted once per case that ran). */
  readonly coverage?: (c: CaseSpec) => readonly string[];
}

/**
 * What {@link ConformanceInput.onProgress} is told: the run's size once it is known, then each
 * case as it settles (deviations applied).
 *
 * @public
 */
export type ConformanceProgress =
  | { readonly kind: 'start'; readonly total: number }
  | { readonly kind: 'case'; readonly result: CaseResult };

