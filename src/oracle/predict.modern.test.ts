import { describe, expect, it } from 'vitest';
import type { Step } from '../scenario/types.js';
import { predict } from './predict.js';
import { facts, outcomes, scenario, start } from '../../test/support/oracle-kit.js';

// Versions no machine here runs (3.13.8-3.13.12, 3.14.x, 3.15, macOS, Windows), predicted from the sources named in
// each case: the stdlib of 3.13.5 and 3.13.15 (Debian builds), 3.14.2 and 3.15.0rc1 (pyodide 314.0.8 / 315.0.0-alpha.2
// python_stdlib.zip), the uqfoundation/multiprocess syncs that bracket each patch release, and docs/cpython-changes.md.

const setFork: Step = { op: 'set-start-method', at: 'main', method: 'fork', force: false };
const setSpawn: Step = { op: 'set-start-method', at: 'main', method: 'spawn', force: false };
const freeze: Step = { op: 'freeze-support', at: 'main' };

describe('gh-109263: starting a spawn/forkserver process no longer fixes the parent\'s default context', () => {
  // spawn.get_preparation_data: start_method=get_start_method() (3.13.5, 3.14.2) vs get_start_method(allow_none=True)
  // (3.13.15, 3.15.0rc1); multiprocess sync "3.13.12 and 3.14.3" is the first with allow_none
  const program = scenario(start(0, { ctx: 'spawn' }), setFork);
  it.each([
    ['3.12.1', 'context-already-set'], ['3.13.0', 'context-already-set'], ['3.13.11', 'context-already-set'],
    ['3.13.12', 'ok'], ['3.13.15', 'ok'], ['3.14.0', 'context-already-set'], ['3.14.2', 'context-already-set'],
    ['3.14.3', 'ok'], ['3.14.4', 'ok'], ['3.15.0', 'ok'],
  ])('Linux %s: set_start_method after a spawn Process → %s', (v, main) => {
    expect(outcomes(predict(program, facts(v)), 'main')).toEqual([main]);
  });
  it('the same on macOS; on Windows (spawn only) the late set is set_start_method("spawn")', () => {
    expect(outcomes(predict(program, facts('3.13.11', 'darwin')), 'main')).toEqual(['context-already-set']);
    expect(outcomes(predict(program, facts('3.13.12', 'darwin')), 'main')).toEqual(['ok']);
    const win = scenario(start(0, { ctx: 'spawn' }), setSpawn);
    expect(outcomes(predict(win, facts('3.14.2', 'win32')), 'main')).toEqual(['context-already-set']);
    expect(outcomes(predict(win, facts('3.14.3', 'win32')), 'main')).toEqual(['ok']);
  });
  it('the child is told None: a top-level get_start_method(allow_none=True) in a spawn child prints None', () => {
    // prepare(): set_start_method(None, force=True) resets the child's default (context.py DefaultContext.set_start_method)
    const s = scenario({ op: 'get-start-method', at: 'top', allowNone: true }, start(1, { ctx: 'spawn', action: 'report-method' }));
    expect(predict(s, facts('3.13.11')).notes['s0.method']).toEqual(['None', 'fork']);
    expect(predict(s, facts('3.13.12')).notes['s0.method']).toEqual(['None']);
    // _bootstrap still forces the concrete context's method
    expect(predict(s, facts('3.13.12')).notes['w1.method']).toEqual(['spawn']);
  });
});

