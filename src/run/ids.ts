import type { InterpreterFacts } from '../model/facts.js';

/** Short, unique labels per interpreter (`3.12.1`, `pypy3.9.16`, `3.11.2~2` for a second 3.11.2). */
export function interpreterLabels(interpreters: readonly InterpreterFacts[]): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Map<string, number>();
  for (const facts of interpreters) {
    const base = `${facts.implementation === 'pypy' ? 'pypy' : ''}${facts.version}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    labels.set(facts.path, n === 1 ? base : `${base}~${n}`);
  }
  return labels;
}

/** The stable case id: `<family>-<index>@<interpreter label>/<target>`. */
export function caseId(family: string, index: number, label: string, target: string): string {
  return `${family}-${index}@${label}/${target}`;
}
