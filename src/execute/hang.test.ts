import { describe, expect, test } from 'vitest';
import type { ProbeEvent } from '../contracts/events.js';
import { PoolHangDetector } from './hang.js';

const started = (child: number, name = `SpawnPoolWorker-${child}`, target = 'multiprocessing.pool.worker'): ProbeEvent =>
  ({ ev: 'started', pid: 1, t: 0, child, name, method: 'spawn', target, lib: 'multiprocessing' });
const failed = (pid: number): ProbeEvent => ({ ev: 'exception', pid, t: 0, where: 'excepthook', type: 'RuntimeError', module: 'builtins', message: 'bootstrapping phase', errno: null });
const exitcode = (child: number, code: number): ProbeEvent => ({ ev: 'exitcode', pid: 1, t: 0, child, name: null, code, lib: 'multiprocessing' });

describe('PoolHangDetector', () => {
  test('six replaced pool workers failing in a row is a hang', () => {
    const d = new PoolHangDetector();
    const reasons: (string | null)[] = [];
    for (let i = 10; i < 16; i++) reasons.push(d.feed(started(i)), d.feed(failed(i)));
    expect(reasons.filter((r) => r !== null)).toHaveLength(1);
    expect(d.reason).toMatch(/6 pool workers failed/);
  });

  test('SIGTERM from closing the pool, a clean exit in between, or executor workers are not the pattern', () => {
    const d = new PoolHangDetector();
    for (let i = 10; i < 20; i++) {
      d.feed(started(i));
      d.feed(exitcode(i, i === 15 ? 0 : i % 2 === 0 ? -15 : 1));
    }
    for (let i = 30; i < 40; i++) {
      d.feed(started(i, `SpawnProcess-${i}`, 'concurrent.futures.process._process_worker'));
      d.feed(failed(i));
    }
    expect(d.reason).toBeNull();
  });

  test('a pool worker dying inside its task loop (exception or signal) is a suspected lost task; one dying before it is not', () => {
    const boot = (pid: number): ProbeEvent => ({ ev: 'bootstrap', pid, t: 0, ppid: 1, name: `SpawnPoolWorker-${pid}`, method: 'spawn', target: 'multiprocessing.pool.worker', lib: 'multiprocessing' });
    const early = new PoolHangDetector();
    early.feed(started(10));
    early.feed(exitcode(10, -11)); // died before run(): the pool replaces it and nothing was taken
    expect(early.lostTask).toBeNull();
    const crashed = new PoolHangDetector();
    crashed.feed(started(10));
    crashed.feed(boot(10));
    crashed.feed(exitcode(10, -15)); // the pool's own terminate() is not a loss
    expect(crashed.lostTask).toBeNull();
    crashed.feed(started(11));
    crashed.feed(boot(11));
    crashed.feed(exitcode(11, -11));
    expect(crashed.lostTask).toMatch(/killed by signal 11 in its task loop/);
    const raised = new PoolHangDetector();
    raised.feed(started(12));
    raised.feed(boot(12));
    raised.feed({ ev: 'exception', pid: 12, t: 0, where: 'run', type: 'AttributeError', module: 'builtins', message: "Can't get attribute", errno: null });
    expect(raised.lostTask).toMatch(/died in its task loop \(AttributeError\)/);
  });
});
