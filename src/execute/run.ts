import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import { probeSiteFor } from './compiled-probe.js';
import { BoundedCapture } from './capture.js';
import { childEnv } from './env.js';
import { ExecuteCancelledError, spawnError } from './errors.js';
import type { ProbeEvent } from '../contracts/events.js';
import { PoolHangDetector } from './hang.js';
import type { IpcLeftover } from './ipc.js';
import { killGroup, killTokenProcesses, lastPid, recordedPids } from './kill.js';
import { normalizeExecuteOptions } from './normalize-options.js';
import { NoteCollector } from './notes.js';
import { trackGroup, untrackGroup } from './registry.js';
import { EventTail } from './tail.js';
import { launchTree } from './sandbox/index.js';
import { DRAIN_MS, GRACE_MS } from './terminate/constants.js';
import { atMost, drainLeftovers } from './terminate/drain.js';
import { GENERATED_WINDOW, QuiescenceWatch, quiescenceWindow, type QuiescenceWindow } from './terminate/quiescence.js';
import { needsFullScan } from './terminate/scan.js';
import { Termination } from './terminate/termination.js';
import { armTriggers } from './terminate/triggers.js';
import type { TreeProcess } from './terminate/stacks.js';
import { nsPids, type TreeLaunch } from './sandbox/index.js';
import type { RawRun } from './types.js';
import { MAIN_FILE, makeRunDir } from './workdir.js';

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
  /**
   * Recognise a deadlock as soon as the whole tree is quiescent (every process blocked: no CPU
   * time, output, probe event, process started or ended) for a confirmation window: `'generated'`
   * (a generated program never sleeps or waits outside its tree: 1 s, 5 s when some thread waits
   * with a timeout), a window in ms (a user's program that may sleep on purpose), or off
   * (default): only the timeout and the known patterns end a run early.
   */
  readonly quiescence?: 'generated' | number;
  /** Before ending a hung tree, ask its Python processes for their stacks (default true). */
  readonly stacks?: boolean;
  /** A probe directory to put on PYTHONPATH instead of this interpreter's compiled probe. */
  readonly probeDir?: string;
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

/** Tree pids (as the probe's events name processes) to host pids: the same without a pid namespace. */
function resolveTreePids(launch: TreeLaunch, treePids: readonly number[]): TreeProcess[] {
  const hosts = launch.hostPids();
  if (hosts.length === 0) return treePids.map((p) => ({ treePid: p, hostPid: p }));
  const byTree = new Map(hosts.map((h) => [nsPids(h).at(-1), h]));
  return treePids.flatMap((p) => {
    const hostPid = byTree.get(p);
    return hostPid === undefined ? [] : [{ treePid: p, hostPid }];
  });
}

/** The quiescence window an option asks for. */
function windowOf(q: 'generated' | number): QuiescenceWindow {
  return q === 'generated' ? GENERATED_WINDOW : quiescenceWindow(q);
}

/**
 * Runs a program as its own process group under the probe and returns what happened as data
 * (exit, signal or hang; events; bounded output). Nothing it started outlives it: the group, and
 * any process carrying the run token, is killed, and the temporary directory is removed.
 */
