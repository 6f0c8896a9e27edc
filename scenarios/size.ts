/**
 * A size measure of scenarios: what shrinking must never increase.
 */
import type { Scenario } from '../src/scenario/types.js';

/** Processes a scenario starts directly: 1 per Process (+1 with a grandchild), 2 per pool/executor. */
export function processCount(scenario: Scenario): number {
  let n = 0;
  for (const s of scenario.steps) {
    if (s.op !== 'start') continue;
    n += s.worker === 'process' ? (s.grandchild === null ? 1 : 2) : 2;
  }
  return n;
}

/** Steps plus processes: non-increasing along every shrink of the scenario arbitraries. */
export function scenarioSize(scenario: Scenario): number {
  return scenario.steps.length + processCount(scenario);
}
