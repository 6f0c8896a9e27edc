import type { InterpreterFacts } from '../../src/model/facts.js';
import { resolvePythons } from 'mpconform';
import { pythonsFromEnv, seedFromEnv } from 'mpconform/vitest';

/** An interpreter a property runs on, or the visible reason it is skipped. */
export interface PropertyPython {
  readonly label: string;
  readonly facts: InterpreterFacts | null;
  readonly skip: string | null;
}

/** The properties' interpreters when `MPCONFORM_PYTHONS` is unset: both sides of 3.11.5, where the fork-context SemLock check arrived. */
export const DEFAULT_PROPERTY_PYTHONS: readonly string[] = ['python3', '3.10', '3.12'];

/**
 * The interpreters properties run on: `MPCONFORM_PYTHONS` (comma-separated `--python` values:
 * `all`, versions, paths; read by mpconform/vitest) or, by default, {@link DEFAULT_PROPERTY_PYTHONS}.
 * Resolved up front, so `all` becomes one test per interpreter and an interpreter reached by two
 * values (python3 and 3.12) runs once. A value that does not resolve becomes a skipped entry with
 * its reason, so a plain machine still passes.
 */
export async function propertyPythons(): Promise<PropertyPython[]> {
  const values = process.env['MPCONFORM_PYTHONS'] ? pythonsFromEnv() : DEFAULT_PROPERTY_PYTHONS;
  const out: PropertyPython[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    try {
      for (const facts of await resolvePythons([value])) {
        if (seen.has(facts.executable)) continue;
        seen.add(facts.executable);
        out.push({ label: `${facts.implementation} ${facts.version} (${facts.path})`, facts, skip: null });
      }
    } catch (e) {
      out.push({ label: value, facts: null, skip: (e as Error).message });
    }
  }
  return out;
}

/** Scales a base run count by `MPCONFORM_RUNS_SCALE` (default 1), e.g. 10 in nightly CI. */
export function runs(base: number): number {
  const scale = Number(process.env['MPCONFORM_RUNS_SCALE'] ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** The properties' default seed: `npm test` is reproducible; `MPCONFORM_SEED=random` explores. */
export const DEFAULT_SEED = 20261123;

/** The seed properties use: `MPCONFORM_SEED` (a number, or `random` for a fresh one each run), else the default. */
export function propertySeed(): number | undefined {
  const seed = seedFromEnv();
  return seed === 'random' ? undefined : (seed ?? DEFAULT_SEED);
}

/** fast-check parameters: the property seed (printed with any counterexample) and a time limit below vitest's. */
export function fcParams(numRuns: number): { numRuns: number; seed?: number; interruptAfterTimeLimit: number; markInterruptAsFailure: boolean } {
  const seed = propertySeed();
  return {
    numRuns: runs(numRuns),
    ...(seed !== undefined ? { seed } : {}),
    // fast-check, not vitest, must end a long run, so the seed and counterexample are printed.
    interruptAfterTimeLimit: 200_000,
    markInterruptAsFailure: false,
  };
}