describe('freeze_support() fixes the default context in 3.13.4-3.13.12 and 3.14.0-3.14.3 (gh-135726, gh-140814)', () => {
  // context.py BaseContext.freeze_support: 3.13.0 `sys.platform == 'win32' and frozen`; 3.13.5 and 3.14.2
  // `self.get_start_method() == 'spawn' and frozen`; 3.13.15 and 3.15.0rc1 `frozen and get_start_method(allow_none=True)`
  const docsPattern = scenario(freeze, setSpawn, start(0, { action: 'report-method' }));
  it.each([
    ['3.12.1', 'ok'], ['3.13.3', 'ok'], ['3.13.4', 'context-already-set'], ['3.13.5', 'context-already-set'],
    ['3.13.12', 'context-already-set'], ['3.13.13', 'ok'], ['3.13.15', 'ok'],
    ['3.14.0', 'context-already-set'], ['3.14.3', 'context-already-set'], ['3.14.4', 'ok'], ['3.15.0', 'ok'],
  ])('Linux %s: freeze_support(); set_start_method("spawn") → %s', (v, main) => {
    expect(outcomes(predict(docsPattern, facts(v)), 'main')).toEqual([main]);
  });
  it('on Windows and macOS alike (the check runs before sys.frozen is looked at)', () => {
    expect(outcomes(predict(docsPattern, facts('3.13.5', 'win32')), 'main')).toEqual(['context-already-set']);
    expect(outcomes(predict(docsPattern, facts('3.14.1', 'darwin')), 'main')).toEqual(['context-already-set']);
    expect(outcomes(predict(docsPattern, facts('3.14.4', 'win32')), 'main')).toEqual(['ok']);
  });
  it('the context freeze_support() fixed is the platform default', () => {
    const report = scenario(freeze, { op: 'get-start-method', at: 'main', allowNone: true });
    expect(predict(report, facts('3.13.5')).notes['s1.method']).toEqual(['fork']);
    expect(predict(report, facts('3.14.2')).notes['s1.method']).toEqual(['forkserver']);
    expect(predict(report, facts('3.14.2', 'darwin')).notes['s1.method']).toEqual(['spawn']);
    expect(predict(report, facts('3.13.15')).notes['s1.method']).toEqual(['None']);
  });
});

