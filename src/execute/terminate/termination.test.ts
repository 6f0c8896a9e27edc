import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { ProbeEvent } from '../../contracts/events.js';
import { hangEnd, Termination } from './termination.js';
import { onCancel, onTimeout } from './triggers.js';

/** A real process group (`sleep 30`) and a fake event source the test appends to. */
function tree(): { t: Termination; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; events: ProbeEvent[] } {
  const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const events: ProbeEvent[] = [];
  const t = new Termination({
    pid: child.pid!, token: 'no-such-token', workDir: '/nonexistent', graceMs: 200, stacks: false,
    resolve: () => [], events: { drain: () => undefined, events },
  });
  return { t, exited, events };
}

const ev = (pid: number): ProbeEvent => ({ ev: 'exit', pid, t: 0, how: 'atexit', code: null });

describe('Termination', () => {
  test('the first trigger wins, is recorded once, and cuts the events at that instant', async () => {
    const { t, exited, events } = tree();
    events.push(ev(1));
    const timeout = onTimeout(t, 50, Date.now());
    const ac = new AbortController();
    const cancel = onCancel(t, ac.signal);
    const exit = await exited;
    ac.abort(); // too late: the timeout already stopped the run
    timeout();
    cancel();
    events.push(ev(2)); // a dying process's event after the stop
    expect(t.cause).toMatchObject({ by: 'hang', end: { kind: 'hang', how: 'timeout', hangBy: 'timeout' } });
    expect(t.stop({ by: 'cancel' })).toBe(false);
    const settled = await t.settle(exit, events);
    expect(settled.end).toMatchObject({ kind: 'hang', how: 'timeout', hangBy: 'timeout', reason: 'no exit within 50 ms' });
    expect(settled.events).toEqual([ev(1)]);
  });

  test('a cancel is its own cause, not an exit', async () => {
    const { t, exited } = tree();
    const ac = new AbortController();
    onCancel(t, ac.signal);
    ac.abort();
    const exit = await exited;
    expect(exit.signal).toBe('SIGTERM');
    expect(t.cause).toEqual({ by: 'cancel' });
    expect((await t.settle(exit, [])).end).toEqual({ kind: 'signaled', signal: 'SIGTERM' });
  });

  test('no trigger: the run ends as the process exited', async () => {
    const child = spawn('sh', ['-c', 'exit 3'], { detached: true, stdio: 'ignore' });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const t = new Termination({ pid: child.pid!, token: 'x', workDir: '/nonexistent', graceMs: 200, stacks: false, resolve: () => [], events: { drain: () => undefined, events: [] } });
    expect(t.cause).toBeNull();
    expect((await t.settle(exit, [ev(1)])).end).toEqual({ kind: 'exited', code: 3 });
    expect(hangEnd('quiescence', 'quiescence', 'r', 5)).toEqual({ kind: 'hang', how: 'quiescence', hangBy: 'quiescence', reason: 'r', afterMs: 5 });
  });
});
