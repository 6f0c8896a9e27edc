import type { RunReport } from '../model/report.js';
import type { InterpreterFacts } from '../model/facts.js';
import type { Scenario } from '../scenario/types.js';
import type { VerdictKind } from '../model/verdict.js';
import { STDLIB_IDS } from '../contracts/libraries.js';

/** Verdicts from worst to best: a matrix cell takes the colour of its worst case. */
export const SEVERITY: readonly VerdictKind[] = ['fail', 'unexpected-pass', 'flaky', 'unspecified', 'expected-fail', 'skipped', 'pass'];

/** The worst verdict among `kinds` (null for none). */
export function worstVerdict(kinds: Iterable<VerdictKind>): VerdictKind | null {
  let best: number | null = null;
  for (const k of kinds) {
    const i = SEVERITY.indexOf(k);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : (SEVERITY[best] ?? null);
}

/** True for verdicts that get a repro file and count as CI failures. */
export function needsRepro(kind: VerdictKind): boolean {
  switch (kind) {
    case 'fail':
    case 'flaky':
    case 'unexpected-pass':
      return true;
    case 'pass':
    case 'expected-fail':
    case 'skipped':
    case 'unspecified':
      return false;
  }
}

/** The start method a scenario runs under: first `set-start-method`, else first `start` ctx, else `default`. */
export function startMethodOf(scenario: Scenario): string {
  const set = scenario.steps.find((s) => s.op === 'set-start-method');
  if (set?.op === 'set-start-method') return set.method;
  const start = scenario.steps.find((s) => s.op === 'start');
  if (start?.op === 'start') return start.ctx;
  return 'default';
}

/** `CPython 3.11.4` for a path, falling back to the bare path when the report lacks its facts. */
export function interpreterName(report: RunReport, path: string): string {
  const facts = findInterpreter(report, path);
  return facts ? `${facts.implementation === 'pypy' ? 'PyPy' : 'CPython'} ${facts.version}` : path;
}

/**
 * Which release of each library target of the run the interpreter at `path` had (`billiard 4.3.2,
 * pebble 5.2.3`; `not installed` for one it lacks), from its facts; empty for stdlib-only runs.
 */
export function libraryReleases(report: RunReport, path: string): string {
  const facts = findInterpreter(report, path);
  const libs = report.targets.filter((t) => !STDLIB_IDS.includes(t));
  if (facts === undefined || libs.length === 0) return '';
  // a library's own data-file target is not in the facts: it is named without a release
  return libs.map((t) => (t in facts.targets ? `${t} ${facts.targets[t] ?? 'not installed'}` : t)).join(', ');
}

/** The facts of the interpreter at `path`, if the report has them. */
export function findInterpreter(report: RunReport, path: string): InterpreterFacts | undefined {
  return report.interpreters.find((i) => i.path === path);
}
