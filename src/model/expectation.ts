import type { Outcome } from '../outcome/outcome.js';
import type { ProcessLabel } from '../contracts/labels.js';

/**
 * `absent`: the process never starts (for example its parent failed first).
 *
 * @public
 */
export type Accepted = Outcome | 'absent';

/**
 * Whether a process issued a warning.
 *
 * @public
 */
export type WarningSeen = 'yes' | 'no';

/**
 * What the oracle expects of one process.
 *
 * @public
 */
export type ProcessExpectation =
  | {
      readonly label: ProcessLabel; readonly kind: 'outcomes'; readonly accept: readonly Accepted[]; readonly rules: readonly string[];
      /**
       * Per warning id (see ProcessObservation.warnings), whether each process of the label issues it: `yes`, `no`, or
       * both (a race). A warning id not listed is not judged.
       */
      readonly warnings?: Readonly<Record<string, readonly WarningSeen[]>>;
    }
  | { readonly label: ProcessLabel; readonly kind: 'unspecified'; readonly reason: string; readonly rules: readonly string[] };

/**
 * The oracle's answer for one scenario on one interpreter and target.
 *
 * @public
 */
export interface Expectation {
  readonly processes: readonly ProcessExpectation[];
  /** Expected `@note` values (key → acceptable values). */
  readonly notes: Readonly<Record<string, readonly string[]>>;
  /**
   * Per note key, the rules that decided its values: a program breaking one of them prints another value. Keys the
   * oracle cannot attribute are absent; absent altogether when none can be.
   */
  readonly noteRules?: Readonly<Record<string, readonly string[]>>;
  /** Every rule that contributed, in order. */
  readonly rules: readonly string[];
  /** What the tree may leak (src/oracle/rules/leaks.ts); absent: no prediction. */
  readonly leaks?: LeakExpectation;
}

/**
 * The oracle's leak prediction: nothing leaked (the tracker warns of nothing, prints no
 * traceback, and /dev/shm keeps nothing of the tree).
 *
 * @public
 */
export interface LeakExpectation {
  readonly accept: 'none';
  readonly rules: readonly string[];
}
