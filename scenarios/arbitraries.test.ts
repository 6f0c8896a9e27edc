import fc from 'fast-check';
// pure-rand is fast-check's own generator dependency: used to drive arb.generate/arb.shrink directly.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/validate.js';
import type { Scenario } from '../src/scenario/types.js';
import {
  contextSetOnceArb, corpus, coverageGate, crossContextSemLockArb, defaultsArb, globalsArb, guardArb,
  inheritanceOnlyArb, picklabilityArb, processCount, scenarioArb, scenarioSize, tallyCoverage,
} from './index.js';

const ARBS: [string, () => fc.Arbitrary<Scenario>][] = [
  ['scenarioArb', () => scenarioArb()],
  ['contextSetOnceArb', () => contextSetOnceArb()],
  ['guardArb', () => guardArb()],
  ['crossContextSemLockArb', () => crossContextSemLockArb()],
  ['inheritanceOnlyArb', () => inheritanceOnlyArb()],
  ['globalsArb', () => globalsArb()],
  ['picklabilityArb', () => picklabilityArb()],
  ['defaultsArb', () => defaultsArb()],
];

const starts = (s: Scenario) => s.steps.filter((st) => st.op === 'start');

describe.each(ARBS)('%s', (_name, make) => {
  it('gives the same scenarios for the same seed', () => {
    expect(fc.sample(make(), { seed: 42, numRuns: 50 })).toEqual(fc.sample(make(), { seed: 42, numRuns: 50 }));
  });

  it('generates only valid, small scenarios that round-trip through JSON', () => {
    fc.assert(fc.property(make(), (s) => {
      expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
      expect(processCount(s)).toBeLessThanOrEqual(4);
    }), { seed: 11, numRuns: 300 });
  });

  it('never grows along shrinks (steps + processes), down to a minimal scenario', () => {
    const arb = make();
    for (let seed = 0; seed < 40; seed++) {
      const value = arb.generate(new fc.Random(xoroshiro128plus(seed)), undefined);
      const size = scenarioSize(value.value);
      for (const c of arb.shrink(value.value, value.context).take(60)) {
        expect(scenarioSize(c.value)).toBeLessThanOrEqual(size);
        parseScenario(c.value);
      }
    }
    // An always-failing property walks the first-candidate path to the end.
    const path: Scenario[] = [];
    fc.check(fc.property(arb, (s) => { path.push(s); return false; }), { seed: 5, numRuns: 1 });
    for (let i = 1; i < path.length; i++) expect(scenarioSize(path[i] as Scenario)).toBeLessThanOrEqual(scenarioSize(path[i - 1] as Scenario));
    const last = path[path.length - 1] as Scenario;
    expect(last.steps.every((st) => st.at === 'main')).toBe(true);
  });
});

describe('scenarioArb shrinking', () => {
  it('strictly shrinks on the first shrink of any scenario with more than one step', () => {
    const arb = scenarioArb();
    let checked = 0;
    for (let seed = 0; seed < 200; seed++) {
      const value = arb.generate(new fc.Random(xoroshiro128plus(seed)), undefined);
      if (value.value.steps.length <= 1) continue;
      checked++;
      const [first] = arb.shrink(value.value, value.context).take(1);
      expect(first).toBeDefined();
      expect(scenarioSize(first!.value)).toBeLessThan(scenarioSize(value.value));
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('shrinks to the simplest scenario: one guarded default-context Process using nothing', () => {
    const out = fc.check(fc.property(scenarioArb(), () => false), { seed: 9, numRuns: 1 });
    expect(out.counterexample?.[0]).toEqual({
      version: 1,
      steps: [{ op: 'start', at: 'main', id: 0, worker: 'process', ctx: 'default', pass: [], action: 'use', target: 'function', grandchild: null }],
    });
  });
});

describe('focused arbitraries stay in their family', () => {
  const sample = (arb: fc.Arbitrary<Scenario>) => fc.sample(arb, { seed: 3, numRuns: 200 });
  it('contextSetOnceArb: start-method calls under the guard, default-context workers only', () => {
    for (const s of sample(contextSetOnceArb())) {
      expect(s.steps.every((st) => st.at === 'main')).toBe(true);
      expect(starts(s).every((st) => st.ctx === 'default' && st.worker === 'process')).toBe(true);
    }
  });
  it('guardArb: always chooses a start method', () => {
    for (const s of sample(guardArb())) {
      expect(s.steps.some((st) => st.op === 'set-start-method' || (st.op === 'start' && st.ctx !== 'default'))).toBe(true);
    }
  });
  it('crossContextSemLockArb: a SemLock object inherited by a worker', () => {
    for (const s of sample(crossContextSemLockArb())) {
      const [w] = starts(s);
      expect(w?.pass.length).toBe(1);
      expect(w?.pass[0]?.via).toMatch(/^(process-arg|initargs)$/);
    }
  });
  it('inheritanceOnlyArb: objects to a pool or executor', () => {
    for (const s of sample(inheritanceOnlyArb())) {
      const [w] = starts(s);
      expect(w?.worker).not.toBe('process');
      expect(w?.pass.length).toBeGreaterThan(0);
    }
  });
  it('globalsArb: G changed before a worker reads it', () => {
    for (const s of sample(globalsArb())) {
      expect(s.steps[0]?.op).toBe('set-global');
      expect(starts(s).every((st) => st.action === 'read-global')).toBe(true);
    }
  });
  it('picklabilityArb: lambda or guarded-function targets', () => {
    for (const s of sample(picklabilityArb())) expect(starts(s).every((st) => st.target !== 'function')).toBe(true);
  });
  it('defaultsArb: no start method chosen anywhere', () => {
    for (const s of sample(defaultsArb())) {
      expect(s.steps.every((st) => st.op !== 'set-start-method')).toBe(true);
      expect(starts(s).every((st) => st.ctx === 'default')).toBe(true);
    }
  });
});

describe('coverage', () => {
  it('scenarioArb reaches every required cell in 1000 runs', () => {
    const counts = tallyCoverage(fc.sample(scenarioArb(), { seed: 2024, numRuns: 1000 }));
    expect(coverageGate(counts)).toEqual([]);
  });
  it('the gate names the cells a narrowed generator misses', () => {
    const counts = tallyCoverage(fc.sample(scenarioArb({ space: { placements: ['main'] } }), { seed: 1, numRuns: 200 }));
    const missing = coverageGate(counts, 200).map((m) => m.cell);
    expect(missing).toContain('guard:top');
    expect(missing).toContain('guard:partial');
    expect(missing).not.toContain('guard:main');
  });
});

describe('corpus', () => {
  it('holds 15-64 valid, uniquely named entries with one-line descriptions and sources', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    expect(corpus.length).toBeLessThanOrEqual(64);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
    for (const c of corpus) {
      expect(parseScenario(c.scenario)).toEqual(c.scenario);
      expect(c.scenario.name).toBe(c.name);
      expect(c.description).not.toMatch(/\n/);
      expect(c.source.length).toBeGreaterThan(0);
    }
  });
});
