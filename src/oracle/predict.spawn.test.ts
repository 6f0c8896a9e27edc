import { describe, expect, it } from 'vitest';
import { predict } from './predict.js';
import { facts, outcomes, scenario, start } from '../../test/support/oracle-kit.js';

// Reasoned from spawn.py (prepare, _check_not_importing_main, _fixup_main_from_path) and forkserver.py.
describe('spawn/forkserver children re-run the main script', () => {
  const topSet = { op: 'set-start-method', at: 'top', method: 'spawn', force: false } as const;
  it('module-level set_start_method fails in every spawn child', () => {
    const e = predict(scenario(topSet, start(1)), facts('3.12.1'));
    expect(outcomes(e, 'main')).toEqual(['ok']);
    expect(outcomes(e, 'w1')).toEqual(['context-already-set']);
    expect(e.notes['w1.exitcode']).toEqual(['1']);
  });
  it('with force=True it is harmless; under fork nothing re-runs', () => {
    expect(outcomes(predict(scenario({ ...topSet, force: true }, start(1)), facts('3.12.1')), 'w1')).toEqual(['ok']);
    expect(outcomes(predict(scenario({ ...topSet, method: 'fork' }, start(1)), facts('3.12.1')), 'w1')).toEqual(['ok']);
  });
  it('forkserver children re-run it too (no __main__ preload before 3.13.8); the forkserver itself is fine', () => {
    const e = predict(scenario({ ...topSet, method: 'forkserver' }, start(1)), facts('3.13.0'));
    expect(outcomes(e, 'w1')).toEqual(['context-already-set']);
    expect(outcomes(e, 'forkserver')).toEqual(['ok']);
  });
  it('from 3.13.8 (and 3.14.1) the forkserver preloads __main__: the top-level set_start_method runs once there, unset, and succeeds', () => {
    // Lib/multiprocessing/forkserver.py main() 3.13.15: import_main_path under _inheriting; no prepare() in the forkserver
    for (const v of ['3.13.8', '3.13.15', '3.14.1']) {
      const e = predict(scenario({ ...topSet, method: 'forkserver' }, start(1)), facts(v));
      expect(e.processes.every((p) => p.kind === 'outcomes')).toBe(true);
      expect(outcomes(e, 'w1')).toEqual(['ok']);
      expect(outcomes(e, 'forkserver')).toEqual(['ok']);
      expect(e.rules).toContain('forkserver.preload-main');
    }
    // 3.14.0 still has the 3.13.0 code (desired_keys): per-child re-run
    expect(outcomes(predict(scenario({ ...topSet, method: 'forkserver' }, start(1)), facts('3.14.0')), 'w1')).toEqual(['context-already-set']);
  });
  it('an unguarded Process: fine under fork, bootstrapping error under spawn and forkserver', () => {
    expect(outcomes(predict(scenario(start(0, { at: 'top', ctx: 'fork' })), facts('3.9.18')), 'w0')).toEqual(['ok']);
    for (const ctx of ['spawn', 'forkserver'] as const) {
      const e = predict(scenario(start(0, { at: 'top', ctx })), facts('3.9.18'));
      expect(outcomes(e, 'main')).toEqual(['ok']);
      expect(outcomes(e, 'w0')).toEqual(['bootstrapping-error']);
    }
  });
  it('macOS 3.8+ default is spawn, so an unguarded default Process fails there but not on 3.7', () => {
    expect(outcomes(predict(scenario(start(0, { at: 'top' })), facts('3.8.18', 'darwin')), 'w0')).toEqual(['bootstrapping-error']);
    expect(outcomes(predict(scenario(start(0, { at: 'top' })), facts('3.7.16', 'darwin')), 'w0')).toEqual(['ok']);
  });
  it('an unguarded spawn Pool hangs the parent; an unguarded executor breaks', () => {
    const pool = predict(scenario(start(0, { at: 'top', ctx: 'spawn', worker: 'pool-map' })), facts('3.10.13'));
    // map() divides by len(self._pool), which is 0 for a moment while dead workers are replaced
    // (pool.map-empty-pool-race: Lib/multiprocessing/pool.py Pool._map_async, _join_exited_workers)
    expect(outcomes(pool, 'main')).toEqual(['exception:ZeroDivisionError', 'hang']);
    expect(outcomes(pool, 'pool')).toContain('bootstrapping-error');
    // apply_async() does not divide: only the hang
    const apply = predict(scenario(start(0, { at: 'top', ctx: 'spawn', worker: 'pool-apply_async' })), facts('3.10.13'));
    expect(outcomes(apply, 'main')).toEqual(['hang']);
    const ex = predict(scenario(start(0, { at: 'top', ctx: 'spawn', worker: 'executor-submit' })), facts('3.10.13'));
    expect(outcomes(ex, 'main')).toEqual(['broken-process-pool']);
    expect(outcomes(ex, 'pool')).toContain('bootstrapping-error');
  });
  it('an unguarded spawn Manager: the server dies, Manager() gets EOFError', () => {
    const e = predict(scenario({ op: 'create', at: 'top', id: 0, kind: 'ManagerDict', ctx: 'spawn' }), facts('3.11.2'));
    expect(outcomes(e, 'main')).toEqual(['exception:EOFError']);
    expect(outcomes(e, 'manager')).toEqual(['bootstrapping-error']);
  });
  it('globals: a fork child sees changes made under the guard, a spawn child does not', () => {
    const s = (ctx: 'fork' | 'spawn') => scenario({ op: 'set-global', at: 'main' }, start(1, { ctx, action: 'read-global' }));
    expect(predict(s('fork'), facts('3.11.7')).notes['w1.global']).toEqual(['changed']);
    expect(predict(s('spawn'), facts('3.11.7')).notes['w1.global']).toEqual(['initial']);
  });
  it('a guarded object read as a global: NameError in a spawn child only', () => {
    const s = (ctx: 'fork' | 'spawn') => scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx }, start(1, { ctx, pass: [{ obj: 0, via: 'global' }] }));
    expect(outcomes(predict(s('fork'), facts('3.8.18')), 'w1')).toEqual(['ok']);
    expect(outcomes(predict(s('spawn'), facts('3.8.18')), 'w1')).toEqual(['exception:NameError']);
  });
  it('a top-level get_start_method in a spawn child reports the parent default', () => {
    const e = predict(scenario({ op: 'get-start-method', at: 'top', allowNone: false }, start(1, { ctx: 'spawn' })), facts('3.12.1'));
    expect(e.notes['s0.method']).toEqual(['fork']);
  });
  it('guarded-function targets: main-attribute-missing under spawn, fine under fork', () => {
    expect(outcomes(predict(scenario(start(0, { ctx: 'spawn', target: 'guarded-function' })), facts('3.12.1')), 'w0')).toEqual(['main-attribute-missing']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'fork', target: 'guarded-function' })), facts('3.12.1')), 'w0')).toEqual(['ok']);
  });
  it('a fork child of a process that launched a forkserver cannot start a forkserver grandchild', () => {
    const e = predict(scenario(start(0, { ctx: 'forkserver' }), start(1, { ctx: 'fork', grandchild: 'forkserver' })), facts('3.11.7'));
    expect(outcomes(e, 'w1')).toEqual(['exception:ChildProcessError']);
    expect(outcomes(e, 'w1.g')).toEqual(['absent']);
    const fresh = predict(scenario(start(1, { ctx: 'fork', grandchild: 'spawn' })), facts('3.11.7'));
    expect(outcomes(fresh, 'w1.g')).toEqual(['ok']);
    expect(fresh.notes['w1.g.method']).toEqual(['spawn']);
  });
});

