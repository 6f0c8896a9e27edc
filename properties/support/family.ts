import fc from 'fast-check';
import { afterAll } from 'vitest';
import type { Scenario } from 'mpconform';
import { testOnPythons } from 'mpconform/vitest';
import { assertConforms } from './conform.js';
import { fcParams, propertyPythons } from './pythons.js';
import { FamilyStats } from './stats.js';

/**
 * Declares the oracle property of one behaviour family on every property interpreter (one test
 * each, by mpconform/vitest's testOnPythons): for any generated scenario, each process's observed
 * outcome is one the oracle accepts. Interpreters that are missing are skipped with the reason.
 * Beyond the public kit: the family's verdict and coverage counts, a repro file per failure, the
 * properties' seed, run scale and time limit.
 */
export async function familyProperty(family: string, arb: fc.Arbitrary<Scenario>, baseRuns: number, target = 'multiprocessing'): Promise<FamilyStats> {
  const pythons = await propertyPythons();
  const stats = new FamilyStats(family);
  afterAll(() => {
    console.log(stats.text());
  });
  // an unresolved value is passed as it was given: testOnPythons skips it with the reason
  testOnPythons(`${family}: observation ⊆ expectation`, async (facts) => {
    await fc.assert(
      fc.asyncProperty(arb, async (s) => {
        await assertConforms(s, facts, stats, target);
      }),
      fcParams(baseRuns),
    );
  }, { pythons: pythons.map((p) => p.facts ?? p.label) });
  return stats;
}
