import { lstatSync, readdirSync, unlinkSync, type Stats } from 'node:fs';
import { fileKey, heldByOthers, pause, UNHELD_MS } from './shm-holders.js';
import type { ProbeEvent } from '../contracts/events.js';

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

/**
 * Names the probe can have recorded for this tree: multiprocessing's (and multiprocess's,
 * billiard's) SemLock names are `/mp-` + 8 characters of tempfile's alphabet; SharedMemory's are
 * `/psm_` + hex by default, and a program may name a segment itself (any single /dev/shm entry).
 * Anything else in an `ipc` event was not written by the probe and is ignored.
 */
const SEM_NAME = /^\/mp-[a-z0-9_]{8}$/;
const SHM_NAME = /^\/?[^/\0]{1,250}$/;

/** Clock slack between the probe's time.time() and tmpfs timestamps (coarse clock), in ms. */
const SLACK_MS = 50;

interface Recorded { kind: 'semaphore' | 'shared_memory'; name: string; firstMs: number }

function recorded(events: readonly ProbeEvent[]): Recorded[] {
  const seen = new Map<string, Recorded>();
  for (const e of events) {
    if (e.ev !== 'ipc' || typeof e.name !== 'string' || (e.kind !== 'semaphore' && e.kind !== 'shared_memory')) continue;
    if (!(e.kind === 'semaphore' ? SEM_NAME : SHM_NAME).test(e.name)) continue;
    const key = `${e.kind}\0${e.name}`;
    if (!seen.has(key)) seen.set(key, { kind: e.kind, name: e.name, firstMs: e.t * 1000 });
  }
  return [...seen.values()];
}

/** The named semaphores and segments the probe saw this tree about to create (deduplicated, in order; only names the probe can produce). */
export function recordedIpc(events: readonly ProbeEvent[]): { kind: 'semaphore' | 'shared_memory'; name: string }[] {
  return recorded(events).map(({ kind, name }) => ({ kind, name }));
}

/** When the entry came into being (tmpfs keeps a birth time; else its ctime). */
function bornMs(st: Stats): number {
  return st.birthtimeMs > 0 ? st.birthtimeMs : st.ctimeMs;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function remove(kind: IpcLeftover['kind'], name: string, path: string, out: IpcLeftover[]): void {
  try {
    unlinkSync(path);
    out.push({ kind, name, path, removed: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') out.push({ kind, name, path, removed: false, error: String(code ?? e) });
  }
}

/** glibc's sem_open creates `sem.XXXXXX` (6 letters/digits), fills it, then link()s it to the name. */
const GLIBC_TEMP = /^sem\.[A-Za-z0-9]{6}$/;
/** A glibc semaphore file: sizeof(sem_t) (32 on 64-bit, 16 on 32-bit), or 0 when killed between its open() and write(). */
const SEM_SIZES = new Set([32, 16, 0]);

/**
 * Unlinks what the tree created and did not remove, only after the tree is dead (its resource
 * tracker, which would have unlinked them, was killed with it). /dev/shm is listed once (a tree
 * that churns IPC records thousands of names, and each lookup there contends with every other
 * tree creating and unlinking in the same directory):
 * - a recorded name (recorded before sem_open/shm_open, so a kill inside them is covered), when
 *   it is a regular file directly in /dev/shm that came into being after the name was recorded
 *   (an `ipc` line the program forged for a file that already existed is ignored);
 * - glibc's temp file of a semaphore the tree was creating when it was killed: `sem.XXXXXX`, a
 *   regular file of sem_t's size (or empty) that no live process outside the tree (`token`) holds
 *   open (src/execute/shm-holders.ts), either the second link of a recorded semaphore's inode, or
 *   born within a second after a recorded semaphore name whose semaphore does not exist — never
 *   a name pattern alone, and never the temp file of a semaphore another tree is making now.
 */
export function unlinkLeftovers(events: readonly ProbeEvent[], token: string): IpcLeftover[] {
  const out: IpcLeftover[] = [];
  const names = recorded(events);
  if (names.length === 0) return out;
  let entries: Set<string>;
  try {
    entries = new Set(readdirSync(SHM_DIR));
  } catch {
    return out;
  }
  const inodes = new Set<number>();
  const unfinished: number[] = [];
  for (const { kind, name, firstMs } of names) {
    const path = shmPath(kind, name);
    if (path === null) continue;
    const st = entries.has(path.slice(SHM_DIR.length + 1)) ? lstatOrNull(path) : null;
    if (st === null) {
      if (kind === 'semaphore') unfinished.push(firstMs);
      continue; // already unlinked by the program or its tracker: the normal case
    }
    if (!st.isFile() || bornMs(st) < firstMs - SLACK_MS) continue;
    if (kind === 'semaphore' && st.nlink > 1) inodes.add(st.ino);
    remove(kind, name, path, out);
  }
  if (inodes.size === 0 && unfinished.length === 0) return out;
  const candidates: { path: string; name: string; key: string; born: number }[] = [];
  for (const n of entries) {
    if (!GLIBC_TEMP.test(n)) continue;
    const path = `${SHM_DIR}/${n}`;
    const st = lstatOrNull(path);
    if (st === null || !st.isFile() || !SEM_SIZES.has(st.size)) continue;
    const born = bornMs(st);
    const ours = inodes.has(st.ino) || (st.nlink === 1 && unfinished.some((t) => born >= t - SLACK_MS && born <= t + 1_000));
    if (ours) candidates.push({ path, name: `/${n.slice(4)}`, key: fileKey(st), born });
  }
  if (candidates.length === 0) return out;
  // held by another process now, or (once the youngest is UNHELD_MS old) a moment later: being made
  const notHeld = (cs: typeof candidates): typeof candidates => {
    const held = heldByOthers(new Set(cs.map((c) => c.key)), token);
    return cs.filter((c) => !held.has(c.key));
  };
  let unheld = notHeld(candidates);
  if (unheld.length > 0) {
    pause(Math.max(...unheld.map((c) => c.born)) + UNHELD_MS - Date.now());
    unheld = notHeld(unheld);
  }
  for (const { path, name, key } of unheld) {
    const st = lstatOrNull(path);
    if (st !== null && fileKey(st) === key) remove('semaphore', name, path, out);
  }
  return out;
}