// Reasoned from spawn.py: _fixup_main_from_path replaces sys.modules['__main__'] only after runpy.run_path returns,
// and get_preparation_data reads __main__.__file__ / __spec__ from whichever module is there.
describe('a fork child made while a spawn child re-runs the script', () => {
  const s = scenario(start(0, { at: 'top', ctx: 'fork', action: 'report-method', grandchild: 'spawn' }), start(1, { ctx: 'spawn', action: 'report-method' }));
  it("its spawn grandchild re-runs nothing and cannot find the target; the main's own tree is fine", () => {
    for (const v of ['3.7.16', '3.13.0']) {
      const e = predict(s, facts(v));
      expect(outcomes(e, 'main')).toEqual(['ok']);
      expect(outcomes(e, 'w0.g')).toEqual(['main-attribute-missing', 'ok']);
      expect(outcomes(e, 'w1')).toEqual(['ok']);
      expect(e.rules).toContain('spawn.no-main-path-mid-rerun');
      expect(e.notes['w0.g.exitcode']).toEqual(['0', '1']);
    }
  });
  it('forkserver grandchildren too; under the guard nothing changes', () => {
    const fs = predict(scenario(start(0, { at: 'top', ctx: 'fork', action: 'report-method', grandchild: 'forkserver' }), start(1, { ctx: 'spawn' })), facts('3.12.1'));
    expect(outcomes(fs, 'w0.g')).toEqual(['main-attribute-missing', 'ok']);
    const guarded = predict(scenario(start(0, { ctx: 'fork', action: 'report-method', grandchild: 'spawn' }), start(1, { ctx: 'spawn' })), facts('3.12.1'));
    expect(outcomes(guarded, 'w0.g')).toEqual(['ok']);
    expect(guarded.rules).not.toContain('spawn.no-main-path-mid-rerun');
  });
  it('an abandoned (unspecified) prediction asserts no notes', () => {
    const e = predict(scenario({ op: 'set-start-method', at: 'top', method: 'forkserver', force: true }, start(0, { action: 'report-method' })), facts('3.13.8'), 'not-a-modelled-target');
    expect(e.processes.every((p) => p.kind === 'unspecified')).toBe(true);
    expect(e.notes).toEqual({});
  });
  it('the same program under the 3.13.8 preload: the child reports the method prepare() forced', () => {
    const e = predict(scenario({ op: 'set-start-method', at: 'top', method: 'forkserver', force: true }, start(0, { action: 'report-method' })), facts('3.13.8'));
    expect(e.notes).toEqual({ 'w0.exitcode': ['0'], 'w0.method': ['forkserver'] });
    expect(outcomes(e, 'resource-tracker')).toEqual(['ok']);
  });
});

