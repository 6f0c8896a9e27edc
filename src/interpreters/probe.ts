import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { ExecuteCancelledError } from '../execute/errors.js';
import { killTokenProcesses } from '../execute/kill.js';
import { TOKEN_ENV } from '../contracts/env.js';
import { factsEnv } from '../execute/env.js';
import { factsScript } from '../probe/paths.js';
import { METHODS, type Method } from '../scenario/types.js';
import { FactsCache, type CachedFacts, type CoreFacts } from './cache.js';
import { InterpreterBrokenError, InterpreterMissingError, InterpreterUnsupportedError } from '../errors/interpreter.js';
import type { Implementation, InterpreterFacts, Platform } from '../model/facts.js';
import { isExecutableFile, which } from '../fsutil/which.js';

const MARK = 'MPCONFORM-FACTS ';
const memory = new Map<string, Promise<CoreFacts>>();

/** True when the file starts with `#!` (a script: reads two bytes, not the whole binary). */
function startsWithShebang(file: string): boolean {
  const buf = Buffer.alloc(2);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // execute-only: cannot be a script the kernel would run
  }
  try {
    return readSync(fd, buf, 0, 2, 0) === 2 && buf[0] === 0x23 && buf[1] === 0x21;
  } finally {
    closeSync(fd);
  }
}

/** A cached entry as facts, or the unsupported error it stands for (rethrown with this path). */
function fromCache(path: string, cached: CachedFacts): Promise<CoreFacts> {
  return 'unsupported' in cached ? Promise.reject(new InterpreterUnsupportedError(path, cached.unsupported)) : Promise.resolve(cached);
}
let disk: FactsCache | null = null;

/**
 * Options for probeInterpreter.
 *
 * @public
 */
export interface ProbeOptions {
  /** How the interpreter was found (default `explicit`). */
  readonly source?: InterpreterFacts['source'];
  /** Skip both caches (still refreshes them). */
  readonly fresh?: boolean;
}

/**
 * Facts about one interpreter from one short Python run, cached per realpath + mtime (memory and
 * disk). Throws InterpreterMissingError / InterpreterBrokenError / InterpreterUnsupportedError
 * (one-line messages naming the path).
 *
 * @public
 */
export async function probeInterpreter(path: string, opts: ProbeOptions = {}): Promise<InterpreterFacts> {
  const resolved = which(path);
  if (resolved === null) throw new InterpreterMissingError(path, 'not found on PATH');
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch {
    throw new InterpreterMissingError(path);
  }
  const st = statSync(real);
  if (st.isDirectory()) throw new InterpreterBrokenError(path, 'is a directory');
  if (!isExecutableFile(real)) throw new InterpreterBrokenError(path, 'not executable');
  // shims (pyenv, wrappers) are scripts whose target can change: never cache them by their own mtime
  const cacheable = !startsWithShebang(real);
  const key = factsKey(resolved, real, st);
  disk ??= new FactsCache();
  const cached = cacheable && !opts.fresh ? disk.get(key) : undefined;
  let core: Promise<CoreFacts>;
  if (cached !== undefined) core = fromCache(path, cached);
  else {
    const inFlight = cacheable && !opts.fresh ? memory.get(key) : undefined;
    core = inFlight ?? runFacts(path, resolved);
    if (inFlight === undefined && cacheable) {
      memory.set(key, core);
      core.then((f) => disk?.set(key, f), (e: unknown) => {
        memory.delete(key);
        // unsupported is as stable as facts (same binary, same answer): remember it too
        if (e instanceof InterpreterUnsupportedError) disk?.set(key, { unsupported: e.version });
      });
    }
  }
  return { ...(await core), path, source: opts.source ?? 'explicit' };
}

/**
 * The cache key of an interpreter: the path as invoked (absolute, symlinks not followed) as well as
 * the binary it resolves to (realpath, mtime, size), and the `pyvenv.cfg` beside or above it. A
 * venv's python is a symlink to its base interpreter: same binary, other sys.prefix and
 * site-packages, so keying by the binary alone gave both the facts of whichever was probed first.
 */
export function factsKey(invoked: string, real: string, st: { mtimeMs: number; size: number }): string {
  const abs = resolvePath(invoked);
  const cfg = [join(dirname(abs), 'pyvenv.cfg'), join(dirname(dirname(abs)), 'pyvenv.cfg')].map((f) => {
    try {
      const c = statSync(f);
      return `${f}@${c.mtimeMs}:${c.size}`;
    } catch {
      return '';
    }
  }).filter(Boolean).join(',');
  return `${abs}|${real}|${st.mtimeMs}|${st.size}|${cfg}`;
}

/** How long an interpreter may take to print its facts (it imports every target library). */
export const FACTS_TIMEOUT_MS = 60_000;
/** Facts output kept at most (a healthy interpreter prints ~1 KiB). */
const FACTS_MAX_BYTES = 1024 * 1024;

interface InFlight { readonly pid: number; readonly token: string; cancel(): void }
const inFlight = new Set<InFlight>();

/** Ends every facts probe under way (a Ctrl-C while a --python hangs): each rejects with ExecuteCancelledError. */
export function cancelFactsProbes(): void {
  for (const f of [...inFlight]) f.cancel();
}

