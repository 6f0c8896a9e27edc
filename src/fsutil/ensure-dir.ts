import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Node's `mkdir(…, { recursive: true })` loops forever on some paths (e.g. under /proc, where the
// kernel answers ENOENT to every mkdir): creating one missing level at a time always terminates.

/** The missing directories from `dir` up to its nearest existing ancestor, outermost first. */
function missingLevels(dir: string): string[] {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    try {
      if (!statSync(current).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', path: current });
      }
      return missing.reverse();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) return missing.reverse();
      current = parent;
    }
  }
}

/** `mkdir -p` that always terminates; throws the first error with its errno `code`. */
export function ensureDirSync(dir: string): void {
  for (const level of missingLevels(dir)) {
    try {
      mkdirSync(level);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
