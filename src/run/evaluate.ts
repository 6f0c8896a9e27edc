import { createHash } from 'node:crypto';
import { runProgram } from '../observe/index.js';
import { notInstalledReason } from '../targets/installed.js';
import type { InterpreterFacts } from '../model/facts.js';
import type { Observation } from '../model/observation.js';
import { predict } from '../oracle/index.js';
import type { Expectation } from '../model/expectation.js';
import { renderScenario } from '../render/index.js';
import type { Scenario } from '../scenario/types.js';
import { dialectFor, type Dialect } from '../targets/index.js';
import { judge } from '../verdict/judge.js';
import type { Verdict } from '../model/verdict.js';
import type { ObservationCache } from './cache.js';

/** What one scenario does on one interpreter and target. */
export interface Evaluation {
  readonly expectation: Expectation;
  /** Null when the case was skipped (nothing ran). */
  readonly observation: Observation | null;
  readonly verdict: Verdict;
  readonly program: string | null;
  /** True when the observation came from the cache (no interpreter ran). */
  readonly cached: boolean;
}

/** Where and how to evaluate. */
export interface EvalContext {
  readonly facts: InterpreterFacts;
  /** A shipped target id, or a library's own {@link Dialect} (held to `oracleTarget`'s outcomes). */
  readonly target: string | Dialect;
  /** Whose documented outcomes a Dialect object is held to (default the stdlib's); ignored for ids. */
  readonly oracleTarget?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly cache?: ObservationCache;
  /** Where runs made without `cache` (fresh first runs, reruns) leave their hangs for shrinking. */
  readonly hangs?: ObservationCache;
  /**
   * Recognise a deadlock as soon as the whole tree is quiescent (default true: a generated program
   * never sleeps or waits outside its tree). False: only the timeout and the known patterns.
   */
  readonly quiescence?: boolean;
}

/**
 * The cache key of a run: interpreter, target and the rendered program text. Scenarios that differ
 * only in ways that render identically (fast-check shrink candidates often do) share a key.
 */
function observationKey(ctx: Pick<EvalContext, 'facts' | 'target'>, program: string): string {
  return createHash('sha256').update(`${ctx.facts.executable}\0${targetId(ctx.target)}\0${program}`).digest('hex');
}

/** The id a target is reported under (a Dialect object's own `id`). */
export function targetId(target: string | Dialect): string {
  return typeof target === 'string' ? target : target.id;
}

/** Remembers an evaluation made without the cache (a case's own first run) for later lookups. */
export function primeCache(cache: ObservationCache, evaluation: Evaluation, ctx: Pick<EvalContext, 'facts' | 'target'>): void {
  if (evaluation.program === null || evaluation.observation === null) return;
  cache.put(observationKey(ctx, evaluation.program), evaluation.observation);
}

/** Predicts, renders, runs and judges one scenario: the single path every caller shares. */
export async function evaluateScenario(scenario: Scenario, ctx: EvalContext): Promise<Evaluation> {
  // a library's own dialect is held to the stdlib's documented outcomes, like the shipped targets
  const expectation = predict(scenario, ctx.facts, typeof ctx.target === 'string' ? ctx.target : (ctx.oracleTarget ?? 'multiprocessing'));
  const dialect = typeof ctx.target === 'string' ? dialectFor(ctx.target) : ctx.target;
  const lacking = (typeof ctx.target === 'string' ? notInstalledReason(ctx.target, ctx.facts) : null) ?? dialect.unsupported(scenario, ctx.facts);
  if (lacking !== null) {
    return { expectation, observation: null, verdict: { kind: 'skipped', mismatches: [], reason: lacking }, program: null, cached: false };
  }
  const program = renderScenario(scenario, dialect);
  const run = () => runProgram({
    python: ctx.facts, source: program, timeoutMs: ctx.timeoutMs, signal: ctx.signal,
    ...(ctx.quiescence === false ? {} : { quiescence: 'generated' as const }),
  });
  let observation: Observation;
  let cached = false;
  const key = observationKey(ctx, program);
  if (ctx.cache) {
    const entry = ctx.cache.get(key, run);
    observation = await entry.value;
    cached = entry.hit;
  } else {
    observation = await run();
    ctx.hangs?.noteHang(key, observation);
  }
  return { expectation, observation, verdict: judge(expectation, observation), program, cached };
}
