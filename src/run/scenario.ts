/**
 * `runScenario`: one scenario, end to end, on one interpreter and one target — the friendly
 * programmatic form of the engine's `evaluateScenario`, with declared deviations applied.
 */
import { verdictWithDeviations } from '../deviations/apply.js';
import type { Deviation, DeviationsFile } from '../deviations/types.js';
import { probeInterpreter } from '../interpreters/probe.js';
import type { Expectation } from '../model/expectation.js';
import type { InterpreterFacts } from '../model/facts.js';
import type { Observation } from '../model/observation.js';
import type { Verdict } from '../model/verdict.js';
import type { Scenario } from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import type { Dialect } from '../targets/index.js';
import { evaluateScenario } from './evaluate.js';
import { normalizeRunScenarioOptions } from './normalize.js';
import type { RunScenarioOptions } from './options.js';

/**
 * What {@link runScenario} returns.
 *
 * @public
 */
export interface ScenarioResult {
  /** The validated scenario that ran. */
  readonly scenario: Scenario;
  /** The target id (a Dialect object's `id`). */
  readonly target: string;
  /** The interpreter's facts. */
  readonly facts: InterpreterFacts;
  /** What the oracle expects of every process. */
  readonly expectation: Expectation;
  /** What happened; null when the target cannot express the scenario (verdict `skipped`). */
  readonly observation: Observation | null;
  /** `pass`, `fail`, `skipped`, `unspecified`, or (with deviations) `expected-fail` / `unexpected-pass`. */
  readonly verdict: Verdict;
  /** The Python program that ran (null when skipped). */
  readonly program: string | null;
}

/**
 * Predicts, renders, runs and judges one scenario on one interpreter — the friendly form of
 * the engine's `evaluateScenario` (the CLI's path). With a target id it takes exactly the CLI's path; with a
 * {@link Dialect} object it renders with that dialect and holds the result to the stdlib's
 * documented behaviour (or `oracleTarget`'s).
 *
 * @example
 * ```ts
 * const { verdict } = await runScenario(corpus[0].scenario, { python: 'python3' });
 * console.log(verdict.kind); // 'pass'
 * ```
 * @throws OptionError for malformed options, ScenarioValidationError for a malformed scenario,
 *   UnknownTargetError for an unknown target id, InterpreterMissingError / InterpreterBrokenError /
 *   InterpreterUnsupportedError.
 * @public
 */
export async function runScenario(scenario: Scenario, options: RunScenarioOptions): Promise<ScenarioResult> {
  const opts = normalizeRunScenarioOptions(options);
  const s = parseScenario(scenario);
  const facts = typeof opts.python === 'string' ? await probeInterpreter(opts.python) : opts.python;
  const e = await evaluateScenario(s, { facts, target: opts.target, oracleTarget: opts.oracleTarget, timeoutMs: opts.timeoutMs, signal: opts.signal });
  const result: ScenarioResult = {
    scenario: s, target: typeof opts.target === 'string' ? opts.target : opts.target.id, facts,
    expectation: e.expectation, observation: e.observation, verdict: e.verdict, program: e.program,
  };
  if (opts.deviations === undefined) return result;
  const list = 'deviations' in opts.deviations ? opts.deviations.deviations : opts.deviations;
  return applyDeviationsToResult(result, list, opts.family);
}

/**
 * A {@link ScenarioResult} with its verdict adjusted by declared deviations (FORMAT.md
 * semantics: an explained failure becomes `expected-fail`, a declared deviation that no longer
 * happens turns a pass into `unexpected-pass`). Pure.
 *
 * @param family - the property family matched against deviations' `when.family` (default `custom`).
 * @public
 */
export function applyDeviationsToResult(result: ScenarioResult, deviations: readonly Deviation[], family = 'custom'): ScenarioResult {
  const verdict = verdictWithDeviations({ ...result, family }, deviations, result.facts);
  return verdict === result.verdict ? result : { ...result, verdict };
}
