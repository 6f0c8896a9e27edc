import { coverageGate, tallyCoverage, type CoverageShortfall } from '../../../scenarios/index.js';
import { generateFamily } from '../../run/cases.js';
import type { Family } from '../../run/family.js';

/** Below this many general scenarios, sampling noise makes a coverage shortfall meaningless. */
export const GATE_MIN_RUNS = 200;

/** The coverage gate's answer for a run. */
export type GateResult =
  | { readonly kind: 'passed'; readonly runs: number }
  | { readonly kind: 'failed'; readonly runs: number; readonly shortfall: readonly CoverageShortfall[] }
  | { readonly kind: 'not-judged'; readonly reason: string };

/**
 * Checks that the general family's scenarios reached every required cell (scenarios/coverage.ts)
 * often enough. Judged on the generated scenarios themselves, so it costs no interpreter run.
 */
export function checkCoverage(families: readonly Family[], seed: number, runs: number): GateResult {
  const general = families.find((f) => f.name === 'general');
  if (!general) return { kind: 'not-judged', reason: 'the general family was not selected' };
  if (runs < GATE_MIN_RUNS) return { kind: 'not-judged', reason: `--runs ${runs} is below ${GATE_MIN_RUNS}` };
  const counts = tallyCoverage(generateFamily(general, seed, runs).map((s) => s.scenario));
  const shortfall = coverageGate(counts, runs);
  return shortfall.length === 0 ? { kind: 'passed', runs } : { kind: 'failed', runs, shortfall };
}
