import fc from 'fast-check';
import type { Scenario } from '../scenario/types.js';
import type { CaseSpec, Family } from './family.js';
import { deriveSeed } from './seed.js';

/**
 * The deterministic case list of a family: the first `runs` values fast-check's runner generates
 * for the family seed. Using the runner itself (not `fc.sample`) means case k replays as path `k`,
 * which is what shrinking a failure later starts from.
 */
export function generateFamily(family: Family, seed: number, runs: number): CaseSpec[] {
  const familySeed = deriveSeed(seed, family.name);
  if (family.kind === 'fixed') {
    return family.scenarios.map((scenario, index) => ({ family: family.name, index, seed: familySeed, scenario, shrinkable: false }));
  }
  const scenarios: Scenario[] = [];
  fc.check(
    fc.property(family.arb, (s) => {
      scenarios.push(s);
      return true;
    }),
    { seed: familySeed, numRuns: runs },
  );
  return scenarios.map((scenario, index) => ({ family: family.name, index, seed: familySeed, scenario, shrinkable: true }));
}
