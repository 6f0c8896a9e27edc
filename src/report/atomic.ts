import { accessSync, constants, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { ensureDirSync } from '../fsutil/ensure-dir.js';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ReportDirError, reasonOf } from './errors.js';

/** Creates `dir` (and parents), or throws {@link ReportDirError} naming it. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    ensureDirSync(dir);
  } catch (cause) {
    throw new ReportDirError(dir, cause);
  }
}

/**
 * Writes `text` to `path` through a sibling temp file and a rename, so a reader (or a crash)
 * sees either the old file or the whole new one, never half of it.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await ensureDir(dirname(path));
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, path);
  } catch (cause) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new ReportDirError(path, cause);
  }
}

/**
 * Checks, creating nothing, that `dir` could be created and written: every existing component is
 * a directory and the nearest existing ancestor is writable. Throws {@link ReportDirError} naming
 * `dir` otherwise. (So that bad input found later — a missing interpreter — leaves no new empty
 * directory behind; the directory is made only when the run starts.)
 */
export function checkCreatableDir(dir: string): void {
  let current = resolve(dir);
  let below: string | null = null; // the first missing level under `current`
  for (;;) {
    let isDir: boolean;
    try {
      isDir = statSync(current).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new ReportDirError(dir, e);
      const parent = dirname(current);
      if (parent === current) throw new ReportDirError(dir, e);
      below = current;
      current = parent;
      continue;
    }
    if (!isDir) throw new ReportDirError(dir, Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR' }));
    try {
      accessSync(current, constants.W_OK | constants.X_OK);
    } catch (e) {
      if (below === null) throw new ReportDirError(dir, e);
      // the error the real mkdir gets (a kernel directory like /proc answers ENOENT), without keeping what it made
      try {
        mkdirSync(below);
      } catch (m) {
        throw new ReportDirError(dir, m);
      }
      rmdirSync(below);
    }
    return;
  }
}

/**
 * Why `file` cannot be written (null when it can): not a directory on the way, a directory
 * itself, no write permission on it or on its directory. Creates nothing.
 */
export function unwritableReason(file: string): string | null {
  const abs = resolve(file);
  try {
    const st = statSync(abs);
    if (st.isDirectory()) return 'EISDIR (is a directory)';
    accessSync(abs, constants.W_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return reasonOf(e);
  }
  try {
    checkCreatableDir(dirname(abs));
    return null;
  } catch (e) {
    return reasonOf((e as Error).cause ?? e);
  }
}

/**
 * A set of files written all or nothing: each is first written in full into a staging directory
 * inside `dir` (same filesystem), and only when every one is complete are they renamed into place
 * (the last one given last). A failure while staging — ENOSPC, EDQUOT, EIO — removes the staging
 * directory and leaves every file already in `dir` as it was: never a mix of new and old files.
 */
export async function writeFilesAtomic(dir: string, files: readonly (readonly [rel: string, text: string])[]): Promise<string[]> {
  await ensureDir(dir);
  let stage: string;
  try {
    stage = await mkdtemp(join(dir, '.mpconform-staging-'));
  } catch (cause) {
    throw new ReportDirError(dir, cause);
  }
  const out: string[] = [];
  try {
    const staged: [string, string][] = [];
    for (const [rel, text] of files) {
      const tmp = join(stage, String(staged.length));
      try {
        await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
      } catch (cause) {
        throw new ReportDirError(join(dir, rel), cause);
      }
      staged.push([tmp, join(dir, rel)]);
    }
    for (const [tmp, path] of staged) {
      try {
        await ensureDir(dirname(path));
        await rename(tmp, path);
      } catch (cause) {
        throw new ReportDirError(path, cause);
      }
      out.push(path);
    }
    return out;
  } finally {
    await rm(stage, { recursive: true, force: true }).catch(() => undefined);
  }
}
