import type { InterpreterFacts } from './facts.js';
import type { Observation } from './observation.js';
import type { Expectation } from './expectation.js';
import type { Scenario } from '../scenario/types.js';
import type { Verdict, VerdictKind } from './verdict.js';

/**
 * One scenario run on one interpreter for one target, judged.
 *
 * @public
 */
export interface CaseResult {
  /** Stable id: `<family>-<index>@<python version>/<target>` (same seed → same ids). */
  readonly id: string;
  /** The property family that generated it (e.g. `context-set-once`, `general`, `corpus`). */
  readonly family: string;
  readonly target: string;
  /** The interpreter path (key into the report's `interpreters`). */
  readonly python: string;
  readonly scenario: Scenario;
  readonly expectation: Expectation;
  /** Null when skipped (the target lacks a feature). */
  readonly observation: Observation | null;
  readonly verdict: Verdict;
  readonly durationMs: number;
  /** Path of the repro file relative to the report dir, for failures. */
  readonly repro: string | null;
  /** For flaky cases: failures / runs. */
  readonly failureRate: number | null;
  /** For failures of generated cases: the minimal scenario fast-check shrank it to (the repro renders this). */
  readonly minimal: MinimalCase | null;
}

/**
 * The shrunk counterexample of a failing case.
 *
 * @public
 */
export interface MinimalCase {
  readonly scenario: Scenario;
  readonly expectation: Expectation;
  readonly observation: Observation;
  readonly verdict: Verdict;
  /** Shrink steps taken and interpreter runs spent (cache hits excluded). */
  readonly shrinks: number;
  readonly runs: number;
}

/**
 * Everything one run writes to report.json (schema: schema/report.schema.json).
 *
 * @public
 */
export interface RunReport {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'mpconform'; readonly version: string };
  readonly runId: string;
  readonly seed: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** False when the run was interrupted (SIGINT/SIGTERM): the report holds what finished. */
  readonly complete: boolean;
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly interpreters: readonly InterpreterFacts[];
  readonly targets: readonly string[];
  readonly cases: readonly CaseResult[];
  readonly totals: Readonly<Record<VerdictKind, number>> & { readonly cases: number };
  /** Coverage of the generated space: cell key → samples. */
  readonly coverage: Readonly<Record<string, number>>;
  /**
   * The run's data-file targets (src/targets/file/): target id → the data file's absolute path as
   * the run loaded it (`mpconform replay` loads the same file). Absent when there were none.
   */
  readonly targetFiles?: Readonly<Record<string, string>>;
}
