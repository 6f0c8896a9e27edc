import fc from 'fast-check';
import { afterAll, test } from 'vitest';
import type { Scenario } from '../../src/scenario/types.js';
import { assertConforms } from './conform.js';
import { fcParams, propertyPythons } from './pythons.js';
import { FamilyStats } from './stats.js';

/**
 * Declares the oracle property of one behaviour family on every property interpreter:
 * for any generated scenario, each process's observed outcome is one the oracle accepts.
 * Interpreters that are missing appear as skipped tests whose name carries the reason.
 */
export async function familyProperty(family: string, arb: fc.Arbitrary<Scenario>, baseRuns: number, target = 'multiprocessing'): Promise<FamilyStats> {
  const pythons = await propertyPythons();
  const stats = new FamilyStats(family);
  afterAll(() => {
    console.log(stats.text());
  });
  for (const p of pythons) {
    const name = `${family}: observation ⊆ expectation on ${p.label}${p.skip ? ` — skipped: ${p.skip}` : ''}`;
    test.skipIf(p.facts === null)(name, async () => {
      const facts = p.facts;
      if (facts === null) return;
      await fc.assert(
        fc.asyncProperty(arb, async (s) => {
          await assertConforms(s, facts, stats, target);
        }),
        fcParams(baseRuns),
      );
    });
  }
  return stats;
}
