import { describe, expect, it } from 'vitest';
import { predict } from './predict.js';
import { facts, outcomes, scenario, start } from '../../test/support/oracle-kit.js';

// Reasoned from synchronize.py (SemLock.__getstate__), context.assert_spawning, pool.py and concurrent/futures/process.py.
describe('fork-context SemLock sent to a spawn child', () => {
  const s = scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' }, start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }] }));
  it('3.11.5+ and 3.12+: RuntimeError in the parent start()', () => {
    for (const v of ['3.11.5', '3.11.7', '3.12.0', '3.13.0']) {
      const e = predict(s, facts(v));
      expect(outcomes(e, 'main')).toEqual(['semlock-fork-context']);
      expect(outcomes(e, 'w1')).toEqual(['absent']);
    }
  });
  it('before 3.11.5 (and PyPy 3.9): SIGSEGV on Linux, EBADF on macOS', () => {
    expect(outcomes(predict(s, facts('3.11.4')), 'w1')).toEqual(['signal:SIGSEGV']);
    expect(predict(s, facts('3.11.2')).notes['w1.exitcode']).toEqual(['-11']);
    expect(outcomes(predict(s, facts('3.9.16', 'linux', 'pypy')), 'w1')).toEqual(['signal:SIGSEGV']);
    expect(outcomes(predict(s, facts('3.10.13', 'darwin')), 'w1')).toEqual(['bad-file-descriptor']);
  });
  it('an unused one does no harm; a fork child is fine', () => {
    const unused = scenario({ op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'fork' }, start(1, { ctx: 'spawn', action: 'report-method', pass: [{ obj: 0, via: 'process-arg' }] }));
    expect(outcomes(predict(unused, facts('3.10.13')), 'w1')).toEqual(['ok']);
    const fork = scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' }, start(1, { ctx: 'fork', pass: [{ obj: 0, via: 'process-arg' }] }));
    expect(outcomes(predict(fork, facts('3.12.1')), 'w1')).toEqual(['ok']);
  });
  it('through Pool initargs: parent error from 3.11.5, a crashing worker and a hang before', () => {
    const p = scenario({ op: 'create', at: 'main', id: 0, kind: 'Value', ctx: 'fork' }, start(1, { ctx: 'spawn', worker: 'pool-map', pass: [{ obj: 0, via: 'initargs' }] }));
    expect(outcomes(predict(p, facts('3.12.1')), 'main')).toEqual(['semlock-fork-context']);
    expect(outcomes(predict(p, facts('3.10.13')), 'main')).toEqual(['hang']);
    expect(outcomes(predict(p, facts('3.10.13')), 'pool')).toContain('signal:SIGSEGV');
  });
});

describe('task arguments and targets', () => {
  it('inheritance-only objects as task args reach the caller, for every pool kind', () => {
    for (const worker of ['pool-map', 'pool-apply_async', 'pool-starmap', 'executor-submit', 'executor-map'] as const) {
      const e = predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'default' }, start(1, { worker, pass: [{ obj: 0, via: 'task-arg' }] })), facts('3.11.7'));
      expect(outcomes(e, 'main')).toEqual(['inheritance-only']);
      expect(outcomes(e, 'pool')).not.toContain('inheritance-only');
    }
  });
  it('Manager proxies, Pipe connections and Process args travel', () => {
    for (const kind of ['ManagerDict', 'ManagerQueue', 'Pipe'] as const) {
      const e = predict(scenario({ op: 'create', at: 'main', id: 0, kind, ctx: 'spawn' }, start(1, { ctx: 'spawn', worker: 'pool-apply_async', pass: [{ obj: 0, via: 'task-arg' }] })), facts('3.12.1'));
      expect(outcomes(e, 'main')).toEqual(['ok']);
      expect(e.notes['w1.result']).toEqual(['1']);
    }
    const q = predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'spawn' }, start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }] })), facts('3.12.1'));
    expect(outcomes(q, 'w1')).toEqual(['ok']);
  });
  it('lambda targets: fine for a fork Process, a pickling error elsewhere', () => {
    expect(outcomes(predict(scenario(start(0, { ctx: 'fork', target: 'lambda' })), facts('3.9.18')), 'w0')).toEqual(['ok']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'spawn', target: 'lambda' })), facts('3.9.18')), 'main')).toEqual(['pickling-error']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'fork', target: 'lambda', worker: 'pool-map' })), facts('3.9.18')), 'main')).toEqual(['pickling-error']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'fork', target: 'lambda', worker: 'executor-map' })), facts('3.12.8')), 'main')).toEqual(['pickling-error']);
  });
  it('guarded-function pool targets under spawn: Pool hangs, executor breaks', () => {
    expect(outcomes(predict(scenario(start(0, { ctx: 'spawn', target: 'guarded-function', worker: 'pool-map' })), facts('3.13.0')), 'main')).toEqual(['hang']);
    const ex = predict(scenario(start(0, { ctx: 'spawn', target: 'guarded-function', worker: 'executor-submit' })), facts('3.13.0'));
    expect(outcomes(ex, 'main')).toEqual(['broken-process-pool']);
    expect(outcomes(ex, 'pool')).toContain('main-attribute-missing');
  });
  it('exceptions in tasks reach the caller; pool workers live until terminate()', () => {
    const e = predict(scenario(start(0, { worker: 'pool-map', action: 'raise' })), facts('3.12.1'));
    expect(outcomes(e, 'main')).toEqual(['exception:ValueError']);
    expect(outcomes(e, 'pool')).toEqual(['ok', 'signal:SIGTERM']);
    const s = predict(scenario(start(0, { worker: 'executor-submit', action: 'set-start-method' })), facts('3.12.1'));
    expect(outcomes(s, 'main')).toEqual(['context-already-set']);
  });
  it('PyPy 3.9: a non-fork executor fails in submit()', () => {
    expect(outcomes(predict(scenario(start(0, { ctx: 'spawn', worker: 'executor-submit' })), facts('3.9.16', 'linux', 'pypy')), 'main')).toEqual(['exception:AttributeError']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'fork', worker: 'executor-submit' })), facts('3.9.16', 'linux', 'pypy')), 'main')).toEqual(['ok']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'spawn', worker: 'executor-submit' })), facts('3.9.18')), 'main')).toEqual(['ok']);
  });
});

