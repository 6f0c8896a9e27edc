/**
 * Tests and fast-check properties declared over real interpreters: one vitest test per
 * interpreter, skipped (with the reason) where an interpreter is missing.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { which } from '../fsutil/which.js';
import { resolvePythons } from '../interpreters/resolve.js';
import type { InterpreterFacts } from '../model/facts.js';
import type { VerdictKind } from '../model/verdict.js';
import type { RunScenarioOptions } from '../run/options.js';
import { runScenario, type ScenarioResult } from '../run/scenario.js';
import type { Scenario } from '../scenario/types.js';
import { formatConformance } from './matcher.js';
import { requireVitest } from './register.js';
import { seedFromEnv } from './seed.js';

/**
 * Options of {@link testOnPythons}.
 *
 * @public
 */
export interface PythonsOptions {
  /**
   * `--python` values — PATH names, paths, versions (`3.12`, `pypy3.10`) or `all` — or facts
   * already probed (`probeInterpreter`, `resolvePythons`). Default: the
   * comma-separated `MPCONFORM_PYTHONS` environment variable, else `['python3']`.
   */
  readonly pythons?: readonly (string | InterpreterFacts)[];
  /** Per-test timeout in ms (default 300 000). */
  readonly timeout?: number;
}

/**
 * The interpreters tests run on: {@link PythonsOptions.pythons}, `MPCONFORM_PYTHONS`, or `python3`.
 *
 * @public
 */
export function pythonsFromEnv<P extends string | InterpreterFacts = string>(pythons?: readonly P[]): readonly (P | string)[] {
  if (pythons !== undefined) return pythons;
  const env = process.env['MPCONFORM_PYTHONS'];
  return env ? env.split(',').map((v) => v.trim()).filter(Boolean) : ['python3'];
}

/**
 * Why a plain PATH name or path cannot be an interpreter, known without running it (null: maybe it can).
 *
 * @public
 */
export function missingReason(value: string): string | null {
  if (value === 'all' || /^(pypy)?\d+(\.\d+){0,2}$/.test(value)) return null; // resolved by discovery, in the test
  if (value.includes('/')) return existsSync(value) ? null : `${value} does not exist`;
  return which(value) === null ? `${value} is not on PATH` : null;
}

/**
 * Declares one vitest test per interpreter value. A value that is plainly missing (not on PATH,
 * no such file) becomes a skipped test whose title says why; one that fails to resolve or probe
 * (broken, Python 2, unmatched version) is skipped at run time with the reason as the skip note.
 * `fn` runs once per resolved interpreter (`all` or a version may resolve to several).
 *
 * @public
 */
export function testOnPythons(name: string, fn: (facts: InterpreterFacts) => Promise<void> | void, options: PythonsOptions = {}): void {
  const { test } = requireVitest('testOnPythons');
  for (const entry of pythonsFromEnv(options.pythons)) {
    if (typeof entry !== 'string') {
      test(`${name} [${entry.implementation} ${entry.version} (${entry.path})]`, { timeout: options.timeout ?? 300_000 }, () => fn(entry));
      continue;
    }
    const value = entry;
    const missing = missingReason(value);
    const title = `${name} [${value}]`;
    if (missing !== null) {
      test.skip(`${title} — skipped: ${missing}`, () => {});
      continue;
    }
    test(title, { timeout: options.timeout ?? 300_000 }, async (ctx) => {
      let all: InterpreterFacts[];
      try {
        all = await resolvePythons([value]);
      } catch (e) {
        ctx.skip(`${value}: ${(e as Error).message}`);
        return;
      }
      if (all.length === 0) ctx.skip(`${value}: no usable interpreter`);
      for (const facts of all) await fn(facts);
    });
  }
}

/**
 * Options of {@link conformanceProperty}.
 *
 * @public
 */
export interface ConformancePropertyOptions extends PythonsOptions, Omit<RunScenarioOptions, 'python'> {
  /** fast-check runs per interpreter (default 20). */
  readonly numRuns?: number;
  /** fast-check seed (default: `MPCONFORM_SEED`, else random — fast-check prints it on failure). */
  readonly seed?: number;
  /** Verdicts that count as success (default: pass, expected-fail, skipped, unspecified). */
  readonly accept?: readonly VerdictKind[];
}

const DEFAULT_ACCEPT: readonly VerdictKind[] = ['pass', 'expected-fail', 'skipped', 'unspecified'];

/**
 * A failure text for a {@link ScenarioResult}: verdict, reason, the per-process table and the program.
 *
 * @public
 */
export function describeResult(r: ScenarioResult): string {
  const lines = [`verdict ${r.verdict.kind} on ${r.facts.implementation} ${r.facts.version} (${r.facts.path}), target ${r.target}`];
  if (r.verdict.reason !== null) lines.push(`reason: ${r.verdict.reason}`);
  if (r.observation !== null) lines.push(formatConformance(r.expectation, r.observation));
  if (r.program !== null) lines.push('program:', ...r.program.trimEnd().split('\n').map((l) => `  ${l}`));
  return lines.join('\n');
}

/**
 * Declares a fast-check property per interpreter: every scenario `arb` generates, run with
 * `runScenario` (target id or Dialect, declared deviations applied), must end in an accepted
 * verdict. fast-check shrinks a failure to the smallest disagreeing program and the error shows
 * its table and Python source.
 *
 * @public
 */
export function conformanceProperty(name: string, arb: fc.Arbitrary<Scenario>, options: ConformancePropertyOptions = {}): void {
  const accept = options.accept ?? DEFAULT_ACCEPT;
  // MPCONFORM_SEED: an integer, or `random` / unset for a fresh seed (fast-check prints it on failure)
  const fromEnv = seedFromEnv();
  const seed = options.seed ?? (typeof fromEnv === 'number' ? fromEnv : undefined);
  testOnPythons(name, async (facts) => {
    await fc.assert(
      fc.asyncProperty(arb, async (scenario) => {
        const r = await runScenario(scenario, { ...options, python: facts });
        if (!accept.includes(r.verdict.kind)) throw new Error(describeResult(r));
      }),
      { numRuns: options.numRuns ?? 20, ...(seed !== undefined ? { seed } : {}) },
    );
  }, options);
}
