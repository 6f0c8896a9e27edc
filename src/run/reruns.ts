import type { Scenario } from '../scenario/types.js';
import { evaluateScenario, type EvalContext, type Evaluation } from './evaluate.js';

/** An evaluation after re-running a disagreement; `failureRate` is set only for flaky cases. */
export interface Settled {
  readonly evaluation: Evaluation;
  readonly failureRate: number | null;
}

/**
 * How a run hung, as far as deciding a rerun goes: what recognised it and where every process
 * waited. Null when the run did not hang.
 */
export function hangSignature(evaluation: Evaluation): string | null {
  const o = evaluation.observation;
  if (o === null || o.end.kind !== 'hang') return null;
  const where = (o.stacks ?? []).map((s) => `${s.label ?? '?'}: ${s.where.join(' | ')}`).sort();
  return JSON.stringify([o.end.hangBy ?? o.end.how, where]);
}

/**
 * Evaluates a scenario and, when it disagrees, runs it `reruns` more times: a disagreement that
 * comes and goes is `flaky` with its observed rate, never folded into pass or fail.
 *
 * A deterministic hang stops early: when a rerun hangs exactly as the run before it (recognised the
 * same way, every process waiting at the same place), the program deadlocks the same way each time
 * and the remaining reruns would only repeat it; the case fails after the runs made.
 */
export async function evaluateSettled(scenario: Scenario, ctx: EvalContext, reruns: number): Promise<Settled> {
  // Fresh runs only: a cached observation would make every rerun agree with the first. Their
  // hangs are left in the cache for shrinking.
  const fresh: EvalContext = { ...ctx, cache: undefined, hangs: ctx.cache };
  const first = await evaluateScenario(scenario, fresh);
  if (first.verdict.kind !== 'fail' || reruns === 0) return { evaluation: first, failureRate: null };
  let failures = 1;
  let runs = 0;
  let previous = hangSignature(first);
  for (let i = 0; i < reruns && !ctx.signal?.aborted; i++) {
    const again = await evaluateScenario(scenario, fresh);
    runs++;
    if (again.verdict.kind === 'fail') failures++;
    const signature = hangSignature(again);
    if (signature !== null && signature === previous && failures === runs + 1) break;
    previous = signature;
  }
  const total = runs + 1;
  if (failures === total || ctx.signal?.aborted) return { evaluation: first, failureRate: null };
  return {
    evaluation: { ...first, verdict: { kind: 'flaky', mismatches: first.verdict.mismatches, reason: `disagreed in ${failures} of ${total} runs` } },
    failureRate: failures / total,
  };
}