describe('the forkserver preloads __main__ from 3.13.8 and 3.14.1 (gh-126631)', () => {
  // forkserver.py ensure_running/main (3.13.15, 3.14.2, 3.15.0rc1); docs/cpython-changes.md forkserver-preload-*
  const unguarded = scenario(start(0, { at: 'top', ctx: 'forkserver' }));
  it('an unguarded forkserver Process: per child before, the forkserver dies while preloading after', () => {
    for (const v of ['3.13.0', '3.13.7', '3.14.0']) {
      const e = predict(unguarded, facts(v));
      expect(outcomes(e, 'main')).toEqual(['ok']);
      expect(outcomes(e, 'w0')).toEqual(['bootstrapping-error']);
      expect(outcomes(e, 'forkserver')).toEqual(['ok']);
    }
    for (const v of ['3.13.8', '3.13.12', '3.13.15']) {
      const e = predict(unguarded, facts(v));
      expect(outcomes(e, 'main')).toEqual(['exception:EOFError']);
      expect(outcomes(e, 'forkserver')).toEqual(['bootstrapping-error']);
      expect(outcomes(e, 'w0')).toEqual(['absent']);
    }
    // 3.14: the authkey handshake (gh-97514) reads a reset connection
    for (const v of ['3.14.1', '3.14.2', '3.14.4']) expect(outcomes(predict(unguarded, facts(v)), 'main')).toEqual(['exception:ConnectionResetError']);
    expect(outcomes(predict(unguarded, facts('3.13.9', 'darwin')), 'main')).toEqual(['exception:ConnectionResetError', 'exception:RuntimeError']);
    expect(outcomes(predict(unguarded, facts('3.14.3', 'darwin')), 'main')).toEqual(['exception:ConnectionResetError', 'exception:EOFError']);
  });
  it('3.15 ignores the preload error (on_error="ignore"): the forkserver lives and each child re-runs the script', () => {
    const e = predict(unguarded, facts('3.15.0'));
    expect(outcomes(e, 'main')).toEqual(['ok']);
    expect(outcomes(e, 'forkserver')).toEqual(['ok']);
    expect(outcomes(e, 'w0')).toEqual(['bootstrapping-error']);
    expect(e.rules).toContain('forkserver.preload-error-ignored');
  });
  it('3.14 makes forkserver the Linux default: an unguarded default Process takes the preload path there', () => {
    const dflt = scenario(start(0, { at: 'top' }));
    expect(outcomes(predict(dflt, facts('3.13.15')), 'main')).toEqual(['ok']);
    expect(outcomes(predict(dflt, facts('3.13.15')), 'w0')).toEqual(['ok']);
    expect(outcomes(predict(dflt, facts('3.14.0')), 'w0')).toEqual(['bootstrapping-error']);
    expect(outcomes(predict(dflt, facts('3.14.1')), 'main')).toEqual(['exception:ConnectionResetError']);
    // macOS keeps spawn, Windows spawn: nothing preloads
    expect(outcomes(predict(dflt, facts('3.14.1', 'darwin')), 'w0')).toEqual(['bootstrapping-error']);
    expect(outcomes(predict(dflt, facts('3.14.1', 'win32')), 'w0')).toEqual(['bootstrapping-error']);
  });
  it('top-level code runs in the forkserver with its own unfixed context, once', () => {
    const s = scenario({ op: 'get-start-method', at: 'top', allowNone: true }, start(1, { ctx: 'forkserver', action: 'report-method' }));
    // 3.13.0: each child re-runs it after prepare() forced the parent's method (fixed by the preparation)
    expect(predict(s, facts('3.13.0')).notes['s0.method']).toEqual(['None', 'fork']);
    // 3.13.8: the forkserver never called prepare(): None there too
    expect(predict(s, facts('3.13.8')).notes['s0.method']).toEqual(['None']);
    expect(predict(s, facts('3.13.8')).notes['w1.method']).toEqual(['forkserver']);
  });
  it('a top-level set_start_method without force no longer fails in the children', () => {
    const s = scenario({ op: 'set-start-method', at: 'top', method: 'spawn', force: false }, start(1, { ctx: 'forkserver', action: 'report-method' }));
    expect(outcomes(predict(s, facts('3.13.7')), 'w1')).toEqual(['context-already-set']);
    expect(outcomes(predict(s, facts('3.13.8')), 'w1')).toEqual(['ok']);
    // the child's method is what its own _bootstrap forces (a concrete forkserver context)
    expect(predict(s, facts('3.13.8')).notes['w1.method']).toEqual(['forkserver']);
  });
  it('children inherit the forkserver\'s top-level objects and globals; a guarded target is still missing', () => {
    const s = scenario(
      { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'spawn' }, { op: 'set-global', at: 'top' },
      start(1, { ctx: 'forkserver', pass: [{ obj: 0, via: 'global' }] }),
      start(2, { ctx: 'forkserver', action: 'read-global' }),
      start(3, { ctx: 'forkserver', target: 'guarded-function' }),
    );
    const e = predict(s, facts('3.13.10'));
    expect(outcomes(e, 'w1')).toEqual(['ok']);
    expect(e.notes['w2.global']).toEqual(['changed']);
    expect(outcomes(e, 'w3')).toEqual(['main-attribute-missing']);
  });
});

