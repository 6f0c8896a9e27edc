import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { factsEnv } from '../execute/env.js';
import { factsScript } from '../probe/paths.js';
import { METHODS, type Method } from '../scenario/types.js';
import { FactsCache, type CachedFacts, type CoreFacts } from './cache.js';
import { InterpreterBrokenError, InterpreterMissingError, InterpreterUnsupportedError } from './errors.js';
import type { Implementation, InterpreterFacts, Platform } from './facts.js';
import { isExecutableFile, which } from './which.js';

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

/** Options for probeInterpreter. */
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
  const key = `${real}|${st.mtimeMs}|${st.size}`;
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

async function runFacts(path: string, resolved: string): Promise<CoreFacts> {
  // imported here: with every interpreter's facts cached (the usual case) execa is never loaded
  const { execa } = await import('execa');
  const r = await execa(resolved, [factsScript()], {
    env: factsEnv(), extendEnv: false, reject: false, stdin: 'ignore', timeout: 60_000, maxBuffer: 1024 * 1024,
  });
  if (r.failed && r.exitCode === undefined) throw new InterpreterBrokenError(path, r.timedOut ? 'timed out printing its facts' : 'cannot be started');
  const line = String(r.stdout).split('\n').find((l) => l.startsWith(MARK));
  if (line === undefined) {
    const said = (String(r.stdout) + String(r.stderr)).trim().split('\n')[0]?.slice(0, 80) ?? '';
    throw new InterpreterBrokenError(path, `does not behave like Python (exit ${r.exitCode ?? '?'}${said ? `, printed "${said}"` : ''})`);
  }
  return toFacts(path, JSON.parse(line.slice(MARK.length)) as Record<string, unknown>);
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
