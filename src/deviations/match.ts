/**
 * Whether a deviation applies: to a case (target, scenario features, family, interpreter) and to
 * one mismatch of its verdict (label and what was observed instead).
 */
import type { OracleFacts } from '../model/facts.js';
import type { Mismatch } from '../model/verdict.js';
import type { ScenarioFeatures } from './features.js';
import type { Deviation } from './types.js';
import { versionMatches } from './version-range.js';

/** The case-level context a deviation is matched against. */
export interface MatchContext {
  readonly target: string;
  readonly family: string;
  readonly features: ScenarioFeatures;
  readonly facts: OracleFacts;
}

function anyOf(wanted: readonly string[] | undefined, have: readonly string[]): boolean {
  return wanted === undefined || wanted.some((w) => have.includes(w));
}

/** True when every case-level condition of the deviation holds (labels and outcomes aside). */
export function appliesToCase(d: Deviation, c: MatchContext): boolean {
  const w = d.when;
  const f = c.features;
  return d.target === c.target
    && anyOf(w.startMethod, f.startMethods) && anyOf(w.context, f.contexts) && anyOf(w.worker, f.workers)
    && anyOf(w.objectKind, f.objectKinds) && anyOf(w.channel, f.channels) && anyOf(w.guard, [f.guard])
    && anyOf(w.unguardedOp, f.unguardedOps) && anyOf(w.op, f.ops) && anyOf(w.targetForm, f.targetForms)
    && anyOf(w.action, f.actions) && (w.grandchild === undefined || w.grandchild === f.grandchild)
    && anyOf(w.family, [c.family]) && anyOf(w.implementation, [c.facts.implementation])
    && anyOf(w.platform, [c.facts.platform]) && (w.python === undefined || versionMatches(c.facts.version, w.python.range));
}

/** True when the deviation explains this mismatch (a process outcome or a note value). */
export function explainsMismatch(d: Deviation, m: Mismatch): boolean {
  if (d.instead.kind === 'note') return m.label === `note ${d.instead.key}` && m.observed === d.instead.value;
  if (m.label.startsWith('note ')) return false;
  return (d.when.label === undefined || d.when.label.includes(m.label)) && m.observed === d.instead.outcome;
}
