import { readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { carriesToken } from './kill.js';
import { listPids } from './terminate/proc.js';

/**
 * Whether a glibc semaphore temp file (`sem.XXXXXX`) is one being made right now, by a process
 * outside the tree being cleaned up (another tree, when runs share /dev/shm in the tracking mode).
 *
 * glibc's sem_open keeps its temp file open from its open(O_CREAT|O_EXCL) until after it unlinked
 * it (nptl/sem_open.c, sysdeps/pthread/sem_open.c since 2.34: `unlink (tmpfname)` precedes
 * `__libc_close (fd)`), so a temp file no live process holds is one whose creator died. Two gaps
 * are covered: open() makes the file a moment before it installs the descriptor (so an unheld
 * file is looked at again once it is UNHELD_MS old), and a process being killed keeps its
 * descriptors for a moment after its memory is gone (a holder without memory, or one carrying the
 * cleaned-up tree's token, is that tree's and dying, not a maker).
 */
export const UNHELD_MS = 20;

/** A file as the kernel names it (device and inode). */
export const fileKey = (st: Stats): string => `${st.dev}:${st.ino}`;

/** True when the process still has its memory (an exiting process loses it before its descriptors). */
function hasMemory(pid: number): boolean {
  try {
    return /^VmRSS:/m.test(readFileSync(`/proc/${pid}/status`, 'latin1'));
  } catch {
    return false;
  }
}

/** Of these files (by fileKey), those a live process outside the tree with `token` holds open. */
export function heldByOthers(keys: ReadonlySet<string>, token: string): Set<string> {
  const held = new Set<string>();
  for (const pid of listPids()) {
    if (held.size === keys.size) break;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (!readlinkSync(`/proc/${pid}/fd/${fd}`).includes('/sem.')) continue;
        const key = fileKey(statSync(`/proc/${pid}/fd/${fd}`));
        if (keys.has(key) && !held.has(key) && hasMemory(pid) && !carriesToken(pid, token)) held.add(key);
      } catch {
        // closed meanwhile
      }
    }
  }
  return held;
}

/** Blocks this thread for `ms` (at most UNHELD_MS: only while a just-made temp file settles). */
export function pause(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(ms, UNHELD_MS));
}
