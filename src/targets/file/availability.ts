/**
 * Where a data-file target's library imports. Like a shipped library missing from an
 * interpreter, a data-file target whose module does not import on one of the selected
 * interpreters is no reason to stop the run: its cases there are `skipped`, with the reason,
 * and the run goes on on the others (src/cli/run/targets.ts probes and decides; this file words
 * the reason and wraps the dialect).
 */
import type { InterpreterFacts, OracleFacts } from '../../model/facts.js';
import type { Scenario } from '../../scenario/types.js';
import type { Dialect } from '../dialect.js';

/** `/usr/bin/python3 (3.11.2)`: how an interpreter is named in these reasons. */
export function interpreterText(f: InterpreterFacts): string {
  return `${f.path} (${f.version})`;
}

/** The reason a case of `id` is skipped on an interpreter where `module` does not import. */
export function notImportableReason(id: string, module: string, f: InterpreterFacts): string {
  return `${id}: module ${module} does not import on ${interpreterText(f)} (install the library into that interpreter or its venv)`;
}

/**
 * `dialect`, except that every scenario is unsupported on the interpreters in `reasons` (keyed by
 * interpreter path, as the run's facts name them): their cases are skipped with that reason.
 */
export function skippedOn(dialect: Dialect, reasons: ReadonlyMap<string, string>): Dialect {
  // the run evaluates with the interpreter's whole facts (src/run/evaluate.ts); the oracle's subset has no path
  const reasonFor = (facts?: OracleFacts): string | null => {
    const path = (facts as Partial<InterpreterFacts> | undefined)?.path;
    return path === undefined ? null : (reasons.get(path) ?? null);
  };
  return {
    ...dialect,
    unsupported: (scenario: Scenario, facts?: OracleFacts) => reasonFor(facts) ?? dialect.unsupported(scenario, facts),
  };
}
