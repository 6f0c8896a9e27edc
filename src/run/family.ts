import type fc from 'fast-check';
import type { Scenario } from '../scenario/types.js';

/**
 * A property family: a documented behaviour and the scenarios that exercise it.
 *
 * @public
 */
export type Family =
  | { readonly name: string; readonly summary: string; readonly kind: 'generated'; readonly arb: fc.Arbitrary<Scenario> }
  | { readonly name: string; readonly summary: string; readonly kind: 'fixed'; readonly scenarios: readonly Scenario[] };

/**
 * One scenario of a family, with its position in the family's deterministic sequence.
 *
 * @public
 */
export interface CaseSpec {
  readonly family: string;
  /** Run index in the family's fast-check sequence (replayable as path `String(index)`). */
  readonly index: number;
  /** The family seed the sequence came from. */
  readonly seed: number;
  readonly scenario: Scenario;
  /** False for fixed (corpus) cases, which are not shrunk. */
  readonly shrinkable: boolean;
}