/** Ends a probe's whole process group and anything that carries its token (a setsid grandchild). */
function endProbe(pid: number, token: string): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone
  }
  killTokenProcesses(token);
}

/**
 * Runs the facts script, bounded: the interpreter runs as its own process group with a token, and
 * at the timeout (or on cancel) the group and every process carrying the token are SIGKILLed and
 * the probe fails at once: it never waits for a pipe a grandchild still holds.
 */
export function runFactsScript(resolved: string, timeoutMs = FACTS_TIMEOUT_MS): Promise<{ stdout: string; stderr: string; code: number | null; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const token = randomBytes(12).toString('hex');
    let child;
    try {
      child = spawn(resolved, [factsScript()], { env: { ...factsEnv(), [TOKEN_ENV]: token }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      reject(e);
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    child.stdout.on('data', (b: Buffer) => { if (outLen < FACTS_MAX_BYTES) { out.push(b); outLen += b.length; } });
    child.stderr.on('data', (b: Buffer) => { if (errLen < FACTS_MAX_BYTES) { err.push(b); errLen += b.length; } });
    let done = false;
    let code: number | null = null;
    let exited = false;
    let streams = 0;
    const finish = (timedOut: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      inFlight.delete(entry);
      if (child.pid !== undefined && (timedOut || !exited)) endProbe(child.pid, token);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code, timedOut });
    };
    // after the exit, leftovers holding the pipes get a moment, then they are ended
    const streamEnded = (): void => { if (++streams === 2 && exited) finish(false); };
    child.stdout.once('close', streamEnded);
    child.stderr.once('close', streamEnded);
    child.once('error', (e) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      inFlight.delete(entry);
      reject(e);
    });
    child.once('exit', (c) => {
      exited = true;
      code = c;
      if (child.pid !== undefined) endProbe(child.pid, token); // what it left in its group
      if (streams === 2) finish(false);
      else setTimeout(() => finish(false), 200).unref();
    });
    const timer = setTimeout(() => finish(true), timeoutMs);
    const entry: InFlight = {
      pid: child.pid ?? -1, token,
      cancel: () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        inFlight.delete(entry);
        if (child.pid !== undefined) endProbe(child.pid, token);
        child.stdout.destroy();
        child.stderr.destroy();
        reject(new ExecuteCancelledError());
      },
    };
    if (child.pid !== undefined) inFlight.add(entry);
  });
}

async function runFacts(path: string, resolved: string): Promise<CoreFacts> {
  let r: Awaited<ReturnType<typeof runFactsScript>>;
  try {
    r = await runFactsScript(resolved);
  } catch (e) {
    if (e instanceof ExecuteCancelledError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InterpreterMissingError(path);
    throw new InterpreterBrokenError(path, 'cannot be started');
  }
  if (r.timedOut) throw new InterpreterBrokenError(path, `timed out printing its facts (${Math.round(FACTS_TIMEOUT_MS / 1000)} s): ended with everything it started`);
  const line = r.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (line === undefined) {
    const said = (r.stdout + r.stderr).trim().split('\n')[0]?.slice(0, 80) ?? '';
    throw new InterpreterBrokenError(path, `does not behave like Python (exit ${r.code ?? '?'}${said ? `, printed "${said}"` : ''})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(line.slice(MARK.length));
  } catch {
    throw new InterpreterBrokenError(path, `printed a malformed facts line ("${line.slice(0, 60)}")`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InterpreterBrokenError(path, `printed a malformed facts line ("${line.slice(0, 60)}")`);
  return toFacts(path, raw as Record<string, unknown>);
}

function toFacts(path: string, raw: Record<string, unknown>): CoreFacts {
  const vi = raw['versionInfo'];
  if (!Array.isArray(vi) || vi.length !== 3 || !vi.every((n) => Number.isInteger(n))) throw new InterpreterBrokenError(path, 'reported no version');
  const versionInfo = vi as [number, number, number];
  const version = versionInfo.join('.');
  if (versionInfo[0] < 3 || (versionInfo[0] === 3 && versionInfo[1] < 7)) throw new InterpreterUnsupportedError(path, version);
  const impl = raw['implementation'];
  if (impl !== 'cpython' && impl !== 'pypy') throw new InterpreterUnsupportedError(path, `${version} (${String(impl)})`);
  const plat = String(raw['platform']);
  const platform: Platform | null = plat.startsWith('linux') ? 'linux' : plat === 'darwin' ? 'darwin' : plat === 'win32' ? 'win32' : null;
  if (platform === null) throw new InterpreterUnsupportedError(path, `${version} on ${plat}`);
  const methods = (Array.isArray(raw['startMethods']) ? raw['startMethods'] : []).filter((m): m is Method => (METHODS as readonly unknown[]).includes(m));
  const dm = raw['defaultMethod'];
  if (!(METHODS as readonly unknown[]).includes(dm)) throw new InterpreterBrokenError(path, `reported an unknown default start method ${JSON.stringify(dm)}`);
  const targets: Record<string, string | null> = {};
  for (const [k, v] of Object.entries((raw['targets'] ?? {}) as Record<string, unknown>)) targets[k] = typeof v === 'string' ? v : null;
  return {
    implementation: impl as Implementation, version, platform, executable: String(raw['executable']),
    versionInfo, startMethods: methods, defaultMethod: dm as Method, targets,
  };
}
