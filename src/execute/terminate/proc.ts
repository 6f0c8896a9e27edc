import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat quiescence needs (proc(5)). */
export interface ProcStat {
  readonly pid: number;
  /** R running/runnable, S sleeping, D uninterruptible, Z zombie, T/t stopped, I idle... */
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  /** utime + stime + cutime + cstime in clock ticks (the whole thread group, and its reaped children). */
  readonly cpu: number;
}

/** Parses one stat line; the command name is in parentheses and may contain both. */
export function parseStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const pid = Number.parseInt(text, 10);
  // after the name: state(3) ppid(4) pgrp(5) session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15) cutime(16) cstime(17)
  const f = text.slice(close + 2).split(' ');
  if (f.length < 15 || !Number.isInteger(pid)) return null;
  return { pid, state: f[0]!, ppid: Number(f[1]), pgrp: Number(f[2]), cpu: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
}

/** /proc/<pid>/stat (or a task's, with `tid`); null when gone. */
export function readStat(pid: number, tid?: number): ProcStat | null {
  try {
    return parseStat(readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'latin1'));
  } catch {
    return null;
  }
}

/** The thread-group id of a pid (a thread's id opens as /proc/<tid> too); null when gone. */
export function readTgid(pid: number): number | null {
  try {
    const m = /^Tgid:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Context switches of a task so far (voluntary + not): it grows each time the task wakes up; null when gone. */
export function readSwitches(pid: number, tid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/task/${tid}/status`, 'latin1');
    const v = /^voluntary_ctxt_switches:\s*(\d+)/m.exec(text);
    const n = /^nonvoluntary_ctxt_switches:\s*(\d+)/m.exec(text);
    return v && n ? Number(v[1]) + Number(n[1]) : null;
  } catch {
    return null;
  }
}

/** The thread ids of a process (empty when gone). */
export function readTasks(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number).filter(Number.isInteger);
  } catch {
    return [];
  }
}

/**
 * How a blocked thread waits, from /proc/<pid>/task/<tid>/syscall (the syscall number and its
 * arguments): `untimed` (a lock, queue, pipe or join with no timeout: only another process of the
 * tree can wake it), `timed` (a sleep or a wait with a timeout: it wakes by itself), `running`.
 * Unknown (unreadable, another architecture) counts as `timed`, the cautious side.
 */
export type WaitKind = 'untimed' | 'timed' | 'running';

interface SyscallTable {
  /** Always timed. */
  readonly sleeps: ReadonlySet<number>;
  /** Timed when the argument at this index (a pointer to a timeout) is non-zero. */
  readonly pointer: ReadonlyMap<number, number>;
  /** Timed when the argument at this index (an int timeout in ms) is not -1. */
  readonly millis: ReadonlyMap<number, number>;
}

// Linux syscall numbers: arch/x86/entry/syscalls/syscall_64.tbl, include/uapi/asm-generic/unistd.h (arm64)
const TABLES: Readonly<Record<string, SyscallTable>> = {
  x64: {
    sleeps: new Set([35, 230]), // nanosleep, clock_nanosleep
    // futex(uaddr, op, val, timeout), select(n, r, w, x, tv), pselect6(.., ts), ppoll(fds, n, ts), epoll_pwait2(.., ts), rt_sigtimedwait(set, info, ts), semtimedop(id, ops, n, ts)
    pointer: new Map([[202, 3], [23, 4], [270, 4], [271, 2], [441, 3], [128, 2], [220, 3]]),
    millis: new Map([[7, 2], [232, 3], [281, 3]]), // poll, epoll_wait, epoll_pwait
  },
  arm64: {
    sleeps: new Set([101, 115]),
    pointer: new Map([[98, 3], [72, 4], [73, 2], [441, 3], [137, 2], [192, 3]]),
    millis: new Map([[22, 3]]),
  },
};

/** Classifies one line of /proc/<pid>/task/<tid>/syscall. */
export function waitKindOf(line: string, arch: string = process.arch): WaitKind {
  const f = line.trim().split(' ');
  if (f[0] === 'running') return 'running';
  const nr = Number.parseInt(f[0] ?? '', 10);
  const table = TABLES[arch];
  if (table === undefined || !Number.isInteger(nr) || nr < 0) return 'timed';
  if (table.sleeps.has(nr)) return 'timed';
  const arg = (i: number): bigint | null => {
    const s = f[1 + i];
    try {
      return s === undefined ? null : BigInt(s);
    } catch {
      return null;
    }
  };
  const p = table.pointer.get(nr);
  if (p !== undefined) return arg(p) === 0n ? 'untimed' : 'timed';
  const m = table.millis.get(nr);
  if (m !== undefined) return ((arg(m) ?? 0n) & 0xffffffffn) === 0xffffffffn ? 'untimed' : 'timed';
  return 'untimed'; // read, recvfrom, accept, wait4, waitid, pause...
}

/**
 * How a task waits right now, and in which syscall (its number; null when unreadable), so that a
 * thread found in the same wait again can be told apart from one that woke up and now waits on
 * something else. Arguments are left out: a poller's futex or fd array may be allocated afresh at
 * each round (threading.Condition.wait makes a new waiter lock per call).
 */
export function readWait(pid: number, tid: number): { readonly kind: WaitKind; readonly where: string | null } {
  try {
    const line = readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'latin1');
    const f = line.trim().split(' ');
    return { kind: waitKindOf(line), where: f[0] !== undefined && f[0] !== '' ? f[0] : null };
  } catch {
    return { kind: 'timed', where: null };
  }
}

/** Children of one task (/proc/<pid>/task/<tid>/children; empty when gone). */
export function readChildren(pid: number, tid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'latin1').trim();
    return text === '' ? [] : text.split(' ').map(Number);
  } catch {
    return [];
  }
}

let childrenFiles: boolean | undefined;
/** Whether this kernel has /proc/<pid>/task/<tid>/children (CONFIG_PROC_CHILDREN). */
export function hasChildrenFiles(): boolean {
  if (childrenFiles === undefined) {
    try {
      readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'latin1');
      childrenFiles = true;
    } catch {
      childrenFiles = false;
    }
  }
  return childrenFiles;
}

/** Every numeric entry of /proc (processes, not threads). */
export function listPids(): number[] {
  try {
    return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    return [];
  }
}
