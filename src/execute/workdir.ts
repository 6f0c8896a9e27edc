/**
 * A run's directory, the tree's cwd: made before the tree starts, removed once it has ended. Its
 * layout is shared by executeProgram (run.ts) and the emergency cleanup (sandbox/launch.ts
 * `cleanupAllNow`), which both import it from here.
 *
 * Made and removed with synchronous calls: a handful of small files on the local disk cost about
 * 0.1 ms of CPU this way, against about 2 ms through the thread pool (mkdtemp, three writes and a
 * recursive removal, each a round trip: `npm run bench`, scaling). A tree that left a very large
 * directory blocks the event loop while it is removed; quiescence then restarts its quiet time
 * (MAX_SAMPLE_GAP_MS) rather than misreading the pause.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The program, as the tree runs it (`python main.py`). */
export const MAIN_FILE = 'main.py';
/** The probe's events, one JSON line each (src/contracts/events.ts). */
export const EVENTS_FILE = '.mpconform-events.jsonl';
/** The tree's TMPDIR: multiprocessing's pymp-* dirs (forkserver socket, ...) go away with the run's. */
export const CHILD_TMP = '.tmp';

/** Every run directory this process makes starts with this (only this process can have made them). */
export function runDirPrefix(pid: number = process.pid): string {
  return `mpconform--${pid}-`;
}

export interface RunDir {
  readonly path: string;
  readonly eventsFile: string;
  readonly childTmp: string;
  /** Removes the directory and whatever the tree left in it; never throws. */
  remove(): void;
}

/** Removes a run directory and whatever is in it; never throws (also used by cleanupAllNow). */
export function removeRunDir(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // the tree is dead by now: only a directory it made unremovable (as non-root, chmod 0) stays
  }
}

/** A fresh directory (mode 0700) holding `source` as main.py, an empty events file and the tree's TMPDIR. */
export function makeRunDir(source: string): RunDir {
  const path = mkdtempSync(join(tmpdir(), runDirPrefix()));
  const dir: RunDir = { path, eventsFile: join(path, EVENTS_FILE), childTmp: join(path, CHILD_TMP), remove: () => removeRunDir(path) };
  try {
    writeFileSync(join(path, MAIN_FILE), source);
    writeFileSync(dir.eventsFile, '');
    mkdirSync(dir.childTmp);
  } catch (e) {
    dir.remove();
    throw e;
  }
  return dir;
}
