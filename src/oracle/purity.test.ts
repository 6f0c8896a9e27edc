import { describe, expect, it } from 'vitest';
import { allRules, rulesById } from './rules/index.js';
import { predict } from './predict.js';
import { facts, scenario, start } from '../../test/support/oracle-kit.js';

describe('oracle purity and registry', () => {
  it('same inputs give deep-equal outputs and inputs are not mutated', () => {
    const s = scenario({ op: 'set-start-method', at: 'top', method: 'spawn', force: false }, { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' }, start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }], grandchild: 'fork' }));
    const copy = structuredClone(s);
    const f = facts('3.11.2');
    expect(predict(s, f)).toEqual(predict(s, f));
    expect(s).toEqual(copy);
  });
  it('rule ids are unique, every range is well-formed, every rule has a source', () => {
    expect(rulesById.size).toBe(allRules.length);
    for (const r of allRules) {
      expect(r.source.length).toBeGreaterThan(0);
      for (const v of r.versions) expect(v.from).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
  it('every rule an expectation cites exists', () => {
    const e = predict(scenario(start(0, { at: 'top', ctx: 'spawn', worker: 'pool-map' })), facts('3.10.13'));
    for (const id of e.rules) expect(rulesById.has(id)).toBe(true);
  });
  it('known targets are held to the stdlib outcomes; unknown ones are unspecified', () => {
    const s = scenario(start(0));
    const stdlib = predict(s, facts('3.11.2'));
    const pebble = predict(s, facts('3.11.2'), 'pebble');
    expect(pebble.processes).toEqual(stdlib.processes);
    expect(pebble.rules).toContain('target.held-to-stdlib');
    const unknown = predict(s, facts('3.11.2'), 'some-pool');
    expect(unknown.processes.every((p) => p.kind === 'unspecified')).toBe(true);
  });
});
