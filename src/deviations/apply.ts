/**
 * `applyDeviations`: a failing case whose every mismatch a declared deviation explains becomes
 * `expected-fail` (with the deviations' reasons); a passing case that a deviation says should
 * deviate — and did not — becomes `unexpected-pass`. Everything else is returned unchanged.
 */
import type { OracleFacts } from '../model/facts.js';
import type { Observation } from '../model/observation.js';
import type { CaseResult } from '../model/report.js';
import { featuresOf } from './features.js';
import { appliesToCase, explainsMismatch } from './match.js';
import type { MatchContext } from './match.js';
import type { Deviation } from './types.js';
import type { Scenario } from '../scenario/types.js';
import type { Verdict } from '../model/verdict.js';

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

/**
 * What deviations are matched against: one judged scenario on one target (a case of a run, or a
 * `runScenario` result). Only these fields are read.
 *
 * @public
 */
export interface DeviationSubject {
  /** The target id (deviations match on `target`). */
  readonly target: string;
  /** The property family (`when.family`). */
  readonly family: string;
  readonly scenario: Scenario;
  readonly verdict: Verdict;
  /** Null when nothing ran (a skipped case is never adjusted). */
  readonly observation: Observation | null;
}

/**
 * The subject's verdict adjusted by the declared deviations (pure; `facts` of the subject's
 * interpreter): the same Verdict object when no deviation changes it.
 *
 * @public
 */
export function verdictWithDeviations(subject: DeviationSubject, deviations: readonly Deviation[], facts: OracleFacts): Verdict {
  const verdict = subject.verdict;
  const kind = verdict.kind;
  if (kind !== 'fail' && kind !== 'pass') return verdict;
  const ctx: MatchContext = { target: subject.target, family: subject.family, features: featuresOf(subject.scenario), facts };
  const applicable = deviations.filter((d) => appliesToCase(d, ctx));
  if (applicable.length === 0) return verdict;
  if (kind === 'fail') {
    const used: Deviation[] = [];
    for (const m of verdict.mismatches) {
      const d = applicable.find((x) => explainsMismatch(x, m));
      if (d === undefined) return verdict;
      if (!used.includes(d)) used.push(d);
    }
    if (used.length === 0) return verdict;
    return { kind: 'expected-fail', mismatches: verdict.mismatches, reason: used.map(describe).join('; ') };
  }
  // an intermittent departure (a race in the library) may simply not have happened this time
  const missing = applicable.filter((d) => d.intermittent !== true && !happened(d, subject.observation));
  if (missing.length === 0) return verdict;
  const reason = `declared deviation no longer happens: ${missing.map((d) => `${describe(d)} [line ${d.line}]`).join('; ')}`;
  return { kind: 'unexpected-pass', mismatches: [], reason };
}

/**
 * The case with its verdict adjusted by the declared deviations (pure; `facts` of the case's
 * interpreter); the same object when no deviation changes it.
 *
 * @public
 */
export function applyDeviations(result: CaseResult, deviations: readonly Deviation[], facts: OracleFacts): CaseResult {
  const verdict = verdictWithDeviations(result, deviations, facts);
  return verdict === result.verdict ? result : { ...result, verdict };
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
