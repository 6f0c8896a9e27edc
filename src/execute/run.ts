import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import { dir as tmpDir } from 'tmp-promise';
import type { ProbeEvent } from '../probe/events.js';
import { probeSiteFor } from '../probe/compiled.js';
import { BoundedCapture } from './capture.js';
import { childEnv } from './env.js';
import { ExecuteCancelledError, spawnError } from './errors.js';
import { HANG_CONFIRM_MS, PoolHangDetector } from './hang.js';
import { unlinkLeftovers, type IpcLeftover } from './ipc.js';
import { hasUnaccounted, killGroup, killTokenProcesses, lastPid, recordedPids } from './kill.js';
import { NoteCollector } from './notes.js';
import { trackGroup, untrackGroup } from './registry.js';
import { EventTail } from './tail.js';
import type { RawRun, RawEnd } from './types.js';

/** Options for one run of one program. */
export interface ExecuteOptions {
  /** Interpreter path (or a name on PATH). */
  readonly python: string;
  /** Program text, written as `main.py` in a fresh temporary directory (its cwd). */
  readonly source: string;
  /** Overall wall-clock limit; the tree is killed and the run is a `hang` (`how: 'timeout'`). */
  readonly timeoutMs: number;
  /** Aborting kills the tree and rejects with ExecuteCancelledError (after cleanup). */
  readonly signal?: AbortSignal;
  /** Recognise a hopeless pool early (default true). */
  readonly detectHangs?: boolean;
  /** SIGTERM → SIGKILL grace (default 500 ms). */
  readonly graceMs?: number;
  /** Bytes kept at each end of stdout and stderr (default 64 KiB). */
  readonly captureBytes?: number;
  /** The run token (default: 24 random hex digits); lets a caller find the tree in /proc. */
  readonly token?: string;
  /**
   * Unlink the named semaphores / shared memory the tree created and left behind (default true).
   * Only tests measuring the leak turn this off; they must then remove `leftIpc` themselves.
   */
  readonly unlinkIpc?: boolean;
}

/** Resolves when the stream has ended, closed or failed (attach at spawn: 'end' may precede 'exit'). */
function ended(s: Readable | null): Promise<void> {
  if (s === null || s.readableEnded || s.destroyed) return Promise.resolve();
  return new Promise((resolve) => { s.once('end', resolve); s.once('close', resolve); s.once('error', () => resolve()); });
}

/** Waits for `done`, or `ms`, whichever first (never hangs on a pipe a leftover process holds): true when `done` came first. */
function atMost(done: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void done.then(() => { clearTimeout(timer); resolve(true); });
  });
}

/**
 * Runs a program as its own process group under the probe and returns what happened as data
 * (exit, signal or hang; events; bounded output). Nothing it started outlives it: the group, and
 * any process carrying the run token, is killed, and the temporary directory is removed.
 */
