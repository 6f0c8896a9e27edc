/**
 * `pebble`: its own API — `pebble.ProcessPool(max_workers=2, context=ctx)` with
 * `schedule(fn, args=...).result()` / `map(...).result()`, and `@concurrent.process` for single
 * processes. Objects and contexts come from `multiprocessing`. The renderer's stdlib-shaped calls
 * reach pebble through a small adapter emitted with the imports (src/targets/pebble-adapter.ts).
 */
import type { Step } from '../scenario/types.js';
import type { Dialect, ProgramFeatures } from './dialect.js';
import { stdlibDialect } from './multiprocessing.js';
import { PEBBLE_ADAPTER } from './pebble-adapter.js';
import { isExecutorStep, withChecks } from './support.js';

/** Target id. */
export const PEBBLE_ID = 'pebble';

function check(step: Step): string | null {
  if (isExecutorStep(step)) {
    return `${PEBBLE_ID}: has no ProcessPoolExecutor (its pool is pebble.ProcessPool, exercised by the pool-* workers)`;
  }
  return null;
}

/**
 * The `pebble` dialect.
 *
 * @public
 */
export const pebbleDialect: Dialect = withChecks(stdlibDialect, PEBBLE_ID, check, {
  imports(features: ProgramFeatures): readonly string[] {
    const lines = ['import functools', 'import multiprocessing as mp', 'import pebble', 'from pebble import concurrent as pebble_concurrent'];
    if (features.sharedMemory) lines.push('import atexit', 'from multiprocessing import shared_memory');
    return [...lines, ...PEBBLE_ADAPTER];
  },
  processClass: (ctx: string) => `functools.partial(MpcPebbleProcess, ${ctx})`,
  poolClass: (ctx: string) => `functools.partial(MpcPebblePool, ${ctx})`,
});
