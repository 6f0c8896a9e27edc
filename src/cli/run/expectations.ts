import { readFileSync, writeFileSync } from 'node:fs';
import type { InterpreterFacts } from '../../model/facts.js';
import { applyDeviations, deviationsFromCases, formatDeviations, parseDeviations, type DeviationsFile } from '../../deviations/index.js';
import { OptionError } from '../../options/errors.js';
import type { CaseResult } from '../../model/report.js';

/** Reads and validates an expectations file eagerly (a bad file is a one-line error with its line). */
export function loadDeviations(file: string): DeviationsFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new OptionError(`--expectations ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseDeviations(text, file);
}

/** Turns declared deviations into the run's per-case adjustment. */
export function deviationAdjuster(file: DeviationsFile, interpreters: readonly InterpreterFacts[]): (c: CaseResult) => CaseResult {
  const byPath = new Map(interpreters.map((f) => [f.path, f]));
  return (c) => {
    const facts = byPath.get(c.python);
    return facts ? applyDeviations(c, file.deviations, facts) : c;
  };
}

/** Writes a starting expectations file from the current failures, for maintainers to review. */
export function writeStartingDeviations(file: string, cases: readonly CaseResult[], interpreters: readonly InterpreterFacts[]): void {
  writeFileSync(file, formatDeviations(deviationsFromCases(cases, interpreters)));
}
