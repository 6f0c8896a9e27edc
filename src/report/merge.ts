import { isDeepStrictEqual } from 'node:util';
import type { CaseResult, RunReport } from '../model/report.js';
import type { InterpreterFacts } from '../model/facts.js';
import { ReportMergeError } from './errors.js';
import { computeTotals } from './totals.js';

/**
 * Merges the shard reports of one run into one report: cases are the union by id (an id seen
 * twice must be identical), totals are recounted, coverage samples are summed, `complete` holds
 * only if every shard completed (and, for `i/n` shards, all n are present), and `shard` becomes null. Throws {@link ReportMergeError}.
 *
 * @public
 */
export function mergeReports(reports: readonly RunReport[]): RunReport {
  const first = reports[0];
  if (!first) throw new ReportMergeError('no reports given');
  for (const r of reports) {
    if (r.runId !== first.runId) throw new ReportMergeError(`different runs: ${first.runId} and ${r.runId}`);
    if (r.seed !== first.seed) throw new ReportMergeError(`run ${r.runId}: different seeds ${first.seed} and ${r.seed}`);
  }
  const cases = new Map<string, CaseResult>();
  const interpreters = new Map<string, InterpreterFacts>();
  const coverage: Record<string, number> = {};
  const targetFiles: Record<string, string> = {};
  // Shard order, not argument order, fixes the case order: merging is deterministic.
  const ordered = [...reports].sort((a, b) => (a.shard?.index ?? Infinity) - (b.shard?.index ?? Infinity));
  for (const r of ordered) {
    for (const c of r.cases) {
      const seen = cases.get(c.id);
      if (seen && !isDeepStrictEqual(seen, c)) throw new ReportMergeError(`case ${c.id} differs between shards`);
      cases.set(c.id, c);
    }
    for (const i of r.interpreters) if (!interpreters.has(i.path)) interpreters.set(i.path, i);
    // Shards partition the generated cases, so their coverage samples add up.
    for (const [k, n] of Object.entries(r.coverage)) coverage[k] = (coverage[k] ?? 0) + n;
    for (const [id, file] of Object.entries(r.targetFiles ?? {})) {
      const seen = targetFiles[id];
      if (seen !== undefined && seen !== file) throw new ReportMergeError(`target ${id} comes from different data files: ${seen} and ${file}`);
      targetFiles[id] = file;
    }
  }
  const all = [...cases.values()];
  return {
    schemaVersion: 1,
    tool: first.tool,
    runId: first.runId,
    seed: first.seed,
    startedAt: reports.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
    finishedAt: reports.map((r) => r.finishedAt).sort().at(-1) ?? first.finishedAt,
    complete: reports.every((r) => r.complete) && allShardsPresent(reports),
    shard: null,
    interpreters: [...interpreters.values()],
    targets: [...new Set(reports.flatMap((r) => r.targets))],
    cases: all,
    totals: computeTotals(all),
    coverage,
    ...(Object.keys(targetFiles).length > 0 ? { targetFiles } : {}),
  };
}

/** True unless the reports are `i/n` shards with some index missing (a lost CI job). */
function allShardsPresent(reports: readonly RunReport[]): boolean {
  const shards = reports.map((r) => r.shard);
  if (shards.some((s) => s === null)) return true;
  const count = shards[0]?.count ?? 0;
  return new Set(shards.map((s) => s?.index)).size >= count;
}
