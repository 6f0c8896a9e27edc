/** Rendered scenarios run for real on Debian's python3, a few per target. */
import { describe, expect, it } from 'vitest';
import { billiardDialect, concurrentFuturesDialect, lokyDialect, multiprocessDialect, pebbleDialect } from '../../src/targets/extra.js';
import type { Scenario } from '../../src/scenario/types.js';
import { importProblem, runRendered, start } from './run-helper.js';

const T = 30_000;
const forkPoolLock: Scenario = {
  version: 1,
  steps: [{ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' }, start({ worker: 'pool-map', ctx: 'fork', pass: [{ obj: 0, via: 'initargs' }], action: 'use' })],
};
const forkProcess: Scenario = { version: 1, steps: [start({ ctx: 'fork' })] };
const spawnSubmit: Scenario = {
  version: 1, steps: [{ op: 'get-start-method', at: 'main', allowNone: false }, start({ worker: 'executor-submit', ctx: 'spawn' })],
};

const cf = importProblem('concurrent.futures');
describe.skipIf(cf !== null)(`concurrent.futures on python3${cf ? ` (skipped: ${cf})` : ''}`, () => {
  it('runs a spawn executor and notes the worker method', { timeout: T }, async () => {
    const r = await runRendered(spawnSubmit, concurrentFuturesDialect);
    expect(r.notes).toMatchObject({ 's0.method': 'fork', 'w1.method': 'spawn', 'w1.result': '1' });
  });
});

const mpr = importProblem('multiprocess');
describe.skipIf(mpr !== null)(`multiprocess on python3${mpr ? ` (skipped: ${mpr})` : ''}`, () => {
  it('runs a fork pool with a Lock in initargs', { timeout: T }, async () => {
    expect((await runRendered(forkPoolLock, multiprocessDialect)).notes).toMatchObject({ 'w1.result': '[1, 1]' });
  });
  it('runs a fork Process', { timeout: T }, async () => {
    expect((await runRendered(forkProcess, multiprocessDialect)).notes).toMatchObject({ 'w1.method': 'fork', 'w1.exitcode': '0' });
  });
});

const bil = importProblem('billiard');
describe.skipIf(bil !== null)(`billiard on python3${bil ? ` (skipped: ${bil})` : ''}`, () => {
  it('runs a fork pool with a Lock in initargs', { timeout: T }, async () => {
    expect((await runRendered(forkPoolLock, billiardDialect)).notes).toMatchObject({ 'w1.result': '[1, 1]' });
  });
  it('runs a fork Process', { timeout: T }, async () => {
    expect((await runRendered(forkProcess, billiardDialect)).notes).toMatchObject({ 'w1.method': 'fork', 'w1.exitcode': '0' });
  });
});

const peb = importProblem('pebble');
describe.skipIf(peb !== null)(`pebble on python3${peb ? ` (skipped: ${peb})` : ''}`, () => {
  it('runs apply_async on a spawn ProcessPool with a Manager dict', { timeout: T }, async () => {
    const s: Scenario = {
      version: 1,
      steps: [{ op: 'create', at: 'main', id: 0, kind: 'ManagerDict', ctx: 'spawn' }, start({ worker: 'pool-apply_async', ctx: 'spawn', pass: [{ obj: 0, via: 'task-arg' }], action: 'use' })],
    };
    expect((await runRendered(s, pebbleDialect)).notes).toMatchObject({ 'w1.result': '1' });
  });
  it('runs a raising @concurrent.process: the error comes back through the future', { timeout: T }, async () => {
    const r = await runRendered({ version: 1, steps: [start({ action: 'raise' })] }, pebbleDialect);
    expect(r.notes).toMatchObject({ 'w1.pebble-error': 'ValueError', 'w1.exitcode': '0' });
  });
  it('runs starmap and a fork process with a spawn grandchild', { timeout: T }, async () => {
    const [a, b] = await Promise.all([
      runRendered({ version: 1, steps: [start({ worker: 'pool-starmap', ctx: 'spawn' })] }, pebbleDialect),
      runRendered({ version: 1, steps: [start({ ctx: 'fork', grandchild: 'spawn' })] }, pebbleDialect),
    ]);
    expect(a.notes).toMatchObject({ 'w1.method': 'spawn', 'w1.result': '[1, 1]' });
    expect(b.notes).toMatchObject({ 'w1.method': 'fork', 'w1.g.method': 'spawn', 'w1.g.exitcode': '0', 'w1.exitcode': '0' });
  });
});

const lok = importProblem('joblib.externals.loky');
describe.skipIf(lok !== null)(`loky on python3${lok ? ` (skipped: ${lok})` : ''}`, () => {
  it('runs a spawn ProcessPoolExecutor; loky get_start_method() is None until set', { timeout: T }, async () => {
    expect((await runRendered(spawnSubmit, lokyDialect)).notes).toMatchObject({ 's0.method': 'None', 'w1.result': '1' });
  });
  it('runs map on the default (loky) context', { timeout: T }, async () => {
    const s: Scenario = { version: 1, steps: [start({ worker: 'executor-map', ctx: 'default', action: 'read-global' })] };
    expect((await runRendered(s, lokyDialect)).notes).toMatchObject({ 'w1.global': 'initial', 'w1.result': '[1, 1]' });
  });
});
