import type { InterpreterFacts } from '../../model/facts.js';
import { dialectFor } from '../../targets/index.js';
import { OptionError } from '../../options/errors.js';

/**
 * Checks `--target` values eagerly: each must have a dialect, and import on at least one of the
 * selected interpreters (interpreters that lack it get `skipped` cases, with the reason).
 */
export function checkTargets(targets: readonly string[], interpreters: readonly InterpreterFacts[]): void {
  for (const target of targets) {
    dialectFor(target);
    if (!interpreters.some((f) => importable(f, target))) {
      const where = interpreters.map((f) => `${f.path} (${f.version})`).join(', ');
      throw new OptionError(`--target ${target}: not importable on any selected interpreter: ${where}`);
    }
  }
}

/** True when the interpreter's facts say the target imports. */
export function importable(facts: InterpreterFacts, target: string): boolean {
  const key = target === 'stdlib' ? 'multiprocessing' : target;
  return (facts.targets[key] ?? null) !== null;
}
