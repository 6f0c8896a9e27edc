import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { executeProgram } from '../execute/run.js';
import type { InterpreterFacts } from '../model/facts.js';
import { isExecutableFile } from '../fsutil/which.js';
import { observe } from './observe.js';
import type { Observation } from '../model/observation.js';

/**
 * What to run and how long to allow.
 *
 * @public
 */
export interface RunProgramOptions {
  /** Probed facts (their `path` is used) or an interpreter path / PATH name. */
  readonly python: InterpreterFacts | string;
  /** Program text; written as `main.py` in a fresh temp dir, which is its working directory. */
  readonly source: string;
  /** Wall-clock limit in ms (a known hopeless pool is recognised long before). */
  readonly timeoutMs: number;
  /** Abort kills the tree and rejects with ExecuteCancelledError. */
  readonly signal?: AbortSignal;
  /** SIGTERM → SIGKILL grace in ms (default 500). */
  readonly graceMs?: number;
  /** Bytes of stdout/stderr kept at each end (default 64 KiB). */
  readonly captureBytes?: number;
  /**
   * Recognise a deadlock once the whole tree is quiescent: `'generated'` for generated programs
   * (1 s window), a window in ms for a user's program (which may sleep on purpose), or off (default).
   */
  readonly quiescence?: 'generated' | number;
  /** Run token (default random): every process of the tree carries it in MPCONFORM_RUN_TOKEN. */
  readonly token?: string;
}

const usable = new Map<string, boolean>();

/**
 * The binary to start for probed facts: the interpreter's own `sys.executable` (what the facts
 * describe, and what multiprocessing starts for spawn children), not the name it was found by.
 * A launcher script in between (a pyenv shim: bash + `pyenv exec`, 150-250 ms per start) would
 * otherwise be paid on every case. Falls back to `path` when `sys.executable` is unusable.
 */
export function binaryOf(facts: InterpreterFacts): string {
  const exe = facts.executable;
  if (!exe || !isAbsolute(exe)) return facts.path;
  let ok = usable.get(exe);
  if (ok === undefined) usable.set(exe, (ok = isExecutableFile(exe)));
  return ok ? exe : facts.path;
}

/**
 * Runs a Python program under the probe and classifies every process of its tree.
 *
 * @public
 */
export async function runProgram(opts: RunProgramOptions): Promise<Observation> {
  const python = typeof opts.python === 'string' ? opts.python : binaryOf(opts.python);
  return observe(await executeProgram({ ...opts, python }));
}

/**
 * `runProgram` on the contents of a file (the copy still runs as `main.py` in a temp dir).
 *
 * @public
 */
export async function observeFile(path: string, opts: Omit<RunProgramOptions, 'source'>): Promise<Observation> {
  return runProgram({ ...opts, source: await readFile(path, 'utf8') });
}
