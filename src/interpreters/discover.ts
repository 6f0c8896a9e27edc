import { readdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { MpconformError } from '../errors/index.js';
import type { InterpreterFacts } from '../model/facts.js';
import { environmentCandidates } from './environments.js';
import { probeInterpreter } from './probe.js';
import { isExecutableFile } from '../fsutil/which.js';

type Source = InterpreterFacts['source'];

/**
 * A discovered interpreter: usable (with facts), or listed with the reason it is not.
 *
 * @public
 */
export type Discovered =
  | { readonly status: 'ok'; readonly path: string; readonly source: Source; readonly facts: InterpreterFacts }
  | { readonly status: 'unusable'; readonly path: string; readonly source: Source; readonly code: string; readonly reason: string };

const PATH_NAME = /^(python3(\.\d+)?|pypy3(\.\d+)?)$/;

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() || d.isSymbolicLink()).map((d) => d.name).sort();
  } catch {
    return [];
  }
}

/** The cache of CPython builds (`scripts/build-cpython.sh`): `$MPCONFORM_CPYTHON_CACHE`, else `~/.cache/mpconform/cpython`. */
export function cpythonCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['MPCONFORM_CPYTHON_CACHE'];
  return configured !== undefined && configured !== '' ? configured : join(env['HOME'] ?? homedir(), '.cache', 'mpconform', 'cpython');
}

const BUILD_VERSION = /^(\d+)\.(\d+)\.\d+$/;

/** Candidate paths in discovery order: pyenv versions, CPython builds in the cache, uv-managed Pythons, PATH, then the per-interpreter environments. */
export function candidates(env: NodeJS.ProcessEnv = process.env): { path: string; source: Source }[] {
  const out: { path: string; source: Source }[] = [];
  const pyenvRoot = env['PYENV_ROOT'] ?? join(env['HOME'] ?? homedir(), '.pyenv');
  for (const v of subdirs(join(pyenvRoot, 'versions'))) {
    // python3 first; Python 2 builds only have `python`, PyPy builds `pypy3`
    const bin = ['python3', 'pypy3', 'python'].map((n) => join(pyenvRoot, 'versions', v, 'bin', n)).find(isExecutableFile);
    if (bin) out.push({ path: bin, source: 'pyenv' });
  }
  const cache = cpythonCacheDir(env);
  for (const v of subdirs(cache)) {
    // <cache>/<X.Y.Z>/bin/python3.<Y>: a build is complete only once that binary exists
    const m = BUILD_VERSION.exec(v);
    if (m === null) continue;
    const bin = join(cache, v, 'bin', `python${m[1]}.${m[2]}`);
    if (isExecutableFile(bin)) out.push({ path: bin, source: 'build' });
  }
  const uvRoot = join(env['XDG_DATA_HOME'] ?? join(env['HOME'] ?? homedir(), '.local', 'share'), 'uv', 'python');
  for (const v of subdirs(uvRoot)) {
    const bin = join(uvRoot, v, 'bin', 'python3');
    if (isExecutableFile(bin)) out.push({ path: bin, source: 'uv' });
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    // pyenv shims re-dispatch to a version found above; listing them would duplicate it under another name
    if (dir === '' || /\/shims\/?$/.test(dir)) continue;
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => PATH_NAME.test(n)).sort();
    } catch {
      continue;
    }
    for (const n of names) if (isExecutableFile(join(dir, n))) out.push({ path: join(dir, n), source: 'path' });
  }
  out.push(...environmentCandidates(env)); // per-interpreter environments: src/interpreters/environments.ts
  return out;
}

/**
 * Finds interpreters (pyenv, uv, PATH), deduplicated by realpath, and probes each (3 at a time).
 * Unsupported or broken ones are listed with their reason, not dropped.
 *
 * @public
 */
export async function discoverInterpreters(env: NodeJS.ProcessEnv = process.env): Promise<Discovered[]> {
  const seen = new Set<string>();
  const unique = candidates(env).filter((c) => {
    let real: string;
    try {
      // an environment shares its base's binary but not its packages: it is itself, by its own path
      real = c.source === 'env' ? `env:${c.path}` : realpathSync(c.path);
    } catch {
      return false;
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  const results: Discovered[] = new Array(unique.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < unique.length; i = next++) {
      const c = unique[i]!;
      results[i] = await probeCandidate(c.path, c.source);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return results;
}

/** Probes one path, returning failure as data. */
export async function probeCandidate(path: string, source: Source): Promise<Discovered> {
  try {
    return { status: 'ok', path, source, facts: await probeInterpreter(path, { source }) };
  } catch (e) {
    if (!(e instanceof MpconformError)) throw e;
    return { status: 'unusable', path, source, code: e.code, reason: e.message };
  }
}
