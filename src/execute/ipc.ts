import { lstatSync, unlinkSync } from 'node:fs';
import type { ProbeEvent } from '../probe/events.js';

/** Where Linux (glibc) keeps POSIX semaphores (`sem.<name>`) and shared memory segments (`<name>`). */
export const SHM_DIR = '/dev/shm';

/** One named IPC object a run created and left behind, and what became of it. */
export interface IpcLeftover {
  readonly kind: 'semaphore' | 'shared_memory';
  /** The name as passed to sem_open / shm_open (e.g. `/mp-k2x9a1b_`, `/psm_1a2b3c4d`). */
  readonly name: string;
  /** The /dev/shm entry. */
  readonly path: string;
  /** True when we removed it; false when removing failed (the error is in `error`). */
  readonly removed: boolean;
  readonly error?: string;
}

/**
 * The /dev/shm path of a recorded name, or null when the name cannot be a single entry there
 * (empty, a path with a slash after the leading one, `.`/`..`, NUL): such names are never touched.
 */
export function shmPath(kind: 'semaphore' | 'shared_memory', name: string): string | null {
  const bare = name.startsWith('/') ? name.slice(1) : name;
  if (bare === '' || bare === '.' || bare === '..' || bare.includes('/') || bare.includes('\0') || bare.length > 250) return null;
  return `${SHM_DIR}/${kind === 'semaphore' ? 'sem.' : ''}${bare}`;
}

/** The named semaphores and segments the probe saw this tree create (deduplicated, in order). */
export function recordedIpc(events: readonly ProbeEvent[]): { kind: 'semaphore' | 'shared_memory'; name: string }[] {
  const seen = new Set<string>();
  const out: { kind: 'semaphore' | 'shared_memory'; name: string }[] = [];
  for (const e of events) {
    if (e.ev !== 'ipc' || typeof e.name !== 'string' || (e.kind !== 'semaphore' && e.kind !== 'shared_memory')) continue;
    const key = `${e.kind}\0${e.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: e.kind, name: e.name });
  }
  return out;
}

/**
 * Unlinks what the tree created and did not remove: only names the probe recorded (so only
 * objects this run created), only regular files directly in /dev/shm, and only after the tree is
 * dead (its resource tracker, which would have unlinked them, was killed with it). A kill can
 * land between sem_open and the probe's record: that object is not recorded and is left alone.
 */
export function unlinkLeftovers(events: readonly ProbeEvent[]): IpcLeftover[] {
  const out: IpcLeftover[] = [];
  for (const { kind, name } of recordedIpc(events)) {
    const path = shmPath(kind, name);
    if (path === null) continue;
    try {
      if (!lstatSync(path).isFile()) continue;
    } catch {
      continue; // already unlinked by the program or its tracker: the normal case
    }
    try {
      unlinkSync(path);
      out.push({ kind, name, path, removed: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') out.push({ kind, name, path, removed: false, error: String(code ?? e) });
    }
  }
  return out;
}
