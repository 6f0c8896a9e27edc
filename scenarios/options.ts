/**
 * Internal: options shared by every public arbitrary.
 */
import type fc from 'fast-check';
import { printAsPython } from '../src/render/printable.js';
import type { Scenario } from '../src/scenario/types.js';
import type { Dialect } from '../src/targets/dialect.js';

/**
 * Options every scenario arbitrary accepts.
 *
 * @public
 */
export interface ArbOptions {
  /** Print generated values (and counterexamples) as their Python program. Default false. */
  readonly printAsPython?: boolean;
  /** Dialect used for that printing (default: the standard library). */
  readonly dialect?: Dialect;
}

/** Applies {@link ArbOptions} to an arbitrary. */
export function finish(arb: fc.Arbitrary<Scenario>, options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return options.printAsPython === true ? printAsPython(arb, options.dialect) : arb;
}
