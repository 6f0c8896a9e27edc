/**
 * The one way tests pick interpreters: interpreter discovery (pyenv, uv, the CPython builds,
 * PATH; src/interpreters/discover.ts), or — when set — the comma-separated `MPCONFORM_PYTHONS`
 * (`--python` values: paths, PATH names, versions, `all`), resolved the way `mpconform run`
 * resolves them. A test asks for a kind of interpreter and skips, with the reason, when none is
 * there. Resolved once per test file, as it loads.
 */
import { discoverInterpreters } from '../../src/interpreters/discover.js';
import { resolvePythons } from '../../src/interpreters/resolve.js';
import type { InterpreterFacts } from '../../src/model/facts.js';

async function pool(): Promise<readonly InterpreterFacts[]> {
  const values = (process.env['MPCONFORM_PYTHONS'] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  if (values.length > 0) return resolvePythons(values);
  return (await discoverInterpreters()).flatMap((d) => (d.status === 'ok' ? [d.facts] : []));
}

/** Every usable test interpreter, in discovery order (pyenv first, then builds, then PATH). */
export const TEST_PYTHONS: readonly InterpreterFacts[] = await pool();

/**
 * The facts of the first test interpreter of a kind: a CPython version prefix (`3.12`, `3.11.2`),
 * `pypy`, or `debian` (the system CPython found on PATH, `/usr/bin/python3`); null when none.
 */
export function pythonFacts(kind: string): InterpreterFacts | null {
  const match = (f: InterpreterFacts): boolean => {
    if (kind === 'pypy') return f.implementation === 'pypy';
    if (kind === 'debian') return f.implementation === 'cpython' && f.source === 'path' && f.path.startsWith('/usr/bin/');
    return f.implementation === 'cpython' && (f.version === kind || f.version.startsWith(`${kind}.`));
  };
  return TEST_PYTHONS.find(match) ?? null;
}

/** The path of the first test interpreter of a kind ({@link pythonFacts}), or null. */
export function python(kind: string): string | null {
  return pythonFacts(kind)?.path ?? null;
}

/** The given kinds that have an interpreter (`[kind, path]`), and those that do not. */
export function available(kinds: readonly string[]): { present: [string, string][]; missing: string[] } {
  const present: [string, string][] = [];
  const missing: string[] = [];
  for (const k of kinds) {
    const p = python(k);
    if (p === null) missing.push(k);
    else present.push([k, p]);
  }
  return { present, missing };
}

/** A test interpreter with the label test titles show. */
export interface LabelledPython {
  readonly label: string;
  readonly facts: InterpreterFacts;
}

/** The interpreters of the given kinds that are present (each once, in the order asked), labelled for titles. */
export function pythonsOf(kinds: readonly string[]): LabelledPython[] {
  const out: LabelledPython[] = [];
  for (const k of kinds) {
    const f = pythonFacts(k);
    if (f !== null && !out.some((p) => p.facts.executable === f.executable)) out.push({ label: `${f.implementation} ${f.version} (${f.path})`, facts: f });
  }
  return out;
}
