/**
 * Counterexamples that print as runnable Python: attach `fc.toStringMethod` to a scenario.
 */
import fc from 'fast-check';
import type { Dialect } from '../targets/dialect.js';
import { stdlibDialect } from '../targets/multiprocessing.js';
import type { Scenario } from '../scenario/types.js';
import { renderScenario } from './renderScenario.js';

/**
 * A copy of `scenario` whose fast-check printing is its Python program (plus the JSON as a
 * comment). The method is a non-enumerable symbol property: JSON, equality and the validator
 * do not see it.
 */
export function withPythonPrinting<S extends Scenario>(scenario: S, dialect: Dialect = stdlibDialect): S {
  const copy = { ...scenario };
  Object.defineProperty(copy, fc.toStringMethod, {
    value: () => `\n${renderScenario(scenario, dialect, { header: [`scenario JSON: ${JSON.stringify(scenario)}`] })}`,
    enumerable: false,
  });
  return copy;
}

/** Maps an arbitrary so that its values print as Python programs in fast-check reports. */
export function printAsPython<S extends Scenario>(arb: fc.Arbitrary<S>, dialect: Dialect = stdlibDialect): fc.Arbitrary<S> {
  return arb.map((s) => withPythonPrinting(s, dialect));
}