describe('the resource tracker is a process of the tree', () => {
  // resource_tracker.py ensure_running/main; popen_spawn_posix._launch; synchronize.py SemLock.__init__ (3.7.16-3.14.2)
  it('launched by a spawn start or a non-fork SemLock, absent under fork only, never on Windows', () => {
    expect(outcomes(predict(scenario(start(0, { ctx: 'spawn' })), facts('3.12.1')), 'resource-tracker')).toEqual(['ok']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'fork' })), facts('3.12.1')), 'resource-tracker')).toEqual(['absent']);
    expect(outcomes(predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'spawn' }), facts('3.8.18', 'darwin')), 'resource-tracker')).toEqual(['ok']);
    expect(outcomes(predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' }), facts('3.8.18')), 'resource-tracker')).toEqual(['absent']);
    expect(predict(scenario(start(0, { ctx: 'spawn' })), facts('3.13.0', 'win32')).processes.map((p) => p.label)).not.toContain('resource-tracker');
    // 3.14's Linux default is forkserver: a default Process needs the tracker
    expect(outcomes(predict(scenario(start(0)), facts('3.14.0')), 'resource-tracker')).toEqual(['ok']);
  });
  it('semaphores leaked by SIGTERM-ed spawn Pool workers: a warning, and exit status 1 from 3.13', () => {
    const s = scenario({ op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'spawn' }, start(1, { ctx: 'spawn', worker: 'pool-map' }));
    expect(outcomes(predict(s, facts('3.12.1')), 'resource-tracker')).toEqual(['ok']);
    expect(outcomes(predict(s, facts('3.13.0')), 'resource-tracker')).toEqual(['exception:SystemExit', 'ok']);
  });
  // Lib/multiprocessing/resource_tracker.py (3.13.0) main: exit_code = 1 once it cleaned up a leaked name
  it('a leak every run makes: from 3.13 its tracker exits 1, and nothing else is accepted', () => {
    // a spawn child whose re-run of the script creates a semaphore (registered with the parent's tracker), then kills itself
    const die = scenario({ op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'spawn' }, start(1, { ctx: 'spawn', action: 'die' }));
    const e = predict(die, facts('3.13.0'));
    expect(outcomes(e, 'resource-tracker')).toEqual(['exception:SystemExit']);
    expect(e.processes.find((p) => p.label === 'resource-tracker')?.rules).toContain('tracker.leak-exit');
    expect(outcomes(predict(die, facts('3.12.1')), 'resource-tracker')).toEqual(['ok']);
    // without the re-run's semaphore it leaks nothing
    expect(outcomes(predict(scenario(start(0, { ctx: 'spawn', action: 'die' })), facts('3.13.0')), 'resource-tracker')).toEqual(['ok']);
  });
});

describe('os.fork in a multi-threaded process warns from 3.12 (gh-100228)', () => {
  // Modules/posixmodule.c warn_about_fork_with_threads (parent only); docs/cpython-changes.md fork-multithreaded-warning
  const thread: Step = { op: 'start-thread', at: 'main' };
  const warns = (s: ReturnType<typeof scenario>, v: string, label: string, platform: 'linux' | 'darwin' | 'win32' = 'linux') => {
    const p = predict(s, facts(v, platform)).processes.find((x) => x.label === label);
    if (p === undefined || p.kind !== 'outcomes') throw new Error(`no expectation for ${label}`);
    return p.warnings?.['fork-multithreaded'];
  };
  it('a fork Process started while a thread runs: the parent warns, the child does not; not before 3.12', () => {
    const s = scenario(thread, start(0, { ctx: 'fork' }));
    expect(warns(s, '3.12.0', 'main')).toEqual(['yes']);
    expect(warns(s, '3.14.2', 'main')).toEqual(['yes']);
    expect(warns(s, '3.12.0', 'w0')).toEqual(['no']);
    expect(warns(s, '3.11.7', 'main')).toEqual(['no']);
    expect(warns(s, '3.13.5', 'main', 'darwin')).toEqual(['yes']);
  });
  it('spawn and forkserver starts use fork_exec: no warning; fork Pool workers and a fork Manager do warn', () => {
    expect(warns(scenario(thread, start(0, { ctx: 'spawn' })), '3.13.15', 'main')).toEqual(['no']);
    expect(warns(scenario(thread, start(0, { ctx: 'forkserver' })), '3.13.0', 'main')).toEqual(['no']);
    expect(warns(scenario(thread, start(0, { ctx: 'fork', worker: 'pool-map' })), '3.12.1', 'main')).toEqual(['yes']);
    expect(warns(scenario(thread, { op: 'create', at: 'main', id: 0, kind: 'ManagerDict', ctx: 'fork' }), '3.12.1', 'main')).toEqual(['yes']);
    // 3.14's Linux default is forkserver: a default Process no longer forks in the parent
    expect(warns(scenario(thread, start(0)), '3.13.15', 'main')).toEqual(['yes']);
    expect(warns(scenario(thread, start(0)), '3.14.0', 'main')).toEqual(['no']);
  });
  it('after a Pool/executor block its joined threads may still be exiting: a later fork may or may not warn', () => {
    const s = scenario(start(0, { ctx: 'spawn', worker: 'executor-submit' }), start(1, { ctx: 'fork' }));
    expect(warns(s, '3.12.1', 'main')).toEqual(['no', 'yes']);
    expect(warns(s, '3.11.7', 'main')).toEqual(['no']);
  });
  it('a thread started by the preloaded __main__ makes every fork of the forkserver warn (3.13.8+)', () => {
    const s = scenario({ op: 'start-thread', at: 'top' }, start(0, { ctx: 'forkserver' }));
    expect(warns(s, '3.13.8', 'forkserver')).toEqual(['yes']);
    expect(warns(s, '3.13.7', 'forkserver')).toEqual(['no']);
    // the main process re-ran nothing and forks nothing itself
    expect(warns(s, '3.13.8', 'main')).toEqual(['no']);
  });
});

