/** The verdict vocabulary (DESIGN.md, "Pipeline"). */
export const VERDICTS = ['pass', 'fail', 'expected-fail', 'unexpected-pass', 'flaky', 'skipped', 'unspecified'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

/** One disagreement between an expectation and an observation. */
export interface Mismatch {
  readonly label: string;
  readonly expected: readonly string[];
  readonly observed: string;
  readonly rules: readonly string[];
}

/** A verdict with its reasons. */
export interface Verdict {
  readonly kind: VerdictKind;
  readonly mismatches: readonly Mismatch[];
  /** Why, for skipped / unspecified / expected-fail (the deviation's reason). */
  readonly reason: string | null;
}
