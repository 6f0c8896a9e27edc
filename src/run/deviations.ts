import { readFileSync, writeFileSync } from 'node:fs';
import type { InterpreterFacts } from '../interpreters/facts.js';
import { applyDeviations, deviationsFromCases, parseDeviations, type Deviations } from '../deviations/index.js';
import { OptionError } from './options.js';
import type { CaseResult } from './types.js';

/** Reads and validates an expectations file eagerly (a bad file is a one-line error with its line). */
export function loadDeviations(file: string): Deviations {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new OptionError(`--expectations ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseDeviations(text, file);
}

/** Turns declared deviations into the run's per-case adjustment. */
export function deviationAdjuster(deviations: Deviations, interpreters: readonly InterpreterFacts[]): (c: CaseResult) => CaseResult {
  const byPath = new Map(interpreters.map((f) => [f.path, f]));
  return (c) => {
    const facts = byPath.get(c.python);
    return facts ? applyDeviations(c, deviations, facts) : c;
  };
}

/** Writes a starting expectations file from the current failures, for maintainers to review. */
export function writeStartingDeviations(file: string, cases: readonly CaseResult[]): void {
  writeFileSync(file, `${JSON.stringify(deviationsFromCases(cases), null, 2)}\n`);
}
