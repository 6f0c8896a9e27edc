/**
 * The probe's events, as the real probe writes them on real interpreters, against the one
 * TypeScript definition (src/contracts/events.ts): every kind is written, and every event of a kind
 * has exactly the fields the contract lists.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { EVENTS_ENV, TOKEN_ENV } from '../../src/contracts/env.js';
import { EVENT_FIELDS, EVENT_KINDS, type ProbeEventKind } from '../../src/contracts/events.js';
import { factsEnv } from '../../src/execute/env.js';
import { compareVersions } from '../../src/model/facts.js';
import { probeSiteDir } from '../../src/probe/paths.js';
import { available } from '../support/pythons.js';

const scratch = mkdtempSync(join(tmpdir(), 'mpconform-events-contract-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// every kind of event: start, bootstrap, started, exitcode, exit (both), exception (run and
// excepthook), start-failed (a lambda cannot be pickled for spawn), ipc (a spawn Lock's named
// semaphore, a shared memory segment), spawned (os.fork, subprocess), warning (3.12+: a fork while
// another thread runs)
const PROGRAM = `import multiprocessing as mp, os, subprocess, sys, threading, time
from multiprocessing import shared_memory

def ok():
    pass

def boom():
    raise ValueError('boom')

if __name__ == '__main__':
    spawn = mp.get_context('spawn')
    lock = spawn.Lock()
    shm = shared_memory.SharedMemory(create=True, size=16)
    shm.close()
    shm.unlink()
    p = spawn.Process(target=ok, name='w1')
    p.start()
    p.join()
    q = mp.get_context('fork').Process(target=boom, name='w2')
    q.start()
    q.join()
    try:
        spawn.Process(target=lambda: None, name='w3').start()
    except Exception:
        pass
    t = threading.Thread(target=time.sleep, args=(0.5,))
    t.start()
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    t.join()
    subprocess.run([sys.executable, '-c', 'pass'], check=True)
    raise RuntimeError('main ends with an uncaught exception')
`;

const { present, missing } = available(['3.8', '3.11', '3.12', '3.13']);

/** Kinds the probe writes only from some version on (the interpreter does not give the occasion before). */
const SINCE: Partial<Record<ProbeEventKind, string>> = { warning: '3.12' };

describe.skipIf(present.length === 0)(`probe events match src/contracts/events.ts (${present.map(([k]) => k).join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''})`, () => {
  test.each(present)('%s: every kind is written, each with exactly the contract\'s fields', async (kind, py) => {
    const dir = mkdtempSync(join(scratch, 'run-'));
    const events = join(dir, 'events.jsonl');
    writeFileSync(join(dir, 'main.py'), PROGRAM);
    const r = await execa(py, ['main.py'], {
      cwd: dir, reject: false, extendEnv: false, timeout: 60_000,
      env: { ...factsEnv(), PYTHONPATH: probeSiteDir(), [EVENTS_ENV]: events, [TOKEN_ENV]: 'contract-test' },
    });
    expect(r.exitCode, String(r.stderr)).toBe(1);
    const lines = readFileSync(events, 'utf8').split('\n').filter((l) => l !== '');
    const seen = new Set<string>();
    for (const line of lines) {
      const e = JSON.parse(line) as Record<string, unknown>;
      const ev = String(e['ev']);
      seen.add(ev);
      expect(EVENT_KINDS, line).toContain(ev);
      expect(typeof e['pid'], line).toBe('number');
      expect(typeof e['t'], line).toBe('number');
      const fields = Object.keys(e).filter((k) => k !== 'ev' && k !== 'pid' && k !== 't').sort();
      expect(fields, line).toEqual([...EVENT_FIELDS[ev as ProbeEventKind]].sort());
    }
    const due = EVENT_KINDS.filter((k) => { const since = SINCE[k]; return since === undefined || compareVersions(kind, since) >= 0; });
    expect([...seen].sort()).toEqual([...due].sort());
    const start = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e['ev'] === 'start');
    expect(start?.['token']).toBe('contract-test');
  }, 90_000);
});
