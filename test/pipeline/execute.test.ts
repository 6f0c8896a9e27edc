import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ExecuteCancelledError, executeProgram, findTokenProcesses } from '../../src/execute/index.js';
import { InterpreterMissingError } from '../../src/errors/interpreter.js';
import { proc, run } from './harness.js';
import { python } from '../support/pythons.js';

const py = python('3.12') ?? python('debian');

describe.skipIf(py === null)('execute: bounded, killable, leaves nothing behind (CPython 3.12)', () => {
  test('a child flooding stdout: memory bounded, head and tail kept, middle counted', async () => {
    const source = `import multiprocessing as mp, sys, os
def flood():
    chunk = b'x' * 65536
    out = sys.stdout.buffer
    out.write(b'START\\n')
    for _ in range(3000):  # ~190 MiB
        out.write(chunk)
    out.write(b'\\nEND-MARK\\n')
    out.flush()
if __name__ == '__main__':
    p = mp.get_context('fork').Process(target=flood, name='w1')
    p.start(); p.join()
    print('@note w1.exitcode', p.exitcode)
`;
    const before = process.memoryUsage().rss;
    const { o } = await run(py!, source, { captureBytes: 16 * 1024 });
    const grew = process.memoryUsage().rss - before;
    expect(o.stdout.totalBytes).toBeGreaterThan(185 * 1024 * 1024);
    expect(o.stdout.head.startsWith('START\nxxxx')).toBe(true);
    expect(o.stdout.head.length).toBe(16 * 1024);
    expect(o.stdout.tail.endsWith('\nEND-MARK\n@note w1.exitcode 0\n')).toBe(true);
    expect(o.stdout.omittedBytes).toBe(o.stdout.totalBytes - 32 * 1024);
    expect(o.notes['w1.exitcode']).toBe('0');
    expect(grew).toBeLessThan(100 * 1024 * 1024);
  });

  test('a tree that ignores SIGTERM: timeout → hang, SIGKILL after the grace, nothing left', async () => {
    const source = `import multiprocessing as mp, signal, time
def stubborn():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(60)
if __name__ == '__main__':
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    p = mp.get_context('fork').Process(target=stubborn, name='w1')
    p.start()
    print('@note started 1', flush=True)
    p.join()
`;
    const t0 = Date.now();
    const { o } = await run(py!, source, { timeoutMs: 1000, graceMs: 300 });
    // the child sleeps 60 s and ignores SIGTERM: ending well before that proves the SIGKILL came
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(o.end).toMatchObject({ kind: 'hang', how: 'timeout' });
    expect(o.notes['started']).toBe('1');
    expect(proc(o, 'main').outcome).toBe('hang');
    expect(proc(o, 'w1').outcome).toBe('hang');
  });

  test('a setsid() grandchild that left the process group is found by its token and killed', async () => {
    const source = `import os, time
pid = os.fork()
if pid == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(60)
    os._exit(0)
os.waitpid(pid, 0)
print('@note parent done')
`;
    const t0 = Date.now();
    const { o } = await run(py!, source); // run() asserts no token process survives
    expect(o.end).toEqual({ kind: 'exited', code: 0 });
    // the grandchild sleeps 60 s: the run did not wait for it
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  test('cancel (AbortSignal): tree killed, temp dir removed, ExecuteCancelledError', async () => {
    const token = randomBytes(8).toString('hex');
    const ac = new AbortController();
    const pending = executeProgram({ python: py!, source: 'import time\ntime.sleep(60)\n', timeoutMs: 60_000, signal: ac.signal, token });
    setTimeout(() => ac.abort(), 300);
    const error: unknown = await pending.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ExecuteCancelledError);
    expect(findTokenProcesses(token)).toEqual([]);
    const workDir = (error as ExecuteCancelledError).workDir;
    expect(workDir).toMatch(/mpconform-/);
    expect(existsSync(workDir!)).toBe(false);
  });

  test('a missing interpreter is an error naming the path', async () => {
    await expect(executeProgram({ python: '/nonexistent/python3', source: 'pass\n', timeoutMs: 5000 })).rejects.toBeInstanceOf(InterpreterMissingError);
  });
});
