import type { Scenario } from '../scenario/types.js';
import { evaluateScenario, type EvalContext, type Evaluation } from './evaluate.js';

/** An evaluation after re-running a disagreement; `failureRate` is set only for flaky cases. */
export interface Settled {
  readonly evaluation: Evaluation;
  readonly failureRate: number | null;
}

/**
 * Evaluates a scenario and, when it disagrees, runs it `reruns` more times: a disagreement that
 * comes and goes is `flaky` with its observed rate, never folded into pass or fail.
 */
export async function evaluateSettled(scenario: Scenario, ctx: EvalContext, reruns: number): Promise<Settled> {
  // Fresh runs only: a cached observation would make every rerun agree with the first.
  const fresh: EvalContext = { ...ctx, cache: undefined };
  const first = await evaluateScenario(scenario, fresh);
  if (first.verdict.kind !== 'fail' || reruns === 0) return { evaluation: first, failureRate: null };
  let failures = 1;
  for (let i = 0; i < reruns && !ctx.signal?.aborted; i++) {
    const again = await evaluateScenario(scenario, fresh);
    if (again.verdict.kind === 'fail') failures++;
  }
  const total = reruns + 1;
  if (failures === total || ctx.signal?.aborted) return { evaluation: first, failureRate: null };
  return {
    evaluation: { ...first, verdict: { kind: 'flaky', mismatches: first.verdict.mismatches, reason: `disagreed in ${failures} of ${total} runs` } },
    failureRate: failures / total,
  };
}
