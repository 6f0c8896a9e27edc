/**
 * A shipped library target on an interpreter that does not have the library: its cases are skipped
 * there, with the reason, instead of each failing with ModuleNotFoundError (the facts probe already
 * knows which libraries import).
 */
import { libraryOf } from '../contracts/libraries.js';
import type { InterpreterFacts } from '../model/facts.js';

/** Why `target` cannot run on the interpreter of `facts` (null: it can, or the facts do not say). */
export function notInstalledReason(target: string, facts: InterpreterFacts): string | null {
  const lib = libraryOf(target);
  if (lib === undefined) return null;
  // a facts key the probe reported as absent (null); a key it did not report (undefined) is not evidence
  const missing = lib.facts.filter((f) => facts.targets[f.key] === null).map((f) => f.key);
  if (missing.length === 0) return null;
  return `${lib.id}: ${missing.join(' and ')} not installed for ${facts.path} (${facts.implementation} ${facts.version})`;
}
