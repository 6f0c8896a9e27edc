import { lastPid } from '../kill.js';
import { GENERATED_QUIESCENCE_MS, QUIESCENCE_SAMPLE_MS, QUIET_CPU_BASE_TICKS, QUIET_CPU_TICKS_PER_S, TIMED_WAIT_FACTOR } from './constants.js';
import { hasChildrenFiles, listPids, readChildren, readStat, readSwitches, readTasks, readTgid, readWait } from './proc.js';

/** How long a tree must stay quiet before it is called deadlocked. */
export interface QuiescenceWindow {
  /** Every thread blocked without a timeout for this long: a deadlock. */
  readonly windowMs: number;
  /** Some thread in a wait with a timeout (sleep, poll loop): this long instead. */
  readonly timedWindowMs: number;
}

/** The window for a generated program (it never sleeps or waits on anything outside its tree). */
export const GENERATED_WINDOW: QuiescenceWindow = { windowMs: GENERATED_QUIESCENCE_MS, timedWindowMs: GENERATED_QUIESCENCE_MS * TIMED_WAIT_FACTOR };

/** A window of `ms` (observe's `--quiescence SECONDS`), with the same factor for timed waits. */
export function quiescenceWindow(ms: number): QuiescenceWindow {
  return { windowMs: ms, timedWindowMs: ms * TIMED_WAIT_FACTOR };
}

/** A thread in a wait with a timeout, as sampled: its context switches so far and its wait site (null: unknown). */
interface Sleeper {
  readonly switches: number;
  readonly where: string | null;
}

/** What was seen when the tree was found quiescent. */
export interface Quiescent {
  readonly quietMs: number;
  readonly processes: number;
  /** Some thread was in a wait with a timeout. */
  readonly timed: boolean;
  /** Every such thread woke up and went back to waiting meanwhile (a polling loop), so the window did not grow. */
  readonly polling?: boolean;
}

/** What sampling cost so far in this process (the benchmark's CPU figure): samples, ms spent in them, ms of runs watched. */
export const samplingCost = { samples: 0, sampleMs: 0, watchedMs: 0 };

/**
 * Process states that are not a wait for another process: running or runnable (R), and in
 * uninterruptible sleep (D: disk or page I/O, writeback throttling on a busy machine). A deadlock
 * waits in S (a futex, a pipe, a socket, waitpid); D is always transient.
 */
const BUSY_STATES: ReadonlySet<string> = new Set(['R', 'D']);

/** Samples further apart than this (the event loop was blocked) restart the quiet time. */
const MAX_SAMPLE_GAP_MS = QUIESCENCE_SAMPLE_MS * 5;

// A burst of new pids wider than this (a busy machine) is found by listing /proc instead.
const MAX_PID_RANGE = 512;

/**
 * Watches a process tree for quiescence from the processes' own state in /proc: the tree is quiet
 * while no process is running or in uninterruptible (I/O) sleep, its CPU time (own and reaped children's) does not grow beyond a
 * polling allowance, no process starts or ends and the activity counter (output bytes + probe
 * events, given by the caller) does not move. Quiet for the window (and, at the end, no thread
 * runnable) is a deadlock. Members: the main process and its descendants (through the children
 * files; a kernel without them: the process group plus any process whose parent is a member,
 * among the pids allocated since the last sample).
 */
export class QuiescenceWatch {
  readonly #members = new Set<number>();
  #scannedTo: number | null;
  #quietSince = 0;
  #cpuBase = -1;
  #activity = -1;
  #lastSample: number | null = null;
  /** Context switches and wait site of the threads in timed waits at the start of the quiet time (null: not yet read). */
  #sleepers: Map<string, Sleeper> | null = null;
  /** Samples taken (for the benchmark's cost figure). */
  samples = 0;

  constructor(
    private readonly mainPid: number,
    since: number | null,
    private readonly window: QuiescenceWindow,
    private readonly activity: () => number,
  ) {
    this.#members.add(mainPid);
    this.#scannedTo = since;
  }

  /** One sample at `now`; the finding when the tree has been quiescent for its window, else null. */
  sample(now: number): Quiescent | null {
    const t0 = performance.now();
    try {
      return this.#sample(now);
    } finally {
      samplingCost.samples++;
      samplingCost.sampleMs += performance.now() - t0;
    }
  }

