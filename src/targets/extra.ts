/**
 * The dialects of the targets beyond the standard library (wired into src/targets/index.ts by the lead).
 */
import type { Dialect } from './dialect.js';
import { billiardDialect } from './billiard.js';
import { concurrentFuturesDialect } from './concurrent-futures.js';
import { lokyDialect } from './loky.js';
import { multiprocessDialect } from './multiprocess.js';
import { pebbleDialect } from './pebble.js';

export { billiardDialect, concurrentFuturesDialect, lokyDialect, multiprocessDialect, pebbleDialect };

/** Every extra dialect, in a stable order (ids: concurrent.futures, multiprocess, billiard, pebble, loky). */
export const EXTRA_DIALECTS: readonly Dialect[] = [
  concurrentFuturesDialect, multiprocessDialect, billiardDialect, pebbleDialect, lokyDialect,
];

/** The extra dialect with this id, or undefined. */
export function extraDialect(id: string): Dialect | undefined {
  return EXTRA_DIALECTS.find((d) => d.id === id);
}
