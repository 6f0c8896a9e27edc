import type { Outcome } from '../outcome/outcome.js';
import type { Implementation, Platform } from '../interpreters/facts.js';
import type { ProcessLabel } from '../scenario/types.js';

/** `absent`: the process never starts (for example its parent failed first). */
export type Accepted = Outcome | 'absent';

/** A documented rule. `versions` is a list of half-open ranges `[from, to)` to the patch level. */
export interface Rule {
  readonly id: string;
  readonly statement: string;
  readonly versions: readonly { readonly from: string; readonly to: string | null }[];
  readonly platforms: readonly Platform[];
  /** Implementations it holds for (absent: every implementation). */
  readonly implementations?: readonly Implementation[];
  /** A docs anchor, a CPython file, or an issue number. */
  readonly source: string;
}

/** What the oracle expects of one process. */
export type ProcessExpectation =
  | { readonly label: ProcessLabel; readonly kind: 'outcomes'; readonly accept: readonly Accepted[]; readonly rules: readonly string[] }
  | { readonly label: ProcessLabel; readonly kind: 'unspecified'; readonly reason: string; readonly rules: readonly string[] };

/** The oracle's answer for one scenario on one interpreter and target. */
export interface Expectation {
  readonly processes: readonly ProcessExpectation[];
  /** Expected `@note` values (key → acceptable values). */
  readonly notes: Readonly<Record<string, readonly string[]>>;
  /** Every rule that contributed, in order. */
  readonly rules: readonly string[];
}
