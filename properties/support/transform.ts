import type { Observation } from '../../src/model/observation.js';
import type { Expectation } from '../../src/model/expectation.js';
import type { Scenario, Step } from '../../src/scenario/types.js';

/** Every step inside the `__main__` guard (the program with the guard added around everything). */
export function guarded(s: Scenario): Scenario {
  return { ...s, steps: s.steps.map((st) => ({ ...st, at: 'main' as const })) };
}

/** Every `set_start_method` with `force=True`; worker `set-start-method` actions become `report-method`. */
export function forced(s: Scenario): Scenario {
  return {
    ...s,
    steps: s.steps.map((st): Step => {
      if (st.op === 'set-start-method') return { ...st, force: true };
      if (st.op === 'start' && st.action === 'set-start-method') return { ...st, action: 'report-method' };
      return st;
    }),
  };
}

/** Renames every identifier: object and worker ids shifted by `k` (o0 → o<k>, work_0 → work_<k>, w0 → w<k>). */
export function renamed(s: Scenario, k: number): Scenario {
  return {
    ...s,
    steps: s.steps.map((st): Step => {
      if (st.op === 'create') return { ...st, id: st.id + k };
      if (st.op === 'start') return { ...st, id: st.id + k, pass: st.pass.map((p) => ({ ...p, obj: p.obj + k })) };
      return st;
    }),
  };
}

/**
 * Outcomes by label, each label's outcomes as a sorted set; `shift` maps `w<n>` labels back by `k`.
 * In a run that ended in a hang, a process other than main caught mid-flight by the harness's kill
 * is `hang` or not depending on the instant of the kill, so those `hang` entries are left out:
 * the relation compares how the run ended plus every outcome the program itself produced.
 */
export function outcomesByLabel(o: Observation, shift = 0): Record<string, string[]> {
  const out: Record<string, Set<string>> = { end: new Set([o.end.kind]) };
  for (const p of o.processes) {
    if (p.label === null) continue;
    if (o.end.kind === 'hang' && p.label !== 'main' && p.outcome === 'hang') continue;
    const label = shift === 0 ? p.label : p.label.replace(/^w(\d+)/, (_, n: string) => `w${Number(n) - shift}`);
    (out[label] ??= new Set()).add(p.outcome);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}

/** True when every labelled process ended `ok` and the run did not hang. */
export function allOk(o: Observation): boolean {
  return o.end.kind !== 'hang' && o.processes.every((p) => p.label === null || p.outcome === 'ok');
}

/** True when the program relies on module globals (a `global` channel, or `set-global`). */
export function usesGlobals(s: Scenario): boolean {
  return s.steps.some((st) => st.op === 'set-global' || (st.op === 'start' && (st.action === 'read-global' || st.pass.some((p) => p.via === 'global'))));
}

/** The largest object or worker id (−1 when there is none). */
export function maxId(s: Scenario): number {
  return Math.max(-1, ...s.steps.map((st) => (st.op === 'create' || st.op === 'start' ? st.id : -1)));
}

/**
 * The labels whose outcome is determined: the documented rules accept exactly one outcome for them.
 * A relation between two runs can only hold there; where the docs and sources name a race (an
 * executor's other workers finishing or being terminated when it breaks, bpo-39104 before 3.9…),
 * two runs may rightly differ. `end` is included only when main's outcome is determined.
 */
export function determinedLabels(e: Expectation): Set<string> {
  const labels = new Set(e.processes.filter((p) => p.kind === 'outcomes' && p.accept.length === 1).map((p) => p.label as string));
  if (labels.has('main')) labels.add('end');
  return labels;
}

/** `outcomesByLabel` restricted to `labels`. */
export function restrict(outcomes: Record<string, string[]>, labels: ReadonlySet<string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(outcomes).filter(([k]) => labels.has(k)));
}
