import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `$XDG_CACHE_HOME/mpconform`, else `node_modules/.cache/mpconform` at the package root. */
export function cacheDir(): string {
  const xdg = process.env['XDG_CACHE_HOME'];
  if (xdg) return join(xdg, 'mpconform');
  // this file is <root>/src/fsutil/cache-dir.ts, or <root>/dist/src/fsutil/cache-dir.js when built
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  const root = basename(dirname(src)) === 'dist' ? dirname(dirname(src)) : dirname(src);
  return join(root, 'node_modules', '.cache', 'mpconform');
}