  #sample(now: number): Quiescent | null {
    this.samples++;
    // A gap between samples (this process was busy or starved) leaves the quiet time unobserved:
    // output may be waiting unread in the pipes. Quiet counts only while it is watched.
    const gap = this.#lastSample !== null && now - this.#lastSample > MAX_SAMPLE_GAP_MS;
    this.#lastSample = now;
    let changed = this.#discover() || gap;
    let cpu = 0;
    let running = false;
    for (const pid of [...this.#members]) {
      const st = readStat(pid);
      if (st === null) {
        this.#members.delete(pid);
        changed = true;
        continue;
      }
      cpu += st.cpu;
      if (BUSY_STATES.has(st.state)) running = true;
    }
    const activity = this.activity();
    if (activity !== this.#activity) changed = true;
    const quietMs = now - this.#quietSince;
    const allowance = QUIET_CPU_BASE_TICKS + (QUIET_CPU_TICKS_PER_S * quietMs) / 1000;
    if (changed || running || this.#cpuBase < 0 || cpu - this.#cpuBase > allowance) {
      this.#reset(now, cpu, activity);
      return null;
    }
    // The timed waiters are read at the start of the quiet time (so that a poller has woken, and
    // gone back to the same wait, by the time the window is over) and when the window is over:
    // then every thread must be blocked, and how decides which window applies.
    const over = quietMs >= this.window.windowMs;
    if (this.#sleepers !== null && !over) return null;
    const sleepers = this.#timedWaiters();
    if (sleepers === undefined) {
      this.#reset(now, cpu, activity);
      return null;
    }
    this.#sleepers ??= sleepers;
    if (!over) return null;
    if (sleepers.size === 0) return { quietMs, processes: this.#members.size, timed: false };
    // Threads in waits with a timeout: a poller (it woke up during the quiet time and went back to
    // the same wait, changing nothing) is as stuck as a blocked thread; a thread that has not woken
    // since may be waiting out a deadline, and one that woke and now waits elsewhere (its sleep
    // ended, it moved on) may be on its way: both get the longer window.
    const polling = [...sleepers].every(([task, now]) => {
      const before = this.#sleepers!.get(task);
      return before !== undefined && before.switches >= 0 && now.switches > before.switches && before.where !== null && now.where === before.where;
    });
    if (polling || quietMs >= this.window.timedWindowMs) return { quietMs, processes: this.#members.size, timed: true, polling };
    return null;
  }

  /** Every thread's wait: the ones in a wait with a timeout, by task; undefined when some thread is running. */
  #timedWaiters(): Map<string, Sleeper> | undefined {
    const sleepers = new Map<string, Sleeper>();
    for (const pid of this.#members) {
      for (const tid of readTasks(pid)) {
        const st = readStat(pid, tid);
        const wait = st === null ? { kind: 'untimed' as const, where: null } : BUSY_STATES.has(st.state) ? { kind: 'running' as const, where: null } : readWait(pid, tid);
        if (wait.kind === 'running') return undefined;
        if (wait.kind === 'timed' && st?.state !== 'Z') sleepers.set(`${pid}/${tid}`, { switches: readSwitches(pid, tid) ?? -1, where: wait.where });
      }
    }
    return sleepers;
  }

  #reset(now: number, cpu: number, activity: number): void {
    this.#sleepers = null;
    this.#quietSince = now;
    this.#cpuBase = cpu;
    this.#activity = activity;
  }

  /** Adds the tree's processes started since the last sample; true when there were any. */
  #discover(): boolean {
    return hasChildrenFiles() ? this.#discoverChildren() : this.#discoverRange();
  }

  /** The members' children, transitively (cost: one read per thread of the tree, whatever else the machine runs). */
  #discoverChildren(): boolean {
    let added = false;
    const frontier = [...this.#members];
    for (let pid = frontier.pop(); pid !== undefined; pid = frontier.pop()) {
      for (const tid of readTasks(pid)) {
        for (const child of readChildren(pid, tid)) {
          if (this.#members.has(child)) continue;
          this.#members.add(child);
          frontier.push(child);
          added = true;
        }
      }
    }
    return added;
  }

  /** Without children files: the pids allocated since the last sample that are in the group or have a member parent. */
  #discoverRange(): boolean {
    const last = lastPid();
    const from = this.#scannedTo;
    let candidates: Iterable<number>;
    if (last === null || from === null || last < from || last - from > MAX_PID_RANGE) {
      candidates = listPids().filter((p) => !this.#members.has(p));
    } else {
      const range: number[] = [];
      for (let p = from + 1; p <= last; p++) range.push(p);
      candidates = range;
    }
    this.#scannedTo = last;
    let added = false;
    for (const pid of candidates) {
      if (pid === process.pid || this.#members.has(pid)) continue;
      const st = readStat(pid);
      if (st === null || (st.pgrp !== this.mainPid && !this.#members.has(st.ppid))) continue;
      if (readTgid(pid) !== pid) continue; // a thread's id
      this.#members.add(pid);
      added = true;
    }
    return added;
  }
}
