/**
 * The tracking mode's /dev/shm cleanup on the real /dev/shm: a glibc temp file that a live
 * process holds open is a semaphore being made right now (by another tree when runs share
 * /dev/shm) and is never taken for this tree's leftover; once nobody holds it, it is.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import type { ProbeEvent } from '../contracts/events.js';
import { TOKEN_ENV } from '../contracts/env.js';
import { SHM_DIR, unlinkLeftovers } from './ipc.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const tempName = (): string => `sem.${[...randomBytes(6)].map((b) => ALNUM[b % ALNUM.length]).join('')}`;
/** A semaphore this tree recorded just now and whose file does not exist (created and unlinked, or never made). */
const recordedJustNow = (): ProbeEvent[] => [{ ev: 'ipc', kind: 'semaphore', name: `/mp-${randomBytes(4).toString('hex')}`, lib: 'multiprocessing', pid: process.pid, t: Date.now() / 1000 }];

/** The run token of the tree being cleaned up (this test process does not carry it). */
const TOKEN = randomBytes(12).toString('hex');
const made: string[] = [];
afterEach(() => {
  for (const p of made.splice(0)) rmSync(p, { force: true });
});

/** A temp file as glibc's sem_open makes it (sem_t's 32 bytes), still open here when `keepOpen`. */
function glibcTemp(keepOpen: boolean): { path: string; fd: number | null } {
  const path = `${SHM_DIR}/${tempName()}`;
  made.push(path);
  const fd = openSync(path, 'wx', 0o600);
  writeSync(fd, Buffer.alloc(32));
  if (keepOpen) return { path, fd };
  closeSync(fd);
  return { path, fd: null };
}

describe.skipIf(!existsSync(SHM_DIR))('unlinkLeftovers and semaphores other processes are making', () => {
  test('a temp file a live process holds open is left alone; the same file, closed, is removed as a leftover', () => {
    const events = recordedJustNow();
    const held = glibcTemp(true);
    expect(unlinkLeftovers(events, TOKEN).map((x) => x.path)).not.toContain(held.path);
    expect(existsSync(held.path)).toBe(true);
    closeSync(held.fd!);
    expect(unlinkLeftovers(events, TOKEN)).toContainEqual({ kind: 'semaphore', name: `/${held.path.slice(SHM_DIR.length + 5)}`, path: held.path, removed: true });
    expect(existsSync(held.path)).toBe(false);
  });

  test('an orphaned temp file born long before anything this tree recorded is not its leftover', () => {
    const orphan = glibcTemp(false);
    const events = recordedJustNow().map((e) => ({ ...e, t: e.t + 5 }));
    expect(unlinkLeftovers(events, TOKEN)).toEqual([]);
    expect(existsSync(orphan.path)).toBe(true);
  });

  test('a holder that carries the tree\'s own token is that tree\'s dying process: its temp file is a leftover', async () => {
    const events = recordedJustNow();
    const file = glibcTemp(false);
    // a real process holding the file open (fd 3), once with the tree's token and once with another;
    // it waits on its stdin (no exec: /proc/<pid>/environ is unreadable for a moment while a process execs)
    const holder = (token: string) => spawn('/bin/sh', ['-c', `exec 3<>${file.path}; echo ready; read x`], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', [TOKEN_ENV]: token }, stdio: ['pipe', 'pipe', 'ignore'] });
    const ready = (p: ReturnType<typeof holder>) => new Promise<void>((resolve) => p.stdout!.once('data', () => resolve()));
    const other = holder(randomBytes(12).toString('hex'));
    try {
      await ready(other);
      expect(unlinkLeftovers(events, TOKEN)).toEqual([]);
      expect(existsSync(file.path)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
    await new Promise((r) => other.once('exit', r));
    const own = holder(TOKEN);
    try {
      await ready(own);
      expect(unlinkLeftovers(events, TOKEN).map((x) => x.path)).toEqual([file.path]);
      expect(existsSync(file.path)).toBe(false);
    } finally {
      own.kill('SIGKILL');
    }
  });
});
