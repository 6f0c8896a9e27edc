import { readdirSync, readFileSync } from 'node:fs';
import type { ProbeEvent } from '../contracts/events.js';
import { TOKEN_ENV } from '../contracts/env.js';
import { beforeGroupKill, isContained } from './sandbox/hooks.js';

/** Sends `signal` to a whole process group; false when the group is gone. */
export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  // a sandboxed tree's /dev/shm can be read only while its init lives
  if (signal === 'SIGKILL') beforeGroupKill(pgid);
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True when /proc/<pid>/environ carries this run's token (so the pid was not recycled by a stranger). */
export function carriesToken(pid: number, token: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${TOKEN_ENV}=${token}`);
  } catch {
    return false; // gone, a zombie (empty environ), or not ours to read
  }
}

/**
 * The pid the kernel allocated last in this pid namespace (threads included), or null when unknown.
 * Taken before a tree starts, it bounds the pids the tree can have: see findTokenProcesses.
 */
export function lastPid(): number | null {
  try {
    const n = Number.parseInt(readFileSync('/proc/sys/kernel/ns_last_pid', 'latin1'), 10);
    if (Number.isInteger(n) && n > 0) return n;
  } catch {
    // not Linux, or no such file: the loadavg line ends with it too
  }
  try {
    const n = Number.parseInt(readFileSync('/proc/loadavg', 'latin1').trim().split(' ').pop() ?? '', 10);
    if (Number.isInteger(n) && n > 0) return n;
  } catch {
    // unknown
  }
  return null;
}

let pidMax: number | null | undefined;
function maxPid(): number | null {
  if (pidMax === undefined) {
    try {
      pidMax = Number.parseInt(readFileSync('/proc/sys/kernel/pid_max', 'latin1'), 10) || null;
    } catch {
      pidMax = null;
    }
  }
  return pidMax;
}

/**
 * Every live pid whose environment carries `token` (a /proc scan: finds setsid() escapees too).
 *
 * `since`: the value of lastPid() taken before the tree's first process was started. Every process
 * carrying a fresh token was started after it, and pids are handed out in increasing order until
 * they wrap at pid_max, so only pids in (since, lastPid()] need their environment read. When the
 * counter wrapped, or the range is implausibly wide, or anything is unknown, every pid is read.
 */
export function findTokenProcesses(token: string, since: number | null = null): number[] {
  const out: number[] = [];
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  if (since !== null) {
    const last = lastPid();
    const max = maxPid();
    if (last !== null && max !== null && last >= since && last - since < max / 4) {
      lo = since;
      hi = last;
    }
  }
  if (hi - lo <= 256) {
    // a narrow range: try each pid (a missing one fails at open) rather than list /proc. A pid
    // in the range may be a thread's id: /proc/<tid> reads as its process, and signalling it
    // signals that process, which is as good.
    for (let pid = lo + 1; pid <= hi; pid++) if (pid !== process.pid && carriesToken(pid, token)) out.push(pid);
    return out;
  }
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of entries) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57 || !/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid <= lo || pid > hi) continue;
    if (pid !== process.pid && carriesToken(pid, token)) out.push(pid);
  }
  return out;
}

/**
 * SIGKILLs the given pids (the probe's records) and then any other process carrying the token,
 * checking the token before each kill; repeats while a kill round found something (a dying parent
 * may fork once more). Returns how many processes were killed.
 *
 * `since` (lastPid() before the tree started) narrows the /proc scans to the pids allocated since
 * (see findTokenProcesses); it is dropped, and every pid read, as soon as a recorded pid is found
 * still alive (something outlived the group kill).
 */
export function killTokenProcesses(token: string, recorded: Iterable<number> = [], since: number | null = null): number {
  let killed = 0;
  const first = [...new Set(recorded)].filter((pid) => carriesToken(pid, token));
  const scanFrom = first.length > 0 ? null : since;
  let round = first.length > 0 ? first : findTokenProcesses(token, scanFrom);
  // processes the probe saw the tree start that dropped the token (env={}) and left the session
  if (recorded instanceof RecordedPids) round = [...new Set([...round, ...escapees(recorded, token)])];
  for (let i = 0; i < 10 && round.length > 0; i++) {
    for (const pid of round) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {
        // already gone
      }
    }
    round = findTokenProcesses(token, null);
    if (recorded instanceof RecordedPids) round.push(...escapees(recorded, token));
  }
  return killed;
}

/** Pids the probe recorded, with when it recorded each child it saw started (ms) and when the tree began. */
export class RecordedPids extends Set<number> {
  readonly spawned = new Map<number, number>();
  treeStartMs = Number.POSITIVE_INFINITY;
}

const TICK_MS = 10; // /proc/<pid>/stat times are in USER_HZ (100 on Linux)
let bootMs: number | null | undefined;
/** Wall-clock ms of tick 0 of /proc/<pid>/stat start times, from this process's own start. */
function bootTimeMs(): number | null {
  if (bootMs === undefined) {
    const self = procStat(process.pid);
    bootMs = self === null ? null : Date.now() - process.uptime() * 1000 - self.start * TICK_MS;
  }
  return bootMs;
}

interface MiniStat { ppid: number; pgrp: number; sid: number; state: string; start: number }
function procStat(pid: number): MiniStat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: f[0]!, ppid: Number(f[1]), pgrp: Number(f[2]), sid: Number(f[3]), start: Number(f[19]) };
  } catch {
    return null;
  }
}

/**
 * Live processes that belong to the tree without carrying its token: a child the probe recorded
 * (os.fork, subprocess) whose start time lies between the tree's start and the record (so the pid
 * was not reused since), and — found by a /proc scan — every process started after the tree that
 * is a child of one of them, or in a session or process group one of them leads.
 */
export function escapees(recorded: RecordedPids, token: string): number[] {
  // a sandboxed tree's records are namespace pids, and its namespace ends it whole
  if (recorded.spawned.size === 0 || isContained(token)) return [];
  const boot = bootTimeMs();
  if (boot === null) return [];
  const lo = recorded.treeStartMs - 1_000;
  const found = new Set<number>();
  for (const [pid, tMs] of recorded.spawned) {
    if (pid === process.pid || carriesToken(pid, token)) continue;
    const st = procStat(pid);
    if (st === null || st.state === 'Z') continue;
    const startMs = boot + st.start * TICK_MS;
    if (startMs >= lo && startMs <= tMs + 1_000) found.add(pid);
  }
  if (found.size === 0) return [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [...found];
  }
  const later: [number, MiniStat][] = [];
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    const pid = Number(n);
    if (pid === process.pid || found.has(pid)) continue;
    const st = procStat(pid);
    if (st !== null && st.state !== 'Z' && boot + st.start * TICK_MS >= lo) later.push([pid, st]);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, st] of later) {
      if (found.has(pid)) continue;
      if (found.has(st.ppid) || found.has(st.sid) || found.has(st.pgrp)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** Every pid the probe saw in a tree: writers of events, children reported started, and processes started outside multiprocessing (with the time of their record). */
export function recordedPids(events: readonly ProbeEvent[]): RecordedPids {
  const out = new RecordedPids();
  for (const e of events) {
    out.add(e.pid);
    if (e.ev === 'start' && e.t * 1000 < out.treeStartMs) out.treeStartMs = e.t * 1000;
    if (e.ev === 'started' && typeof e.child === 'number') out.add(e.child);
    if (e.ev === 'spawned' && typeof e.child === 'number' && e.child > 0) {
      out.add(e.child);
      if (!out.spawned.has(e.child)) out.spawned.set(e.child, e.t * 1000);
    }
  }
  return out;
}

/** The processes known to be leaving or gone: each said so (`exit` event) or its parent saw its exit code (`exitcode`). */
export function accountedPids(events: readonly ProbeEvent[]): Set<number> {
  const done = new Set<number>();
  for (const e of events) {
    if (e.ev === 'exit') done.add(e.pid);
    else if (e.ev === 'exitcode' && typeof e.child === 'number') done.add(e.child);
  }
  return done;
}

/**
 * True when some recorded process (other than `mainPid`, whose exit the caller saw) has neither
 * said it is leaving (`exit` event) nor had its exit code seen by its parent (`exitcode` event):
 * it may still be running somewhere, so the caller reads every pid in /proc.
 */
export function hasUnaccounted(events: readonly ProbeEvent[], mainPid: number | null): boolean {
  const done = accountedPids(events);
  for (const pid of recordedPids(events)) if (pid !== mainPid && !done.has(pid)) return true;
  return false;
}
