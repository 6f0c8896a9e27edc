// The general property (any generated scenario: observation ⊆ expectation, per process) and the
// coverage gate on the generated space (start method × guard × object kind × channel × worker).
import { expect, test } from 'vitest';
import { coverageGate, scenarioArb, tallyCoverage } from '../scenarios/index.js';
import { generateFamily } from '../src/run/cases.js';
import { familyProperty } from './support/family.js';
import { DEFAULT_SEED, propertySeed } from './support/pythons.js';

await familyProperty('general', scenarioArb(), 15);

test('coverage gate: 1,000 generated scenarios reach every required cell', () => {
  const seed = propertySeed() ?? DEFAULT_SEED;
  const specs = generateFamily({ name: 'general', summary: '', kind: 'generated', arb: scenarioArb() }, seed, 1000);
  const counts = tallyCoverage(specs.map((s) => s.scenario));
  const cells = Object.entries(counts).filter(([k]) => !k.startsWith('cell:')).sort(([a], [b]) => a.localeCompare(b));
  console.log(`[general] coverage over 1000 generated scenarios (seed ${seed}):\n${cells.map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
  expect(coverageGate(counts, 1000)).toEqual([]);
});
