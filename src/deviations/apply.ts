/**
 * `applyDeviations`: a failing case whose every mismatch a declared deviation explains becomes
 * `expected-fail` (with the deviations' reasons); a passing case that a deviation says should
 * deviate — and did not — becomes `unexpected-pass`. Everything else is returned unchanged.
 */
import type { OracleFacts } from '../interpreters/facts.js';
import type { Observation } from '../observe/types.js';
import type { CaseResult } from '../run/types.js';
import { featuresOf } from './features.js';
import { appliesToCase, explainsMismatch } from './match.js';
import type { MatchContext } from './match.js';
import type { Deviation } from './types.js';

function describe(d: Deviation): string {
  return `${d.reason}${d.link !== null ? ` (${d.link})` : ''}`;
}

/** True when the observation shows the deviation happening anyway (the oracle accepted it too). */
function happened(d: Deviation, o: Observation | null): boolean {
  if (o === null) return false;
  if (d.instead.kind === 'note') return o.notes[d.instead.key] === d.instead.value;
  const outcome = d.instead.outcome;
  const labels = d.when.label;
  const seen = o.processes.filter((p) => p.label !== null && (labels === undefined || labels.includes(p.label)));
  if (outcome === 'absent') return labels !== undefined && labels.some((l) => !o.processes.some((p) => p.label === l));
  return seen.some((p) => p.outcome === outcome);
}

/** The case with its verdict adjusted by the declared deviations (pure; `facts` of the case's interpreter). */
export function applyDeviations(result: CaseResult, deviations: readonly Deviation[], facts: OracleFacts): CaseResult {
  const kind = result.verdict.kind;
  if (kind !== 'fail' && kind !== 'pass') return result;
  const ctx: MatchContext = { target: result.target, family: result.family, features: featuresOf(result.scenario), facts };
  const applicable = deviations.filter((d) => appliesToCase(d, ctx));
  if (applicable.length === 0) return result;
  if (kind === 'fail') {
    const used: Deviation[] = [];
    for (const m of result.verdict.mismatches) {
      const d = applicable.find((x) => explainsMismatch(x, m));
      if (d === undefined) return result;
      if (!used.includes(d)) used.push(d);
    }
    if (used.length === 0) return result;
    return { ...result, verdict: { kind: 'expected-fail', mismatches: result.verdict.mismatches, reason: used.map(describe).join('; ') } };
  }
  const missing = applicable.filter((d) => !happened(d, result.observation));
  if (missing.length === 0) return result;
  const reason = `declared deviation no longer happens: ${missing.map((d) => `${describe(d)} [line ${d.line}]`).join('; ')}`;
  return { ...result, verdict: { kind: 'unexpected-pass', mismatches: [], reason } };
}

/** Applies deviations to every case; `factsOf` maps a case's interpreter path to its facts. */
export function applyDeviationsToAll(
  results: readonly CaseResult[], deviations: readonly Deviation[], factsOf: (python: string) => OracleFacts | undefined,
): CaseResult[] {
  return results.map((r) => {
    const facts = factsOf(r.python);
    return facts === undefined ? r : applyDeviations(r, deviations, facts);
  });
}
