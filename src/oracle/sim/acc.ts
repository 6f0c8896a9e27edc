import type { ProcessLabel } from '../../scenario/types.js';
import type { Accepted } from '../types.js';

/** Collects, over every simulated instance of each process label, the outcomes it may end with, plus notes and rules. */
export class Acc {
  readonly outcomes = new Map<ProcessLabel, Set<Accepted>>();
  readonly labelRules = new Map<ProcessLabel, Set<string>>();
  readonly notes = new Map<string, Set<string>>();
  readonly rules: string[] = [];
  /** Set when the scenario leaves the modelled ground: every process becomes unspecified with this reason. */
  unspecified: { reason: string; rule: string } | null = null;

  /** Records that one instance of `label` may end with any of `accept`. */
  record(label: ProcessLabel, accept: readonly Accepted[], rules: readonly string[]): void {
    const set = this.outcomes.get(label) ?? new Set<Accepted>();
    for (const a of accept) set.add(a);
    this.outcomes.set(label, set);
    const rs = this.labelRules.get(label) ?? new Set<string>();
    for (const r of rules) rs.add(r);
    this.labelRules.set(label, rs);
    this.use(rules);
  }

  /** Records a `@note key value` line some process prints. */
  note(key: string, value: string): void {
    const set = this.notes.get(key) ?? new Set<string>();
    set.add(value);
    this.notes.set(key, set);
  }

  /** Adds rules to the global, ordered list. */
  use(rules: readonly string[]): void {
    for (const r of rules) if (!this.rules.includes(r)) this.rules.push(r);
  }
}
