import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus, scenarioArb } from '../../scenarios/index.js';
import { CHANNELS, CHILD_ACTIONS, CONTEXT_REFS, OBJECT_KINDS, PLACEMENTS, TARGET_FORMS, WORKER_KINDS } from './types.js';
import { E_SCENARIO_INVALID, ScenarioValidationError, parseScenario } from './validate.js';

const lock = { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' };
const proc = { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }], action: 'use', target: 'function', grandchild: null };
const ok = { version: 1, name: 'fork-lock', steps: [lock, proc] };

function rejection(json: unknown): ScenarioValidationError {
  try {
    parseScenario(json);
  } catch (e) {
    if (e instanceof ScenarioValidationError) return e;
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(json)}`);
}

const ENUM_VALUES = new Set<string>([
  ...PLACEMENTS, ...CONTEXT_REFS, ...OBJECT_KINDS, ...CHANNELS, ...WORKER_KINDS, ...CHILD_ACTIONS, ...TARGET_FORMS,
  'set-start-method', 'get-start-method', 'create', 'start', 'get-context-unknown', 'context-set-start-method', 'set-global',
]);
const HOSTILE = [
  "__import__('os').system('id')", "spawn'); import os; os.system('id') #", 'spawn\n', "main'", '"', "'", '\\',
  'fork\u2028', 'x\r\ny', '', ' spawn', 'SPAWN', '${G}', '\u0000', 'o1; import os', 'a'.repeat(10_000), '__proto__', 'constructor',
];

describe('parseScenario', () => {
  it('accepts a valid scenario and returns an equal copy', () => {
    expect(parseScenario(ok)).toEqual(ok);
    expect(parseScenario(ok)).not.toBe(ok);
  });

  it('accepts every corpus entry', () => {
    for (const c of corpus) expect(parseScenario(JSON.parse(JSON.stringify(c.scenario)))).toEqual(c.scenario);
  });

  it.each([
    ['extra top-level key', { ...ok, extra: 1 }, '$.extra'],
    ['bad version', { ...ok, version: 2 }, '$.version'],
    ['bad name', { ...ok, name: 'Bad Name' }, '$.name'],
    ['extra step key', { ...ok, steps: [{ ...lock, note: 'x' }, proc] }, '$.steps[0].note'],
    ['unknown op', { ...ok, steps: [{ ...lock, op: 'exec' }] }, '$.steps[0].op'],
    ['unknown ctx', { ...ok, steps: [{ ...lock, ctx: 'nope' }, proc] }, '$.steps[0].ctx'],
    ['id out of range', { ...ok, steps: [{ ...lock, id: 32 }] }, '$.steps[0].id'],
    ['non-integer id', { ...ok, steps: [{ ...lock, id: 1.5 }] }, '$.steps[0].id'],
    ['duplicate id', { ...ok, steps: [lock, { ...proc, id: 0 }] }, '$.steps[1].id'],
    ['reference to a later object', { ...ok, steps: [proc, { ...lock, id: 0 }] }, '$.steps[0].pass[0].obj'],
    ['reference to a worker id', { ...ok, steps: [lock, proc, { ...proc, id: 2, pass: [{ obj: 1, via: 'process-arg' }] }] }, '$.steps[2].pass[0].obj'],
    ['object passed twice', { ...ok, steps: [lock, { ...proc, pass: [{ obj: 0, via: 'process-arg' }, { obj: 0, via: 'global' }] }] }, '$.steps[1].pass[1].obj'],
    ['top after main', { ...ok, steps: [lock, { ...proc, at: 'top' }] }, '$.steps[1].at'],
    ['task-arg to a Process', { ...ok, steps: [lock, { ...proc, pass: [{ obj: 0, via: 'task-arg' }] }] }, '$.steps[1].pass[0].via'],
    ['initargs to a Process', { ...ok, steps: [lock, { ...proc, pass: [{ obj: 0, via: 'initargs' }] }] }, '$.steps[1].pass[0].via'],
    ['process-arg to a pool', { ...ok, steps: [lock, { ...proc, worker: 'pool-map' }] }, '$.steps[1].pass[0].via'],
    ['two pool-like steps', { ...ok, steps: [{ ...proc, id: 1, pass: [], worker: 'pool-map' }, { ...proc, id: 2, pass: [], worker: 'executor-submit' }] }, '$.steps[1].worker'],
    ['grandchild on a pool', { ...ok, steps: [{ ...proc, pass: [], worker: 'pool-apply_async', grandchild: 'fork' }] }, '$.steps[0].grandchild'],
    ['guarded-function at top', { ...ok, steps: [{ ...proc, at: 'top', pass: [], target: 'guarded-function' }] }, '$.steps[0].target'],
    ['two task-args to map', {
      ...ok,
      steps: [lock, { ...lock, id: 2 }, { ...proc, worker: 'executor-map', pass: [{ obj: 0, via: 'task-arg' }, { obj: 2, via: 'task-arg' }] }],
    }, '$.steps[2].pass[1].via'],
    ['missing key', { ...ok, steps: [{ op: 'set-start-method', at: 'main', method: 'spawn' }] }, '$.steps[0].force'],
    ['string boolean', { ...ok, steps: [{ op: 'set-start-method', at: 'main', method: 'spawn', force: 'true' }] }, '$.steps[0].force'],
    ['context-set-start-method on default', { ...ok, steps: [{ op: 'context-set-start-method', at: 'main', ctx: 'default' }] }, '$.steps[0].ctx'],
    ['steps not an array', { ...ok, steps: {} }, '$.steps'],
    ['not an object', [ok], '$'],
  ])('rejects %s with a one-line message naming %s', (_label, json, path) => {
    const e = rejection(json);
    expect(e.code).toBe(E_SCENARIO_INVALID);
    expect(e.path).toBe(path);
    expect(e.message).toContain(`at ${path}: expected `);
    expect(e.message).toContain(', received ');
    expect(e.message).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it('rejects hostile strings in every string position and key of generated scenarios', () => {
    const positions = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
      if (typeof value === 'string') return [path];
      if (Array.isArray(value)) return value.flatMap((v, i) => positions(v, [...path, i]));
      if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => positions(v, [...path, k]));
      return [];
    };
    const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary' }).filter((s) => !ENUM_VALUES.has(s)));
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), hostile, fc.boolean(), (scenario, pick, evil, asKey) => {
        const json = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
        const all = positions(json);
        fc.pre(all.length > 0);
        const path = all[pick % all.length] as (string | number)[];
        let parent: Record<string | number, unknown> = json;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        // defineProperty so that a `__proto__` key becomes an own key, as JSON.parse makes it.
        if (asKey && typeof last === 'string') Object.defineProperty(parent, evil === last ? `${evil}x` : evil, { value: parent[last], enumerable: true, configurable: true, writable: true });
        else parent[last] = evil;
        const e = rejection(json);
        expect(e.message).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(e.message.length).toBeLessThan(400);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('rejects hostile names and numbers given as strings', () => {
    for (const evil of HOSTILE.filter((h) => !/^[a-z0-9][a-z0-9-]*$/.test(h))) expect(rejection({ ...ok, name: evil }).path).toBe('$.name');
    expect(rejection({ ...ok, steps: [{ ...lock, id: '0' }] }).path).toBe('$.steps[0].id');
    expect(rejection(JSON.parse('{"version":1,"steps":[],"__proto__":{"x":1}}')).path).toBe('$["__proto__"]');
  });
});
