import type { ProcessLabel } from '../../contracts/labels.js';
import type { Accepted } from '../../model/expectation.js';
import type { RuleId } from '../rules/index.js';

/** Collects, over every simulated instance of each process label, the outcomes it may end with, plus notes and rules. */
export class Acc {
  readonly outcomes = new Map<ProcessLabel, Set<Accepted>>();
  readonly labelRules = new Map<ProcessLabel, Set<RuleId>>();
  readonly notes = new Map<string, Set<string>>();
  /** Per note key, the rules that decided its values (a program breaking one would print another value). */
  readonly noteRules = new Map<string, Set<RuleId>>();
  readonly rules: RuleId[] = [];
  /** Set when the scenario leaves the modelled ground: every process becomes unspecified with this reason. */
  unspecified: { reason: string; rule: RuleId } | null = null;

  /** Records that one instance of `label` may end with any of `accept`. */
  record(label: ProcessLabel, accept: readonly Accepted[], rules: readonly RuleId[]): void {
    const set = this.outcomes.get(label) ?? new Set<Accepted>();
    for (const a of accept) set.add(a);
    this.outcomes.set(label, set);
    const rs = this.labelRules.get(label) ?? new Set<RuleId>();
    for (const r of rules) rs.add(r);
    this.labelRules.set(label, rs);
    this.use(rules);
  }

  /** Records a `@note key value` line some process prints, with the rules that decided `value`. */
  note(key: string, value: string, rules: readonly RuleId[]): void {
    const set = this.notes.get(key) ?? new Set<string>();
    set.add(value);
    this.notes.set(key, set);
    const rs = this.noteRules.get(key) ?? new Set<RuleId>();
    for (const r of rules) rs.add(r);
    this.noteRules.set(key, rs);
    this.use(rules);
  }

  /** Per label, whether its processes issue os.fork's multi-threaded DeprecationWarning (recorded at each threaded fork). */
  readonly forkWarnings = new Map<ProcessLabel, Set<'yes' | 'no'>>();

  /** Records that a fork made by (an instance of) `label` warns, or may (`['yes', 'no']`: a race). */
  warnFork(label: ProcessLabel, seen: readonly ('yes' | 'no')[]): void {
    const set = this.forkWarnings.get(label) ?? new Set<'yes' | 'no'>();
    for (const s of seen) set.add(s);
    this.forkWarnings.set(label, set);
  }

  /** Adds rules to the global, ordered list. */
  use(rules: readonly RuleId[]): void {
    for (const r of rules) if (!this.rules.includes(r)) this.rules.push(r);
  }
}
