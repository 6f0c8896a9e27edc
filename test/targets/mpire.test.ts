/** The mpire dialect (src/targets/mpire.ts): rendered, and run on a per-interpreter environment that has mpire. */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/observe/index.js';
import { renderScenario } from '../../src/render/index.js';
import { mpireDialect } from '../../src/targets/mpire.js';
import { dialectFor } from '../../src/targets/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { readEnvironments } from '../../src/interpreters/environments.js';
import { start } from './run-helper.js';

const env = readEnvironments().find((e) => e.name.startsWith('cpython-3.12') && e.libraries['mpire'] !== null && e.libraries['mpire'] !== undefined);
const T = 60_000;

describe('mpire dialect', () => {
  it('is reached through the library list', () => {
    expect(dialectFor('mpire')).toBe(mpireDialect);
  });
  it('renders WorkerPool through the adapter, with objects and contexts from multiprocessing', () => {
    const s: Scenario = { version: 1, steps: [{ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'spawn' }, start({ worker: 'pool-map', ctx: 'spawn', pass: [{ obj: 0, via: 'task-arg' }], action: 'use' })] };
    const src = renderScenario(s, mpireDialect);
    expect(src).toContain('import mpire');
    expect(src).toContain('self.pool = mpire.WorkerPool(n_jobs=workers, **kw)');
    expect(src).toContain('with functools.partial(MpcMpirePool, ctx_spawn)(2) as pool1:');
    expect(src).toContain("ctx_spawn = mp.get_context('spawn')");
  });
  it('declares what it lacks: Process, executors, initargs', () => {
    expect(mpireDialect.unsupported({ version: 1, steps: [start({})] })).toMatch(/^mpire: has no Process API/);
    expect(mpireDialect.unsupported({ version: 1, steps: [start({ worker: 'executor-map' })] })).toMatch(/^mpire: has no ProcessPoolExecutor/);
    expect(mpireDialect.unsupported({ version: 1, steps: [{ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' }, start({ worker: 'pool-map', ctx: 'fork', pass: [{ obj: 0, via: 'initargs' }], action: 'use' })] }))
      .toMatch(/^mpire: WorkerPool takes no initializer/);
  });
});

describe.skipIf(env === undefined)(`mpire on a real interpreter${env === undefined ? ' (skipped: no cpython-3.12 environment with mpire in the manifest; run scripts/setup-targets.sh)' : ` (${env.name}, mpire ${env.libraries['mpire']})`}`, () => {
  const run = (s: Scenario) => runProgram({ python: env!.python, source: renderScenario(s, mpireDialect), timeoutMs: 30_000 });
  it("uses its own default start method (fork) whatever the stdlib's default, and a context's method when given one", { timeout: T }, async () => {
    const [dflt, afterSet, spawn] = await Promise.all([
      run({ version: 1, steps: [start({ worker: 'pool-map', ctx: 'default' })] }),
      run({ version: 1, steps: [{ op: 'set-start-method', at: 'main', method: 'spawn', force: false }, start({ worker: 'pool-map', ctx: 'default' })] }),
      run({ version: 1, steps: [start({ worker: 'pool-starmap', ctx: 'spawn' })] }),
    ]);
    expect(dflt.notes).toMatchObject({ 'w1.method': 'fork', 'w1.result': '[1, 1]' });
    // mpire/context.py: DEFAULT_START_METHOD = 'fork' if FORK_AVAILABLE else 'spawn' — set_start_method does not reach it
    expect(afterSet.notes).toMatchObject({ 'w1.method': 'fork', 'w1.result': '[1, 1]' });
    expect(spawn.notes).toMatchObject({ 'w1.method': 'spawn', 'w1.result': '[1, 1]' });
    for (const o of [dflt, afterSet, spawn]) expect(o.end).toEqual({ kind: 'exited', code: 0 });
  });
  it('runs apply_async with a Manager dict', { timeout: T }, async () => {
    const o = await run({ version: 1, steps: [{ op: 'create', at: 'main', id: 0, kind: 'ManagerDict', ctx: 'fork' }, start({ worker: 'pool-apply_async', ctx: 'fork', pass: [{ obj: 0, via: 'task-arg' }], action: 'use' })] });
    expect(o.notes).toMatchObject({ 'w1.result': '1' });
  });
});