describe('3.14 makes forkserver the Linux default (gh-84559): defaults and globals families', () => {
  // Lib/multiprocessing/context.py 3.14.2: `if reduction.HAVE_SEND_HANDLE and sys.platform != 'darwin'`: forkserver
  it('get_start_method() and default-context workers report forkserver on Linux, spawn on macOS', () => {
    const s = scenario({ op: 'get-start-method', at: 'main', allowNone: false }, start(1, { worker: 'pool-apply_async', action: 'report-method' }));
    expect(predict(s, facts('3.13.15')).notes).toEqual({ 's0.method': ['fork'], 'w1.method': ['fork'], 'w1.result': ['1'] });
    expect(predict(s, facts('3.14.0')).notes).toEqual({ 's0.method': ['forkserver'], 'w1.method': ['forkserver'], 'w1.result': ['1'] });
    expect(predict(s, facts('3.14.0', 'darwin')).notes['w1.method']).toEqual(['spawn']);
    const ex = scenario(start(0, { worker: 'executor-submit', action: 'report-method' }));
    expect(predict(ex, facts('3.15.0')).notes['w0.method']).toEqual(['forkserver']);
  });
  it('a global changed under the guard is no longer seen by a default-context child', () => {
    const s = scenario({ op: 'set-global', at: 'main' }, start(0, { action: 'read-global' }));
    expect(predict(s, facts('3.13.15')).notes['w0.global']).toEqual(['changed']);
    expect(predict(s, facts('3.14.0')).notes['w0.global']).toEqual(['initial']);
    expect(predict(s, facts('3.14.2')).notes['w0.global']).toEqual(['initial']);
  });
  it('a Lock created under the guard and read as a global: NameError in a 3.14 default child', () => {
    const s = scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'default' }, start(1, { pass: [{ obj: 0, via: 'global' }] }));
    expect(outcomes(predict(s, facts('3.13.15')), 'w1')).toEqual(['ok']);
    expect(outcomes(predict(s, facts('3.14.1')), 'w1')).toEqual(['exception:NameError']);
  });
});

describe('shared memory created by a forkserver child re-running the script (no preload)', () => {
  // forkserver children leave through os._exit(); their own atexit hooks run only from 3.13 (gh-83856)
  const s = scenario({ op: 'create', at: 'top', id: 0, kind: 'SharedMemory', ctx: 'default' }, start(1, { ctx: 'forkserver' }));
  it('leaks (a tracker warning, exit status 0) up to 3.12; unlinked by the child from 3.13', () => {
    expect(outcomes(predict(s, facts('3.12.1')), 'resource-tracker')).toEqual(['ok']);
    expect(predict(s, facts('3.12.1')).rules).toContain('tracker.leak-warn');
    expect(outcomes(predict(s, facts('3.13.0')), 'resource-tracker')).toEqual(['ok']);
    expect(predict(s, facts('3.13.0')).rules).not.toContain('tracker.leak-exit');
  });
});

