/**
 * Declared deviations: a target's documented departures from the stdlib, keyed by scenario
 * features and interpreter conditions (never by test ids). Format: FORMAT.md.
 */
import type { Implementation, Platform } from '../model/facts.js';
import type { Outcome } from '../outcome/outcome.js';
import type { ChildAction, Channel, ContextRef, Method, ObjectKind, StepOp, TargetForm, WorkerKind } from '../scenario/types.js';
import type { Guard } from './features.js';
import type { Comparator } from './version-range.js';

/**
 * Conditions of one deviation; every list is any-of, every present key must hold.
 *
 * @public
 */
export interface When {
  readonly startMethod?: readonly Method[];
  readonly context?: readonly ContextRef[];
  readonly worker?: readonly WorkerKind[];
  readonly objectKind?: readonly ObjectKind[];
  readonly channel?: readonly Channel[];
  readonly guard?: readonly Guard[];
  readonly unguardedOp?: readonly StepOp[];
  readonly op?: readonly StepOp[];
  readonly targetForm?: readonly TargetForm[];
  readonly action?: readonly ChildAction[];
  readonly grandchild?: boolean;
  readonly family?: readonly string[];
  /** Process labels (`main`, `pool`, `w1`, ...) the deviation applies to. */
  readonly label?: readonly string[];
  readonly python?: { readonly text: string; readonly range: readonly Comparator[] };
  readonly implementation?: readonly Implementation[];
  readonly platform?: readonly Platform[];
}

/**
 * What the target does instead: a process outcome, or a note value.
 *
 * @public
 */
export type Instead =
  | { readonly kind: 'outcome'; readonly outcome: Outcome | 'absent' }
  | { readonly kind: 'note'; readonly key: string; readonly value: string };

/**
 * One declared deviation.
 *
 * @public
 */
export interface Deviation {
  readonly target: string;
  readonly when: When;
  readonly instead: Instead;
  readonly reason: string;
  readonly link: string | null;
  /** 1-based line of the entry in its file (0 when built in code). */
  readonly line: number;
  /**
   * The departure happens on some runs only (a race in the library): it explains a matching
   * failure, and a passing case is not an `unexpected-pass` for its absence.
   */
  readonly intermittent?: true;
}

/**
 * A parsed deviations file.
 *
 * @public
 */
export interface DeviationsFile {
  readonly version: 1;
  readonly file: string;
  readonly deviations: readonly Deviation[];
}
