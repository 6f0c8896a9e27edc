import type { Observation, ProcessObservation } from '../model/observation.js';
import type { Accepted, Expectation, ProcessExpectation } from '../model/expectation.js';
import type { Mismatch, Verdict } from '../model/verdict.js';

/**
 * Compares an expectation with an observation, process by process (observation ⊆ expectation).
 * Labels the oracle leaves out are not judged; `unspecified` labels are counted, not judged.
 *
 * @public
 */
export function judge(expectation: Expectation, observation: Observation): Verdict {
  const mismatches: Mismatch[] = [];
  let judged = 0;
  for (const pe of expectation.processes) {
    if (pe.kind === 'unspecified') continue;
    judged++;
    mismatches.push(...judgeProcess(pe, observation.processes.filter((p) => p.label === pe.label)));
  }
  for (const [key, accept] of Object.entries(expectation.notes)) {
    judged++;
    const seen = observation.notes[key];
    if (seen === undefined || !accept.includes(seen)) {
      mismatches.push({ label: `note ${key}`, expected: accept, observed: seen ?? '(not printed)', rules: expectation.noteRules?.[key] ?? expectation.rules });
    }
  }
  // leaks are judged where the oracle predicts them and the observation recorded them
  if (expectation.leaks !== undefined && observation.leaks !== undefined && observation.leaks.length > 0) {
    mismatches.push({ label: 'leaks', expected: ['none'], observed: observation.leaks.map((l) => `${l.process ?? '?'}: ${l.text}`).join(' | '), rules: expectation.leaks.rules });
  }
  if (mismatches.length > 0) return { kind: 'fail', mismatches, reason: null };
  if (judged === 0) {
    const reasons = expectation.processes.flatMap((p) => (p.kind === 'unspecified' ? [`${p.label}: ${p.reason}`] : []));
    return { kind: 'unspecified', mismatches: [], reason: reasons.join('; ') || 'the oracle expects nothing' };
  }
  return { kind: 'pass', mismatches: [], reason: null };
}

// Every observed process under a label must be acceptable (pools have several); none observed is `absent`.
function judgeProcess(pe: Extract<ProcessExpectation, { kind: 'outcomes' }>, seen: readonly ProcessObservation[]): Mismatch[] {
  const accept: readonly Accepted[] = pe.accept;
  if (seen.length === 0) {
    return accept.includes('absent') ? [] : [{ label: pe.label, expected: accept, observed: 'absent', rules: pe.rules }];
  }
  const bad = [...new Set(seen.map((p) => p.outcome).filter((o) => !accept.includes(o)))];
  const mismatches: Mismatch[] = bad.map((observed) => ({ label: pe.label, expected: accept, observed, rules: pe.rules }));
  // warnings are judged only where the observation recorded them (warnings present)
  for (const [id, expected] of Object.entries(pe.warnings ?? {})) {
    const got = [...new Set(seen.flatMap((p) => (p.warnings === undefined ? [] : [p.warnings.includes(id) ? 'yes' : 'no'] as const)))];
    for (const observed of got.filter((g) => !expected.includes(g))) mismatches.push({ label: `${pe.label} warning ${id}`, expected, observed, rules: pe.rules });
  }
  return mismatches;
}

/**
 * One line per mismatch, for terminals, JUnit failure text and repro headers.
 *
 * @public
 */
export function describeMismatches(verdict: Verdict): string[] {
  return verdict.mismatches.map(
    (m) => `${m.label}: expected ${m.expected.join(' | ')}, observed ${m.observed}${m.rules.length ? ` [${m.rules.join(', ')}]` : ''}`,
  );
}
