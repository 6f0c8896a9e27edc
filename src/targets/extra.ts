/**
 * The dialect of every library in src/contracts/libraries.ts (the compiler asks for one per id).
 */
import { LIBRARY_IDS, type LibraryId } from '../contracts/libraries.js';
import type { Dialect } from './dialect.js';
import { billiardDialect } from './billiard.js';
import { concurrentFuturesDialect } from './concurrent-futures.js';
import { lokyDialect } from './loky.js';
import { mpireDialect } from './mpire.js';
import { multiprocessDialect } from './multiprocess.js';
import { stdlibDialect } from './multiprocessing.js';
import { pebbleDialect } from './pebble.js';

export { billiardDialect, concurrentFuturesDialect, lokyDialect, mpireDialect, multiprocessDialect, pebbleDialect };

const DIALECTS: { readonly [K in LibraryId]: Dialect } = {
  multiprocessing: stdlibDialect,
  'concurrent.futures': concurrentFuturesDialect,
  multiprocess: multiprocessDialect,
  billiard: billiardDialect,
  pebble: pebbleDialect,
  loky: lokyDialect,
  mpire: mpireDialect,
};

/** Every dialect beyond the standard library's, in the library list's order. */
export const EXTRA_DIALECTS: readonly Dialect[] = LIBRARY_IDS.filter((id) => id !== 'multiprocessing').map((id) => DIALECTS[id]);

/** The extra dialect with this id, or undefined. */
export function extraDialect(id: string): Dialect | undefined {
  return EXTRA_DIALECTS.find((d) => d.id === id);
}

/** The dialect of a library id (not an alias), or undefined. */
export function libraryDialect(id: string): Dialect | undefined {
  return (LIBRARY_IDS as readonly string[]).includes(id) ? DIALECTS[id as LibraryId] : undefined;
}