export async function executeProgram(opts: ExecuteOptions): Promise<RawRun> {
  if (opts.signal?.aborted) throw new ExecuteCancelledError();
  const tmp = await tmpDir({ prefix: 'mpconform-', unsafeCleanup: true });
  const token = opts.token ?? randomBytes(12).toString('hex');
  const eventsFile = join(tmp.path, '.mpconform-events.jsonl');
  const started = Date.now();
  try {
    // the tree's TMPDIR: multiprocessing's pymp-* dirs (forkserver socket, ...) go away with ours
    const childTmp = join(tmp.path, '.tmp');
    // the precompiled probe for this interpreter (made once, cached on disk), else its source
    const [probeDir] = await Promise.all([
      probeSiteFor(opts.python), writeFile(join(tmp.path, 'main.py'), opts.source), writeFile(eventsFile, ''), mkdir(childTmp),
    ]);
    const stdout = new BoundedCapture(opts.captureBytes, opts.captureBytes);
    const stderr = new BoundedCapture(opts.captureBytes, opts.captureBytes);
    const notes = new NoteCollector();
    // mutated by callbacks (a holder object, so TypeScript does not narrow it to null)
    const state: { stopped: { end: RawEnd; eventCount: number } | null } = { stopped: null };
    let cancelled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const detector = opts.detectHangs === false ? null : new PoolHangDetector();

    // every process of the tree gets a pid allocated after this one (until pids wrap)
    const since = lastPid();
    const child = execa(opts.python, ['main.py'], {
      cwd: tmp.path, env: childEnv({ probeDir, eventsFile, token, tmpDir: childTmp }), extendEnv: false,
      detached: true, stdin: 'ignore', buffer: false, reject: false, cleanup: false,
    });
    void child.catch(() => undefined);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error: Error | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, error: null }));
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
    });
    child.stdout?.on('data', (b: Buffer) => { stdout.push(b); notes.push(b); });
    child.stderr?.on('data', (b: Buffer) => stderr.push(b));
    const streamsEnded = Promise.all([ended(child.stdout ?? null), ended(child.stderr ?? null)]);
    const pid = child.pid ?? null;
    if (pid !== null) trackGroup(pid, token);

    let confirmTimer: NodeJS.Timeout | undefined;
    const tail = new EventTail(eventsFile, (e: ProbeEvent) => {
      detector?.feed(e);
      const reason = detector?.reason ?? detector?.lostTask ?? null;
      if (reason !== null && confirmTimer === undefined) {
        // A pattern is a hang only if the tree is still running a moment later: a slow main (a loaded
        // machine) may be about to raise while its doomed pool workers are being replaced.
        confirmTimer = setTimeout(() => stop({ kind: 'hang', how: 'pattern', reason, afterMs: Date.now() - started }), HANG_CONFIRM_MS);
      }
    });
    // Stop the tree: events after this instant (dying processes) are not part of the observation.
    const stop = (end: RawEnd | 'cancel'): void => {
      if (state.stopped !== null || pid === null) return;
      tail.drain();
      if (end === 'cancel') cancelled = true;
      state.stopped = { end: end === 'cancel' ? { kind: 'exited', code: -1 } : end, eventCount: tail.events.length };
      killGroup(pid, 'SIGTERM');
      graceTimer = setTimeout(() => { killGroup(pid, 'SIGKILL'); killTokenProcesses(token); }, opts.graceMs ?? 500);
    };
    const timer = setTimeout(() => stop({ kind: 'hang', how: 'timeout', reason: `no exit within ${opts.timeoutMs} ms`, afterMs: Date.now() - started }), opts.timeoutMs);
    const onAbort = (): void => stop('cancel');
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const exit = await exited;
    clearTimeout(timer);
    clearTimeout(confirmTimer);
    opts.signal?.removeEventListener('abort', onAbort);
    // Leftovers (forkserver, resource tracker, orphans) hold our pipes: let them finish briefly, then kill.
    const pipesClosed = await atMost(streamsEnded, 300);
    if (pid !== null) {
      killGroup(pid, 'SIGKILL');
      tail.drain();
      // Read every pid in /proc when something may have escaped: the tree was killed, someone
      // still holds its pipes, or a recorded process neither exited nor was reaped by its parent.
      // Otherwise only the pids allocated since the tree started (a setsid() escapee that closed
      // its pipes and was never recorded still carries the token and has such a pid).
      // killTokenProcesses reads every pid anyway when a recorded pid is still alive.
      const full = state.stopped !== null || !pipesClosed || since === null || pid <= since
        || Date.now() - started > 5_000 || hasUnaccounted(tail.events, pid);
      killTokenProcesses(token, recordedPids(tail.events), full ? null : since);
      untrackGroup(pid);
    }
    clearTimeout(graceTimer);
    child.stdout?.destroy();
    child.stderr?.destroy();
    tail.close();
    // the tree is dead: what it created in /dev/shm and did not unlink is ours to remove
    const ipcLeftovers: IpcLeftover[] = opts.unlinkIpc === false ? [] : unlinkLeftovers(tail.events);
    if (exit.error !== null) throw spawnError(opts.python, exit.error);
    if (cancelled) throw new ExecuteCancelledError(tmp.path, token);
    const cut = state.stopped;
    const end: RawEnd = cut !== null ? cut.end
      : exit.signal !== null ? { kind: 'signaled', signal: exit.signal }
      : { kind: 'exited', code: exit.code ?? -1 };
    return {
      mainPid: pid,
      end,
      events: cut !== null ? tail.events.slice(0, cut.eventCount) : tail.events,
      stdout: stdout.result(),
      stderr: stderr.result(),
      notes: notes.result(),
      durationMs: Date.now() - started,
      mainExit: { code: exit.code, signal: exit.signal },
      token,
      workDir: tmp.path,
      ipcLeftovers,
    };
  } finally {
    await tmp.cleanup().catch(() => undefined);
  }
}
