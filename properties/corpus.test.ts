// The curated corpus: the docs' and tutorials' shapes (their mistakes included), each a fixed case.
import { afterAll, test } from 'vitest';
import { corpus } from '../scenarios/index.js';
import { assertConforms } from './support/conform.js';
import { propertyPythons } from './support/pythons.js';
import { FamilyStats } from './support/stats.js';

const pythons = await propertyPythons();
const stats = new FamilyStats('corpus');
afterAll(() => {
  console.log(stats.text());
});

for (const p of pythons) {
  for (const entry of corpus) {
    test.skipIf(p.facts === null)(`corpus ${entry.name} on ${p.label}${p.skip ? ` — skipped: ${p.skip}` : ''}`, async () => {
      if (p.facts) await assertConforms(entry.scenario, p.facts, stats);
    });
  }
}
