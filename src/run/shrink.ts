import fc from 'fast-check';
import type { Scenario } from '../scenario/types.js';
import type { MinimalCase } from '../model/report.js';
import type { CaseSpec, Family } from './family.js';
import { evaluateScenario, type EvalContext, type Evaluation } from './evaluate.js';

/** Whether a candidate still fails (default: the oracle's verdict is `fail`). */
export type FailurePredicate = (scenario: Scenario, evaluation: Evaluation) => boolean;

const verdictFails: FailurePredicate = (_scenario, evaluation) => evaluation.verdict.kind === 'fail';

/**
 * Shrinks a failing generated case to the smallest scenario that still disagrees, by replaying
 * its fast-check path (same seed, same run index) with a predicate that really runs each candidate.
 * Identical candidates (same rendered program, interpreter and target) are served from `ctx.cache`,
 * so only new programs cost an interpreter run. `fails` replaces the verdict test (benchmarks
 * plant a failure with it; every candidate still really runs).
 */
export async function shrinkCase(
  family: Family,
  spec: CaseSpec,
  ctx: EvalContext,
  timeLimitMs = 120_000,
  fails: FailurePredicate = verdictFails,
): Promise<MinimalCase | null> {
  if (family.kind !== 'generated' || !spec.shrinkable) return null;
  let last: { scenario: Scenario; evaluation: Evaluation } | null = null;
  let runs = 0;
  const details = await fc.check(
    fc.asyncProperty(family.arb, async (scenario) => {
      const evaluation = await evaluateScenario(scenario, ctx);
      if (!evaluation.cached && evaluation.observation !== null) runs++;
      if (!fails(scenario, evaluation)) return true;
      last = { scenario, evaluation };
      return false;
    }),
    { seed: spec.seed, path: String(spec.index), interruptAfterTimeLimit: timeLimitMs, markInterruptAsFailure: false },
  );
  const found = last as { scenario: Scenario; evaluation: Evaluation } | null;
  if (!details.failed || found === null || found.evaluation.observation === null) return null;
  return {
    scenario: found.scenario,
    expectation: found.evaluation.expectation,
    observation: found.evaluation.observation,
    verdict: found.evaluation.verdict,
    shrinks: details.numShrinks,
    runs,
  };
}