// Reasoned from concurrent/futures/process.py: 3.8.18 _SafeQueue._on_queue_feeder_error pops the work item without
// thread_wakeup.wakeup(); 3.9.0 added it (bpo-39104, GH-17670).
describe('executor.map with call items that fail to pickle (bpo-39104)', () => {
  const s = scenario({ op: 'create', at: 'main', id: 0, kind: 'Value', ctx: 'default' }, start(1, { worker: 'executor-map', pass: [{ obj: 0, via: 'task-arg' }] }));
  it('before 3.9: the error and a shutdown hang race', () => {
    for (const v of ['3.7.16', '3.8.18']) {
      const e = predict(s, facts(v));
      expect(outcomes(e, 'main')).toEqual(['hang', 'inheritance-only']);
      expect(outcomes(e, 'pool')).toEqual(['hang', 'ok']);
      expect(e.rules).toContain('executor.feeder-error-no-wakeup');
    }
    const lambda = predict(scenario(start(0, { ctx: 'fork', target: 'lambda', worker: 'executor-map' })), facts('3.8.18'));
    expect(outcomes(lambda, 'main')).toEqual(['hang', 'pickling-error']);
  });
  // Lib/concurrent/futures/process.py (3.9.18) _ExecutorManagerThread.run checks pending_work_items before
  // add_call_item_to_queue() drops the item map's iterator cancelled; 3.10.11 and 3.11.3 carry gh-94440's fix.
  it('from 3.9.0 to 3.10.11 and 3.11.3: the cancelled second item can still hang shutdown (gh-94440)', () => {
    for (const v of ['3.9.0', '3.9.18', '3.10.10', '3.11.2']) {
      const e = predict(s, facts(v));
      expect(outcomes(e, 'main')).toEqual(['hang', 'inheritance-only']);
      expect(e.rules).toContain('executor.cancelled-pending-no-wakeup');
      expect(e.rules).not.toContain('executor.feeder-error-no-wakeup');
    }
    expect(predict(s, facts('3.8.18')).rules).toEqual(expect.arrayContaining(['executor.feeder-error-no-wakeup', 'executor.cancelled-pending-no-wakeup']));
  });
  // Lib/concurrent/futures/process.py (3.12.1) join_executor_internals joins the feeder thread under shutdown_lock,
  // which _on_queue_feeder_error takes too; 3.12.8 and 3.13.1 give _ThreadWakeup its own lock (gh-125451)
  it('from 3.12.1 to 3.12.8 and in 3.13.0: the second item\'s feeder error can deadlock shutdown (gh-125451)', () => {
    for (const v of ['3.12.1', '3.12.7', '3.13.0']) {
      const e = predict(s, facts(v));
      expect(outcomes(e, 'main')).toEqual(['hang', 'inheritance-only']);
      expect(outcomes(e, 'pool')).toEqual(['hang', 'ok']);
      expect(e.rules).toContain('executor.feeder-error-shutdown-deadlock');
    }
    const lambda = predict(scenario(start(0, { ctx: 'fork', target: 'lambda', worker: 'executor-map' })), facts('3.12.1'));
    expect(outcomes(lambda, 'main')).toEqual(['hang', 'pickling-error']);
    for (const v of ['3.11.7', '3.12.0', '3.12.8', '3.13.1', '3.13.15']) expect(predict(s, facts(v)).rules).not.toContain('executor.feeder-error-shutdown-deadlock');
  });
  // the same lock held by terminate_broken() while call_queue._terminate_broken() joins the feeder thread (3.12.1)
  it('workers dying at bootstrap while an unpicklable call item fails: a hang also races, with a single submit() too', () => {
    for (const worker of ['executor-map', 'executor-submit'] as const) {
      const top = scenario({ op: 'create', at: 'top', id: 0, kind: 'Queue', ctx: 'forkserver' }, { ...start(1, { worker, ctx: 'forkserver', target: 'lambda' }), at: 'top' });
      expect(outcomes(predict(top, facts('3.12.1')), 'main')).toEqual(['broken-process-pool', 'hang', 'pickling-error']);
      expect(outcomes(predict(top, facts('3.12.8')), 'main')).toEqual(['broken-process-pool', 'pickling-error']);
    }
  });
  it('from 3.10.11 and 3.11.3, and for a single submit() on any version: only the error', () => {
    for (const f of [facts('3.10.11'), facts('3.10.13'), facts('3.11.3'), facts('3.12.0'), facts('3.12.8'), facts('3.13.1'), facts('3.13.15')]) {
      const e = predict(s, f);
      expect(outcomes(e, 'main')).toEqual(['inheritance-only']);
      expect(outcomes(e, 'pool')).toEqual(['ok']);
    }
    const submit = scenario({ op: 'create', at: 'main', id: 0, kind: 'Value', ctx: 'default' }, start(1, { worker: 'executor-submit', pass: [{ obj: 0, via: 'task-arg' }] }));
    expect(outcomes(predict(submit, facts('3.7.16')), 'main')).toEqual(['inheritance-only']);
  });
});
