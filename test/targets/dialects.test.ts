/** What each extra dialect supports, lacks (with a reason) and how it spells things (pure). */
import { describe, expect, it } from 'vitest';
import { renderScenario, UnsupportedScenarioError } from '../../src/render/index.js';
import { EXTRA_DIALECTS, extraDialect } from '../../src/targets/extra.js';
import type { Scenario } from '../../src/scenario/types.js';
import { start } from './run-helper.js';

const pool: Scenario = { version: 1, steps: [start({ worker: 'pool-map' })] };
const executor: Scenario = { version: 1, steps: [start({ worker: 'executor-submit' })] };
const proc: Scenario = { version: 1, steps: [start({})] };
const shm: Scenario = { version: 1, steps: [{ op: 'create', at: 'main', id: 0, kind: 'SharedMemory', ctx: 'default' }, start({ ctx: 'fork', pass: [{ obj: 0, via: 'process-arg' }], action: 'use' })] };

describe('extra dialects', () => {
  it('have the listed ids', () => {
    expect(EXTRA_DIALECTS.map((d) => d.id)).toEqual(['concurrent.futures', 'multiprocess', 'billiard', 'pebble', 'loky', 'mpire']);
    expect(extraDialect('nope')).toBeUndefined();
  });

  it.each([
    ['concurrent.futures', pool, /multiprocessing\.Pool/],
    ['multiprocess', executor, /no ProcessPoolExecutor/],
    ['billiard', executor, /no ProcessPoolExecutor/],
    ['billiard', shm, /no shared_memory/],
    ['pebble', executor, /no ProcessPoolExecutor/],
    ['loky', pool, /no Pool/],
    ['loky', proc, /no public Process/],
  ] as const)('%s declares a lacking feature with a reason', (id, scenario, reason) => {
    const d = extraDialect(id);
    expect(d?.unsupported(scenario)).toMatch(reason);
    expect(() => renderScenario(scenario, d)).toThrow(UnsupportedScenarioError);
  });

  it.each([
    ['concurrent.futures', executor], ['multiprocess', pool], ['billiard', pool], ['pebble', pool], ['pebble', proc], ['loky', executor],
    ['multiprocess', shm], ['pebble', shm],
  ] as const)('%s supports a scenario', (id, scenario) => {
    expect(extraDialect(id)?.unsupported(scenario)).toBeNull();
  });

  it('declares shared_memory unsupported before 3.8', () => {
    expect(extraDialect('multiprocess')?.unsupported(shm, { implementation: 'cpython', version: '3.7.17', platform: 'linux' })).toMatch(/3\.8/);
  });

  it('spells imports and pools per library', () => {
    expect(renderScenario(pool, extraDialect('billiard'))).toContain('import billiard as mp');
    expect(renderScenario(pool, extraDialect('multiprocess'))).toContain('import multiprocess as mp');
    const peb = renderScenario(pool, extraDialect('pebble'));
    expect(peb).toContain('functools.partial(MpcPebblePool, ctx_spawn)(2)');
    expect(peb).toContain('pebble.ProcessPool(max_workers=workers');
    const loky = renderScenario(executor, extraDialect('loky'));
    expect(loky).toContain("ctx_spawn = loky_context.get_context('spawn')");
    expect(loky).toContain('loky.ProcessPoolExecutor(max_workers=2, context=ctx_spawn)');
  });
});