// Lib/multiprocessing/process.py BaseProcess._bootstrap clears util._finalizer_registry in the child after prepare()
// re-ran the script; gh-90549 (3.10.6) made SpawnProcess._after_fork a no-op, ForkServerProcess still clears.
describe('a module-level SemLock created again by the child re-running the script', () => {
  const tree = (ctx: 'spawn' | 'forkserver') => scenario({ op: 'create', at: 'top', id: 0, kind: 'Lock', ctx }, start(1, { ctx, action: 'report-method' }));
  const tracker = (v: string, ctx: 'spawn' | 'forkserver', impl: 'cpython' | 'pypy' = 'cpython') => {
    const e = predict(tree(ctx), facts(v, 'linux', impl));
    return { rules: e.processes.find((p) => p.label === 'resource-tracker')?.rules ?? [], leaks: e.leaks };
  };
  it('spawn before 3.10.6 (and PyPy 3.9): never unlinked, the tracker warns; no leak-free prediction', () => {
    for (const [v, impl] of [['3.7.16', 'cpython'], ['3.9.18', 'cpython'], ['3.10.5', 'cpython'], ['3.9.16', 'pypy']] as const) {
      const t = tracker(v, 'spawn', impl);
      expect(t.rules).toEqual(expect.arrayContaining(['tracker.leak-warn', 'spawn.rerun-finalizers-cleared']));
      expect(t.leaks).toBeUndefined();
    }
  });
  it('spawn from 3.10.6: unlinked by its finalizer, nothing leaks', () => {
    for (const v of ['3.10.6', '3.11.0', '3.12.1', '3.13.15']) {
      const t = tracker(v, 'spawn');
      expect(t.rules).toEqual(['tracker.launch']);
      expect(t.leaks?.accept).toBe('none');
    }
  });
  it('forkserver children without the __main__ preload leak it on every version; with the preload (3.13.15) nothing leaks', () => {
    for (const v of ['3.8.18', '3.11.2', '3.13.5']) expect(tracker(v, 'forkserver').rules).toContain('forkserver.rerun-finalizers-cleared');
    expect(tracker('3.13.15', 'forkserver').leaks?.accept).toBe('none');
  });
});

// Lib/multiprocessing/popen_fork.py Popen._launch: os._exit(code) right after _bootstrap (3.12.1); from 3.13.0 the
// child's own atexit hooks run first (gh-83856). A spawn child leaves through sys.exit(), which runs them anyway.
describe('a worker that creates a SharedMemory block of its own (atexit unlink)', () => {
  const own = (ctx: 'fork' | 'spawn') => scenario(start(0, { ctx, action: 'own-shared-memory' }));
  const tracker = (v: string, ctx: 'fork' | 'spawn') => {
    const e = predict(own(ctx), facts(v));
    const t = e.processes.find((p) => p.label === 'resource-tracker');
    return { accept: t?.kind === 'outcomes' ? t.accept : [], rules: t?.rules ?? [], leaks: e.leaks };
  };
  it('a fork child before 3.13 skips the hook: the tracker it launched warns', () => {
    const t = tracker('3.12.1', 'fork');
    expect(t.accept).toEqual(['ok']);
    expect(t.rules).toContain('tracker.leak-warn');
    expect(t.leaks).toBeUndefined();
  });
  it('from 3.13 the fork child runs it: nothing leaks, and the tracker ends well because of it', () => {
    const t = tracker('3.13.0', 'fork');
    expect(t.accept).toEqual(['ok']);
    expect(t.rules).toContain('fork.atexit-in-child');
    expect(t.leaks?.accept).toBe('none');
  });
  it('a spawn child runs it on every version', () => {
    for (const v of ['3.9.18', '3.12.1']) expect(tracker(v, 'spawn').leaks?.accept).toBe('none');
  });
});
