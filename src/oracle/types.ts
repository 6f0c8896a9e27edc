import type { Implementation, Platform } from '../model/facts.js';

/**
 * A documented rule. `versions` is a list of half-open ranges `[from, to)` to the patch level.
 *
 * @public
 */
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
