import type { InterpreterFacts } from '../model/facts.js';
import type { Dialect } from '../targets/index.js';
import { computeTotals } from '../report/index.js';
import { ObservationCache } from './cache.js';
import { generateFamily } from './cases.js';
import type { CaseSpec, Family } from './family.js';
import { caseId, interpreterLabels } from './ids.js';
import { mapPool } from './pool.js';
import { DEFAULT_SHRINK_BUDGET_MS, normalizeConformanceInput } from './normalize.js';
import type { ConformanceInput } from './options.js';
import { primeCache, targetId } from './evaluate.js';
import { evaluateSettled } from './reruns.js';
import { selectShard, type Shard } from './shard.js';
import { shrinkCase } from './shrink.js';
import { trimObservation } from './trim.js';
import type { CaseResult, RunReport } from '../model/report.js';

interface Item {
  readonly spec: CaseSpec;
  readonly facts: InterpreterFacts;
  readonly target: string | Dialect;
  readonly id: string;
}

/**
 * Runs families × interpreters × targets over a job pool and returns the report (not yet written).
 *
 * @throws OptionError for malformed input (checked before anything runs).
 * @public
 */
export async function runConformance(conformanceInput: ConformanceInput): Promise<RunReport> {
  const input = normalizeConformanceInput(conformanceInput);
  const startedAt = new Date().toISOString();
  const labels = interpreterLabels(input.interpreters);
  const specs = input.families.flatMap((f) => generateFamily(f, input.seed, input.runs));
  const all: Item[] = specs.flatMap((spec) =>
    input.interpreters.flatMap((facts) =>
      input.targets.map((target) => ({ spec, facts, target, id: caseId(spec.family, spec.index, labels.get(facts.path) ?? facts.version, targetId(target)) })),
    ),
  );
  const items = selectShard(all, input.shard);
  const families = new Map(input.families.map((f) => [f.name, f]));
  const cache = new ObservationCache();
  input.onProgress?.({ kind: 'start', total: items.length });

  const results = await mapPool(items, input.jobs, async (item) => {
    const started = Date.now();
    const ctx = { facts: item.facts, target: item.target, timeoutMs: input.timeoutMs, signal: input.signal, cache, quiescence: input.quiescence };
    let settled;
    try {
      settled = await evaluateSettled(item.spec.scenario, ctx, input.reruns);
    } catch (error) {
      // A case cancelled by Ctrl-C / SIGTERM is left out of the (incomplete) report; anything else is a real error.
      if (input.signal?.aborted) return undefined;
      throw error;
    }
    if (input.signal?.aborted) return undefined;
    const { evaluation, failureRate } = settled;
    const family = families.get(item.spec.family);
    const base: CaseResult = {
      id: item.id,
      family: item.spec.family,
      target: targetId(item.target),
      python: item.facts.path,
      scenario: item.spec.scenario,
      expectation: evaluation.expectation,
      // a disagreement keeps its whole capture (it is what a reader debugs); an agreement a bounded one
      observation: evaluation.observation === null || evaluation.verdict.kind === 'fail' || evaluation.verdict.kind === 'flaky'
        ? evaluation.observation : trimObservation(evaluation.observation),
      verdict: evaluation.verdict,
      durationMs: 0,
      repro: null,
      failureRate,
      minimal: null,
    };
    // a disagreement the target declares (an expected failure) is not shrunk: its repro is the declaration's
    const shrinking = evaluation.verdict.kind === 'fail' && input.shrink && family !== undefined && (input.adjust?.(base) ?? base).verdict.kind === 'fail';
    // shrinking replays this very case first: its observation is already known
    if (shrinking) primeCache(cache, evaluation, ctx);
    const minimal = shrinking ? await shrinkCase(family, item.spec, ctx, input.shrinkBudgetMs ?? DEFAULT_SHRINK_BUDGET_MS).catch((e: unknown) => {
      if (input.signal?.aborted) return null;
      throw e;
    }) : null;
    let result: CaseResult = { ...base, durationMs: Date.now() - started, minimal };
    if (input.adjust) result = input.adjust(result);
    input.onProgress?.({ kind: 'case', result });
    return result;
  }, input.signal);

  const cases = results.filter((r): r is CaseResult => r !== undefined);
  const coverage: Record<string, number> = {};
  // Counted per case (not per scenario) so the coverage of merged shards adds up to the whole run's.
  if (input.coverage) {
    const bySpec = new Map(items.map((i) => [i.id, i.spec]));
    for (const c of cases) {
      const spec = bySpec.get(c.id);
      if (spec) for (const cell of input.coverage(spec)) coverage[cell] = (coverage[cell] ?? 0) + 1;
    }
  }
  return {
    schemaVersion: 1,
    tool: { name: 'mpconform', version: input.toolVersion },
    runId: input.runId,
    seed: input.seed,
    startedAt,
    finishedAt: new Date().toISOString(),
    complete: !input.signal?.aborted && cases.length === items.length,
    shard: input.shard,
    interpreters: input.interpreters,
    targets: input.targets.map(targetId),
    cases,
    totals: computeTotals(cases),
    coverage,
  };
}
