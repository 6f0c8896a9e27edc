// Metamorphic properties: relations between two runs, checked without the oracle's expected outcomes.
// The oracle only says which labels have a determined outcome (a documented race may differ run to run).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { scenarioArb } from '../scenarios/index.js';
import { runProgram } from '../src/observe/index.js';
import { renderScenario } from '../src/render/index.js';
import type { Scenario } from '../src/scenario/types.js';
import type { InterpreterFacts } from '../src/model/facts.js';
import { fcParams, propertyPythons } from './support/pythons.js';
import { allOk, determinedLabels, forced, guarded, maxId, outcomesByLabel, renamed, restrict, usesGlobals } from './support/transform.js';
import { predict } from '../src/oracle/index.js';

const pythons = await propertyPythons();
const run = (s: Scenario, facts: InterpreterFacts) => runProgram({ python: facts, source: renderScenario(s), timeoutMs: 30_000 });

for (const p of pythons) {
  const on = `on ${p.label}${p.skip ? ` — skipped: ${p.skip}` : ''}`;
  const facts = p.facts;

  test.skipIf(facts === null)(`adding the guard around a program that works never breaks it ${on}`, async () => {
    if (!facts) return;
    await fc.assert(
      fc.asyncProperty(scenarioArb(), async (s) => {
        // Module globals are the documented exception: guarding a global's creation hides it from spawn children.
        fc.pre(!usesGlobals(s));
        const before = await run(s, facts);
        fc.pre(allOk(before));
        const after = await run(guarded(s), facts);
        const determined = determinedLabels(predict(guarded(s), facts));
        expect(after.end.kind).not.toBe('hang');
        expect(restrict(outcomesByLabel(after), determined)).toEqual(restrict(outcomesByLabel(before), determined));
      }),
      fcParams(8),
    );
  });

  test.skipIf(facts === null)(`force=True never raises "context has already been set" ${on}`, async () => {
    if (!facts) return;
    await fc.assert(
      fc.asyncProperty(scenarioArb(), async (s) => {
        const o = await run(forced(s), facts);
        expect(o.processes.filter((x) => x.outcome === 'context-already-set').map((x) => x.label)).toEqual([]);
      }),
      fcParams(8),
    );
  });

  test.skipIf(facts === null)(`renaming identifiers changes no outcome ${on}`, async () => {
    if (!facts) return;
    await fc.assert(
      fc.asyncProperty(scenarioArb(), fc.integer({ min: 1, max: 7 }), async (s, k) => {
        fc.pre(maxId(s) + k <= 31);
        const [a, b] = await Promise.all([run(s, facts), run(renamed(s, k), facts)]);
        const determined = determinedLabels(predict(s, facts));
        expect(restrict(outcomesByLabel(b, k), determined)).toEqual(restrict(outcomesByLabel(a), determined));
      }),
      fcParams(6),
    );
  });

  test.skipIf(facts === null)(`the same scenario run twice gives the same outcomes ${on}`, async () => {
    if (!facts) return;
    await fc.assert(
      fc.asyncProperty(scenarioArb(), async (s) => {
        const [a, b] = await Promise.all([run(s, facts), run(s, facts)]);
        const determined = determinedLabels(predict(s, facts));
        expect(restrict(outcomesByLabel(b), determined)).toEqual(restrict(outcomesByLabel(a), determined));
      }),
      fcParams(6),
    );
  });
}