describe('sys.path in the preloading forkserver (gh-117378)', () => {
  // Lib/multiprocessing/forkserver.py main: `if sys_path is not None: sys.path[:] = sys_path` (3.13.5, 3.13.15 read),
  // then the __main__ preload (3.13.8+); spawn.py prepare sets a re-running child's sys.path to the parent's
  const s = scenario({ op: 'report-syspath', at: 'top' }, start(0, { ctx: 'forkserver', action: 'report-method' }));
  it("the forkserver runs the top-level code with the parent's sys.path: every process sees it set", () => {
    const e = predict(s, facts('3.13.15'));
    expect(e.notes['s0.path0']).toEqual(['set']);
    expect(e.noteRules?.['s0.path0']).toContain('forkserver.preload-syspath');
  });
  it('without the preload, the children re-running the script get it from prepare()', () => {
    const e = predict(s, facts('3.13.5'));
    expect(e.notes['s0.path0']).toEqual(['set']);
    expect(e.noteRules?.['s0.path0'] ?? []).not.toContain('forkserver.preload-syspath');
  });
});

describe('set_forkserver_preload naming the script (the forkserver imports it as a plain module)', () => {
  // Lib/multiprocessing/forkserver.py main: sys.path[:] = sys_path (3.13.5; 3.13.0 lacks it), then __import__ per name
  const s = scenario({ op: 'report-syspath', at: 'top' }, { op: 'forkserver-preload', at: 'main', modules: 'script' }, start(0, { ctx: 'forkserver', action: 'report-method' }));
  it("from 3.13.1 the forkserver has the parent's sys.path; 3.13.0 its own, '' first", () => {
    const e = predict(s, facts('3.13.5'));
    expect(e.notes['s0.path0']).toEqual(['set']);
    expect(e.noteRules?.['s0.path0']).toContain('forkserver.preload-syspath');
    expect(predict(s, facts('3.13.0')).notes['s0.path0']).toEqual(['empty', 'set']);
    expect(predict(s, facts('3.12.1')).notes['s0.path0']).toEqual(['empty', 'set']);
  });
  it('the list no longer holds __main__: from 3.13.8 the children re-run the script instead of inheriting a preload', () => {
    const e = predict(s, facts('3.13.15'));
    expect(e.rules).toContain('forkserver.preload-modules');
    expect(e.rules).toContain('spawn.rerun-main');
    expect(outcomes(e, 'w0')).toEqual(['ok']);
  });
  it('other top-level code in such a forkserver is not modelled', () => {
    const other = scenario({ op: 'set-global', at: 'top' }, { op: 'forkserver-preload', at: 'main', modules: 'script' }, start(0, { ctx: 'forkserver' }));
    expect(predict(other, facts('3.13.5')).processes.every((p) => p.kind === 'unspecified')).toBe(true);
  });
});

describe('set_forkserver_preload([]): the forkserver preloads nothing', () => {
  // Lib/multiprocessing/forkserver.py ensure_running: an empty list sends no main_path; main() imports nothing
  const s = scenario({ op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'forkserver' }, { op: 'forkserver-preload', at: 'main', modules: 'none' }, start(1, { ctx: 'forkserver', action: 'report-method' }));
  it("from 3.13.8 too, each child re-runs the script, and the Lock its re-run made leaks (ForkServerProcess clears the finalizers)", () => {
    const e = predict(s, facts('3.13.15'));
    expect(e.rules).toEqual(expect.arrayContaining(['forkserver.preload-modules', 'spawn.rerun-main', 'forkserver.rerun-finalizers-cleared']));
    expect(outcomes(e, 'resource-tracker')).toEqual(['exception:SystemExit']);
  });
});

describe("the preloading forkserver's sys.argv (gh-143706)", () => {
  // Lib/multiprocessing/forkserver.py (3.13.15) ensure_running passes the parent's sys_argv, main() sets sys.argv[:]
  const s = scenario({ op: 'report-argv', at: 'top' }, start(0, { ctx: 'forkserver', action: 'report-method' }));
  it("from 3.13.12 it is the parent's; 3.13.8-3.13.11 its own; without the preload the children's come from prepare()", () => {
    const e = predict(s, facts('3.13.15'));
    expect(e.notes['s0.argv']).toEqual(['extra']);
    expect(e.noteRules?.['s0.argv']).toContain('forkserver.preload-argv-parent');
    expect(predict(s, facts('3.13.8')).notes['s0.argv']).toEqual(['none']);
    expect(predict(s, facts('3.13.5')).notes['s0.argv']).toEqual(['extra']);
  });
});