export async function executeProgram(opts: ExecuteOptions): Promise<RawRun> {
  normalizeExecuteOptions(opts);
  if (opts.signal?.aborted) throw new ExecuteCancelledError();
  // the precompiled probe for this interpreter (made once, cached on disk), else its source
  const probeDir = await probeSiteFor(opts.python);
  const tmp = makeRunDir(opts.source);
  const { eventsFile, childTmp } = tmp;
  const token = opts.token ?? randomBytes(12).toString('hex');
  const started = Date.now();
  try {
    const stdout = new BoundedCapture(opts.captureBytes, opts.captureBytes);
    const stderr = new BoundedCapture(opts.captureBytes, opts.captureBytes);
    const notes = new NoteCollector();
    let outputBytes = 0;

    // every process of the tree gets a pid allocated after this one (until pids wrap)
    const since = lastPid();
    const launch = launchTree(opts.python, [MAIN_FILE], tmp.path, token); // own pid + mount namespaces when the machine allows
    const child = execa(launch.file, launch.args, {
      cwd: tmp.path, env: childEnv({ probeDir: opts.probeDir ?? probeDir, eventsFile, token, tmpDir: childTmp }), extendEnv: false,
      detached: true, stdin: 'ignore', buffer: false, reject: false, cleanup: false,
    });
    void child.catch(() => undefined);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error: Error | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, error: null }));
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
    });
    child.stdout?.on('data', (b: Buffer) => { outputBytes += b.length; stdout.push(b); notes.push(b); });
    child.stderr?.on('data', (b: Buffer) => { outputBytes += b.length; stderr.push(b); });
    const streamsEnded = Promise.all([ended(child.stdout ?? null), ended(child.stderr ?? null)]);
    const pid = child.pid ?? null;
    if (pid !== null) trackGroup(pid, token);
    launch.attach(pid);

    let feed: ((e: ProbeEvent) => void) | null = null;
    const tail = new EventTail(eventsFile, (e) => feed?.(e));
    const termination = pid === null ? null : new Termination({
      pid, token, workDir: tmp.path, graceMs: opts.graceMs ?? GRACE_MS, events: tail, stacks: opts.stacks !== false,
      resolve: (treePids) => resolveTreePids(launch, treePids),
    });
    // every trigger that may stop the run early, each recording why at most once
    const armed = termination === null ? null : armTriggers(termination, {
      timeoutMs: opts.timeoutMs, signal: opts.signal, started,
      pattern: opts.detectHangs === false ? null : new PoolHangDetector(),
      quiescence: opts.quiescence === undefined ? null : new QuiescenceWatch(pid!, since, windowOf(opts.quiescence), () => outputBytes + tail.events.length),
    });
    feed = armed?.feed ?? null;

    const exit = await exited;
    armed?.disarm();
    // Leftovers (forkserver, resource tracker, orphans) hold our pipes: let them finish briefly, then kill.
    // A hung tree is ended whole at once: nothing of it is waited for.
    const hung = termination?.cause?.by === 'hang';
    const pipesClosed = hung ? false : await drainLeftovers(streamsEnded, () => { tail.drain(); return tail.events; });
    if (pid !== null) {
      killGroup(pid, 'SIGKILL');
      tail.drain();
      // outside namespaces, what left the group is found by its run token
      if (!launch.contained()) {
        const full = needsFullScan({ stopped: termination?.cause != null, pipesClosed, since, mainPid: pid, durationMs: Date.now() - started, events: tail.events });
        killTokenProcesses(token, recordedPids(tail.events), full ? null : since);
      }
      await launch.settle(); // namespaces: every process of it is dead once its init is
      untrackGroup(pid);
    }
    // what the killed tree had written is still in the pipes: read it before they are closed
    if (hung) await atMost(streamsEnded, DRAIN_MS);
    const settled = termination === null ? null : await termination.settle(exit, tail.events);
    child.stdout?.destroy();
    child.stderr?.destroy();
    tail.close();
    // the tree is dead: what it created in /dev/shm and did not unlink is ours to remove
    const ipcLeftovers: IpcLeftover[] = launch.ipcLeftovers(tail.events, opts.unlinkIpc !== false);
    if (exit.error !== null) throw spawnError(opts.python, exit.error);
    if (termination?.cause?.by === 'cancel') throw new ExecuteCancelledError(tmp.path, token);
    return {
      mainPid: launch.treePid(pid),
      sandbox: launch.mode,
      end: settled?.end ?? { kind: 'exited', code: exit.code ?? -1 },
      events: settled?.events ?? tail.events,
      stdout: stdout.result(),
      stderr: stderr.result(),
      notes: notes.result(),
      durationMs: Date.now() - started,
      mainExit: { code: exit.code, signal: exit.signal },
      token,
      workDir: tmp.path,
      ipcLeftovers,
      stacks: settled?.stacks ?? [],
    };
  } finally {
    tmp.remove();
  }
}
