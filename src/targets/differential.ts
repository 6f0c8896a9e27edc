/**
 * Differential mode: the same scenario observed on the stdlib and on a target (same interpreter),
 * compared process by process and note by note — independent of the oracle, so divergences show
 * even where the oracle says `unspecified`.
 */
import type { Observation, RunEnd } from '../model/observation.js';

/** One difference between the stdlib's and the target's run. */
export type Divergence =
  | {
      readonly kind: 'process';
      readonly label: string;
      /** Distinct outcomes of the processes with this label, sorted (`absent`: none). */
      readonly stdlib: readonly string[];
      readonly target: readonly string[];
    }
  | { readonly kind: 'note'; readonly key: string; readonly stdlib: string | null; readonly target: string | null }
  | { readonly kind: 'end'; readonly stdlib: string; readonly target: string };

function outcomesByLabel(o: Observation): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const p of o.processes) {
    if (p.label === null) continue;
    const set = map.get(p.label) ?? new Set<string>();
    set.add(p.outcome);
    map.set(p.label, set);
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}

function endText(end: RunEnd): string {
  switch (end.kind) {
    case 'exited': return `exit ${end.code}`;
    case 'signaled': return `signal ${end.signal}`;
    case 'hang': return 'hang';
  }
}

function order(a: string, b: string): number {
  const rank = (l: string): number => (l === 'main' ? 0 : /^w\d/.test(l) ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true });
}

/** Every divergence between a stdlib observation and a target observation of the same scenario (pure). */
export function differential(stdlib: Observation, target: Observation): Divergence[] {
  const out: Divergence[] = [];
  const a = outcomesByLabel(stdlib);
  const b = outcomesByLabel(target);
  for (const label of [...new Set([...a.keys(), ...b.keys()])].sort(order)) {
    const sa = a.get(label) ?? ['absent'];
    const sb = b.get(label) ?? ['absent'];
    if (sa.join('|') !== sb.join('|')) out.push({ kind: 'process', label, stdlib: sa, target: sb });
  }
  for (const key of [...new Set([...Object.keys(stdlib.notes), ...Object.keys(target.notes)])].sort()) {
    const na = stdlib.notes[key] ?? null;
    const nb = target.notes[key] ?? null;
    if (na !== nb) out.push({ kind: 'note', key, stdlib: na, target: nb });
  }
  const ea = endText(stdlib.end);
  const eb = endText(target.end);
  if (ea !== eb) out.push({ kind: 'end', stdlib: ea, target: eb });
  return out;
}

/** One line per divergence, for terminals and reports. */
export function describeDivergences(list: readonly Divergence[]): string[] {
  return list.map((d) => {
    switch (d.kind) {
      case 'process': return `${d.label}: stdlib ${d.stdlib.join(' | ')}, target ${d.target.join(' | ')}`;
      case 'note': return `note ${d.key}: stdlib ${d.stdlib ?? '(not printed)'}, target ${d.target ?? '(not printed)'}`;
      case 'end': return `run: stdlib ${d.stdlib}, target ${d.target}`;
    }
  });
}
