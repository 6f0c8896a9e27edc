/** Leaks as outcomes (src/observe/leaks.ts) on real stdlib programs: the tracker's own words, attributed. */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/observe/index.js';
import { python } from '../support/pythons.js';

const PY = python('3.12');
const PY313 = python('3.13');
const T = 60_000;

const SHM_NEVER_UNLINKED = `
from multiprocessing import shared_memory
if __name__ == '__main__':
    s = shared_memory.SharedMemory(create=True, size=16)
    s.close()  # never unlinked
`;
const KILLED_HOLDING_SEMAPHORE = `
import multiprocessing as mp, os, signal, time
def child(q):
    lock = mp.get_context('spawn').Lock()  # a named semaphore this child registers with the tracker
    lock.acquire()
    q.put('held')
    time.sleep(60)
if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    q = ctx.Queue()
    p = ctx.Process(target=child, args=(q,), name='w1')
    p.start()
    q.get()
    os.kill(p.pid, signal.SIGKILL)
    p.join()
`;
const UNREGISTERED_TWICE = `
from multiprocessing import shared_memory, resource_tracker
if __name__ == '__main__':
    s = shared_memory.SharedMemory(create=True, size=16)
    s.close()
    s.unlink()
    resource_tracker.unregister(s._name, 'shared_memory')  # a second unregister: the tracker no longer has the name
`;
const CLEANS_UP = `
import multiprocessing as mp
from multiprocessing import shared_memory
def child(lock):
    with lock:
        pass
if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    lock = ctx.Lock()
    p = ctx.Process(target=child, args=(lock,), name='w1')
    p.start()
    p.join()
    s = shared_memory.SharedMemory(create=True, size=16)
    s.close()
    s.unlink()
`;

describe.skipIf(PY === null)(`leaks on real programs${PY === null ? ' (skipped: no CPython 3.12 found)' : ''}`, () => {
  it('SharedMemory never unlinked: the tracker warning, in its own words', { timeout: T }, async () => {
    const o = await runProgram({ python: PY!, source: SHM_NEVER_UNLINKED, timeoutMs: 30_000 });
    const w = o.leaks?.find((l) => l.kind === 'tracker-warning');
    expect(w).toMatchObject({ resource: 'shared_memory', count: 1, process: 'resource-tracker' });
    expect(w?.text).toBe('resource_tracker: There appear to be 1 leaked shared_memory objects to clean up at shutdown');
  });
  it('a worker killed while it holds a semaphore: the tracker cleans up and says so', { timeout: T }, async () => {
    const o = await runProgram({ python: PY!, source: KILLED_HOLDING_SEMAPHORE, timeoutMs: 30_000 });
    expect(o.processes.find((p) => p.label === 'w1')?.outcome).toBe('signal:SIGKILL');
    const w = o.leaks?.find((l) => l.kind === 'tracker-warning');
    expect(w).toMatchObject({ resource: 'semaphore', count: 1, process: 'w1' });
    expect(w?.text).toContain('There appear to be 1 leaked semaphore objects to clean up at shutdown');
  });
  it("the tracker's KeyError traceback, with the name it did not have", { timeout: T }, async () => {
    const o = await runProgram({ python: PY!, source: UNREGISTERED_TWICE, timeoutMs: 30_000 });
    const e = o.leaks?.find((l) => l.kind === 'tracker-error');
    expect(e?.name).toMatch(/^\/psm_/);
    expect(e?.text).toBe(`resource_tracker main: KeyError: '${e?.name}'`);
    expect(e?.process).toBe('resource-tracker');
  });
  it('a program that cleans up leaks nothing', { timeout: T }, async () => {
    const o = await runProgram({ python: PY!, source: CLEANS_UP, timeoutMs: 30_000 });
    expect(o.end).toEqual({ kind: 'exited', code: 0 });
    expect(o.leaks).toEqual([]);
  });
});

describe.skipIf(PY313 === null)(`the tracker's exit status${PY313 === null ? ' (skipped: no CPython 3.13 found)' : ''}`, () => {
  // Lib/multiprocessing/resource_tracker.py (3.13.0) main: sys.exit(exit_code), 1 after cleaning up a leak; the
  // tracker outlives the main process, so nobody reaps it for us: the probe records the status it exits with
  it('from 3.13 the tracker that cleaned up a leak exits with status 1', { timeout: T }, async () => {
    const o = await runProgram({ python: PY313!, source: SHM_NEVER_UNLINKED, timeoutMs: 30_000 });
    expect(o.processes.find((p) => p.role === 'resource-tracker')).toMatchObject({ outcome: 'exception:SystemExit', exitcode: 1 });
  });
  it('and with nothing to clean up, exits 0', { timeout: T }, async () => {
    const o = await runProgram({ python: PY313!, source: CLEANS_UP, timeoutMs: 30_000 });
    expect(o.processes.find((p) => p.role === 'resource-tracker')).toMatchObject({ outcome: 'ok', exitcode: 0 });
  });
});
