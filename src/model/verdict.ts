/**
 * The verdict vocabulary (docs/design.md, "Pipeline").
 *
 * @public
 */
export const VERDICTS = ['pass', 'fail', 'expected-fail', 'unexpected-pass', 'flaky', 'skipped', 'unspecified'] as const;
/**
 * A verdict: `pass`, `fail`, `expected-fail`, `unexpected-pass`, `flaky`, `skipped`, `unspecified` ({@link VERDICTS}).
 *
 * @public
 */
export type VerdictKind = (typeof VERDICTS)[number];

/**
 * One disagreement between an expectation and an observation.
 *
 * @public
 */
export interface Mismatch {
  readonly label: string;
  readonly expected: readonly string[];
  readonly observed: string;
  readonly rules: readonly string[];
}

/**
 * A verdict with its reasons.
 *
 * @public
 */
export interface Verdict {
  readonly kind: VerdictKind;
  readonly mismatches: readonly Mismatch[];
  /** Why, for skipped / unspecified / expected-fail (the deviation's reason). */
  readonly reason: string | null;
}
