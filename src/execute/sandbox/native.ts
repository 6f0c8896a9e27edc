/**
 * The native launcher (src/execute/sandbox/init-native.ts), compiled once per machine with the C
 * compiler on PATH (`cc`, else `gcc`, else `clang`) into
 * `cacheDir()/sandbox-init/<sha256 of the source and the architecture>/mpconform-init`. A changed
 * source gets a new directory, so a stale binary is never run. No compiler, a failed compile or
 * a read-only cache: null, and the Python launcher runs instead (detect.ts checks either one the
 * same way before any tree uses it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../../fsutil/cache-dir.js';
import { ensureDirSync } from '../../fsutil/ensure-dir.js';
import { isExecutableFile, which } from '../../fsutil/which.js';
import { INIT_C } from './init-native.js';

const COMPILERS = ['cc', 'gcc', 'clang'] as const;

/** Where the binary for this source lives (whether or not it was made yet). */
export function nativeLauncherPath(): string {
  const key = createHash('sha256').update(INIT_C).update(process.arch).digest('hex').slice(0, 16);
  return join(cacheDir(), 'sandbox-init', key, 'mpconform-init');
}

/**
 * The compiled launcher, compiling it when it is not there yet (synchronously, once per machine:
 * about 0.3 s); null when it cannot be made.
 */
export function nativeLauncher(): string | null {
  const target = nativeLauncherPath();
  if (isExecutableFile(target)) return target;
  const cc = COMPILERS.map((c) => which(c)).find((c) => c !== null) ?? null;
  if (cc === null) return null;
  let work: string | null = null;
  try {
    const dir = join(target, '..');
    ensureDirSync(dir);
    work = mkdtempSync(join(dir, '.build-'));
    const src = join(work, 'init.c');
    const out = join(work, 'mpconform-init');
    writeFileSync(src, INIT_C);
    const r = spawnSync(cc, ['-O2', '-o', out, src], { stdio: 'ignore', timeout: 60_000 });
    if (r.status !== 0 || !isExecutableFile(out)) return null;
    const fd = openSync(out, 'r');
    try {
      fsyncSync(fd); // on disk before it gets its name: a crash leaves no cut-short binary there
    } finally {
      closeSync(fd);
    }
    renameSync(out, target); // atomic: a concurrent run sees the whole binary or none
    return target;
  } catch {
    return null;
  } finally {
    if (work !== null) rmSync(work, { recursive: true, force: true });
  }
}

/** Removes a launcher that failed its check, so that the next process compiles it afresh. */
export function discardNativeLauncher(file: string): void {
  rmSync(file, { force: true });
}
