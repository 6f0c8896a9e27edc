import { describe, expect, it } from 'vitest';
import { predict } from './predict.js';
import { facts, outcomes, scenario, start } from '../../test/support/oracle-kit.js';

// Lib/multiprocessing/process.py BaseProcess.start asserts the starter is not daemonic; pool.py makes a Pool's workers
// daemonic (w.daemon = True); concurrent/futures/process.py starts its workers without the flag.
describe('a pool opened inside a worker (nested-pool)', () => {
  const nested = (worker: 'process' | 'pool-map' | 'executor-submit', ctx: 'default' | 'fork' | 'spawn' = 'default') =>
    scenario(start(0, { worker, ctx, action: 'nested-pool' }));

  it("inside a Pool's daemonic worker: AssertionError, re-raised by map() in the caller", () => {
    const e = predict(nested('pool-map'), facts('3.12.1'));
    expect(outcomes(e, 'main')).toEqual(['exception:AssertionError']);
    expect(e.rules).toContain('pool.daemonic-no-children');
    expect(e.notes['w0.nested']).toBeUndefined();
  });

  it('its queues, made before the assertion, may be left to the tracker when the worker is terminated (spawn)', () => {
    const e = predict(nested('pool-map', 'spawn'), facts('3.12.1'));
    expect(e.rules).toContain('tracker.leak-warn');
    expect(e.leaks).toBeUndefined();
    // under fork the inner queues' semaphores are unlinked at creation: nothing to leak
    expect(predict(nested('pool-map', 'fork'), facts('3.12.1')).leaks?.accept).toBe('none');
  });

  it('inside a Process or an executor worker it starts, and its result is noted', () => {
    for (const worker of ['process', 'executor-submit'] as const) {
      const e = predict(nested(worker, 'spawn'), facts('3.11.2'));
      expect(outcomes(e, 'main')).toEqual(['ok']);
      expect(e.notes['w0.nested']).toEqual(['[1]']);
      expect(e.leaks?.accept).toBe('none');
    }
  });

  it("the inner pool's workers are pool workers, terminated as its with-block ends", () => {
    const e = predict(nested('process'), facts('3.13.5'));
    expect(outcomes(e, 'pool')).toEqual(['ok', 'signal:SIGTERM']);
  });
});

describe('a worker closing the SharedMemory block it attached to (use-and-close)', () => {
  const shm = { op: 'create', at: 'main', id: 0, kind: 'SharedMemory', ctx: 'default' } as const;
  it('leaves the block for its creator: nothing leaks, and the tracker ends well because of it', () => {
    const e = predict(scenario(shm, start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }], action: 'use-and-close' })), facts('3.12.1'));
    const t = e.processes.find((p) => p.label === 'resource-tracker');
    expect(t?.rules).toContain('shm.close-keeps-block');
    expect(e.leaks?.accept).toBe('none');
  });
});

describe('leaks of a Pool block', () => {
  it("a Pool's terminated workers hold nothing registered: a clean Pool program is predicted to leak nothing", () => {
    const e = predict(scenario(start(0, { worker: 'pool-map', ctx: 'spawn' })), facts('3.12.1'));
    expect(outcomes(e, 'pool')).toContain('signal:SIGTERM');
    expect(e.leaks?.accept).toBe('none');
  });
  it('a module-level Lock each spawn worker re-creates may leak when the worker is terminated: no prediction', () => {
    const lock = { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'spawn' } as const;
    const e = predict(scenario(lock, start(1, { worker: 'pool-map', ctx: 'spawn' })), facts('3.12.1'));
    expect(e.leaks).toBeUndefined();
  });
});

// Lib/multiprocessing/forkserver.py main: 3.12.1 goes straight to os._exit(code) when _serve_one raised; 3.13.0
// registers util._exit_function with atexit and runs the hooks first (gh-83856).
describe('a forkserver child whose re-run of the script raises', () => {
  const lock = { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'forkserver' } as const;
  const child = start(1, { at: 'top', ctx: 'forkserver' });
  it('before 3.13 leaves the SemLock its re-run made to the tracker; from 3.13 its atexit hooks unlink it', () => {
    const old = predict(scenario(lock, child), facts('3.12.1'));
    expect(outcomes(old, 'w1')).toEqual(['bootstrapping-error']);
    expect(old.rules).toContain('forkserver.rerun-error-no-cleanup');
    expect(old.leaks).toBeUndefined();
    expect(predict(scenario(lock, child), facts('3.13.0')).leaks?.accept).toBe('none');
  });
  it("before 3.13 a fork Manager its re-run started keeps the address pipe open: the parent's Manager() waits forever", () => {
    const managers = scenario(
      { op: 'create', at: 'top', id: 0, kind: 'ManagerLock', ctx: 'default' },
      { op: 'create', at: 'top', id: 1, kind: 'ManagerQueue', ctx: 'forkserver' },
      { op: 'set-start-method', at: 'main', method: 'fork', force: false },
    );
    expect(outcomes(predict(managers, facts('3.11.2')), 'main')).toEqual(['hang']);
    expect(outcomes(predict(managers, facts('3.13.0')), 'main')).toEqual(['exception:EOFError']);
  });
});
