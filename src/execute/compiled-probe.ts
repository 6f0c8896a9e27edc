import { createHash } from 'node:crypto';
import { ensureDirSync } from '../fsutil/ensure-dir.js';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { factsEnv } from './env.js';
import { cacheDir } from '../fsutil/cache-dir.js';
import { which } from '../fsutil/which.js';
import { probeSiteDir } from '../probe/paths.js';

/**
 * The probe, precompiled per interpreter. Compiling sitecustomize.py from source costs every
 * Python process of every tree ~3 ms (PYTHONDONTWRITEBYTECODE=1 keeps the source site dir free of
 * .pyc files, but a .pyc that is already there is still read): instead each interpreter gets, once,
 * a site directory under `cacheDir()/probe-site/<key>/` holding a copy of sitecustomize.py and
 * `__pycache__/sitecustomize.<cache_tag>.pyc` compiled by that interpreter as an UNCHECKED_HASH pyc
 * (PEP 552: used without looking at the source's mtime).
 *
 * `<key>` hashes the probe's source text and the interpreter's realpath, mtime and size, so an
 * edited probe or a replaced interpreter gets a new directory and a stale .pyc is never used. A pyc
 * that does not fit the interpreter that ends up reading it (a `set_executable` child, a shim that
 * later resolves elsewhere) is rejected by Python itself (cache tag in the file name, magic number
 * in the header) and the copy beside it is compiled from source, exactly as without this cache.
 * Any failure (Python < 3.7 has no invalidation modes, no cache_tag, read-only cache) falls back
 * to the source site dir.
 */

// Bump when the layout of a cached site dir changes.
const FORMAT = 1;

const COMPILE = [
  'import sys, py_compile, importlib.util as u',
  's, d = sys.argv[1], sys.argv[2]',
  "py_compile.compile(s, cfile=u.cache_from_source(s), dfile=d, doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)",
].join('\n');

const sources = new Map<string, { mtimeMs: number; size: number; hash: string }>();
const dirs = new Map<string, { readonly srcHash: string; readonly dir: Promise<string> }>();

/** sha256 of the probe source, recomputed when its mtime or size changes. */
function sourceHash(file: string): string {
  const st = statSync(file);
  let known = sources.get(file);
  if (known === undefined || known.mtimeMs !== st.mtimeMs || known.size !== st.size) {
    known = { mtimeMs: st.mtimeMs, size: st.size, hash: createHash('sha256').update(readFileSync(file)).digest('hex') };
    sources.set(file, known);
  }
  return known.hash;
}

/**
 * The site directory to put on PYTHONPATH for `python` (a path or a PATH name): the precompiled
 * copy when it exists or can be made, else the source site dir. Memoized per process; checks once
 * per call that a cached directory has not been removed since.
 */
export function probeSiteFor(python: string): Promise<string> {
  return siteFor(python, probeSiteDir(), join(cacheDir(), 'probe-site'));
}

/** probeSiteFor with the source site dir and the cache directory given (for tests). */
export async function siteFor(python: string, siteDir: string, base: string): Promise<string> {
  const src = join(siteDir, 'sitecustomize.py');
  let srcHash: string;
  try {
    srcHash = sourceHash(src);
  } catch {
    return siteDir;
  }
  const memoKey = `${siteDir}\0${base}\0${python}`;
  const known = dirs.get(memoKey);
  if (known !== undefined && known.srcHash === srcHash) {
    const dir = await known.dir;
    if (dir === siteDir || existsSync(join(dir, 'sitecustomize.py'))) return dir;
  }
  const dir = precompile(python, src, srcHash, base).catch(() => siteDir);
  dirs.set(memoKey, { srcHash, dir });
  return dir;
}

async function precompile(python: string, src: string, srcHash: string, base: string): Promise<string> {
  const resolved = which(python);
  if (resolved === null) throw new Error('not found');
  const real = realpathSync(resolved);
  const st = statSync(real);
  const key = createHash('sha256').update(`${FORMAT}\0${srcHash}\0${real}\0${st.mtimeMs}\0${st.size}`).digest('hex').slice(0, 24);
  const dir = join(base, key);
  if (existsSync(join(dir, 'sitecustomize.py'))) return dir; // complete: only ever renamed into place whole
  // this interpreter cannot make one (Python < 3.7, no cache_tag): do not ask it again
  if (existsSync(`${dir}.failed`)) throw new Error('compile failed before');
  ensureDirSync(base);
  removeStaleTemps(base);
  const tmp = mkdtempSync(join(base, `.tmp-${key}-`));
  try {
    const copy = join(tmp, 'sitecustomize.py');
    copyFileSync(src, copy);
    const r = await execa(resolved, ['-c', COMPILE, copy, join(dir, 'sitecustomize.py')], {
      cwd: tmp, env: factsEnv(), extendEnv: false, reject: false, stdin: 'ignore', timeout: 60_000,
    });
    // exactly one .pyc, named by the interpreter's own cache tag (none: it failed)
    const pycs = existsSync(join(tmp, '__pycache__')) ? readdirSync(join(tmp, '__pycache__')) : [];
    if (r.exitCode !== 0 || pycs.length !== 1 || !/^sitecustomize\.[^.]+\.pyc$/.test(pycs[0]!)) {
      // it ran and said no (not a timeout or a signal): remember that
      if (typeof r.exitCode === 'number' && !r.timedOut) writeFileSync(`${dir}.failed`, String(r.stderr).slice(-2000));
      throw new Error('compile failed');
    }
    // the copy must still be the source that was hashed (it may have been edited meanwhile)
    if (createHash('sha256').update(readFileSync(copy)).digest('hex') !== srcHash) throw new Error('probe changed while compiling');
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // another process (or run) got there first: theirs is as good as ours
      if (!existsSync(join(dir, 'sitecustomize.py'))) throw e;
    }
    return dir;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Removes `.tmp-*` build directories a killed process left behind (older than ten minutes). */
function removeStaleTemps(base: string): void {
  try {
    for (const name of readdirSync(base)) {
      if (!name.startsWith('.tmp-')) continue;
      const p = join(base, name);
      if (Date.now() - statSync(p).mtimeMs > 10 * 60_000) rmSync(p, { recursive: true, force: true });
    }
  } catch {
    // best effort
  }
}
