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

  /** Every resource tracker the program launches: what it may end with, and why (recorded under `resource-tracker` by `recordTrackers`). */
  readonly trackers: { accept: Set<Accepted>; rules: Set<RuleId> }[] = [];

  /** A tracker launched (rule `tracker.launch`): it ends well unless it cleans up a leak. Returns its index. */
  newTracker(rules: readonly RuleId[]): number {
    this.trackers.push({ accept: new Set<Accepted>(['ok']), rules: new Set(rules) });
    this.use(rules);
    return this.trackers.length - 1;
  }

  /**
   * Tracker `id` ends with `outcome` (`rules`): instead of what it had (`certain`: the situation always arises), or
   * as one more possibility (it arises in some runs only).
   */
  trackerEnds(id: number, outcome: Accepted, rules: readonly RuleId[], certain: boolean): void {
    const t = this.trackers[id]!;
    if (certain) t.accept.clear();
    t.accept.add(outcome);
    for (const r of rules) t.rules.add(r);
    this.use(rules);
  }

  /** Rules that decided how tracker `id` ends, without changing what it may end with. */
  trackerRules(id: number, rules: readonly RuleId[]): void {
    for (const r of rules) this.trackers[id]!.rules.add(r);
    this.use(rules);
  }

  /** Records every tracker's outcomes under the `resource-tracker` label (once, when the simulation is over). */
  recordTrackers(): void {
    for (const t of this.trackers) this.record('resource-tracker', [...t.accept], [...t.rules]);
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
