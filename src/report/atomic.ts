import { rename, rm, writeFile } from 'node:fs/promises';
import { ensureDirSync } from '../fsutil/ensure-dir.js';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ReportDirError } from './errors.js';

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
