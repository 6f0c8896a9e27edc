/**
 * `billiard` (Celery's fork of multiprocessing), `import billiard as mp`. 4.1.0 has
 * get_context/set_start_method/forkserver, every synchronisation object (Barrier, SimpleQueue,
 * JoinableQueue), Value/Array, Pipe, Manager and its own Pool — but no `shared_memory` module
 * and no executor (see NOTES.md for where its Pool departs from the stdlib's).
 */
import { createsSharedMemory } from '../scenario/rules.js';
import type { Step } from '../scenario/types.js';
import type { Dialect } from './dialect.js';
import { moduleDialect } from './multiprocessing.js';
import { isExecutorStep, withChecks } from './support.js';

/** Target id. */
export const BILLIARD_ID = 'billiard';

function check(step: Step): string | null {
  if (isExecutorStep(step)) {
    return `${BILLIARD_ID}: has no ProcessPoolExecutor (concurrent.futures executors run on the stdlib multiprocessing, not on billiard)`;
  }
  if (createsSharedMemory(step)) {
    return `${BILLIARD_ID}: has no shared_memory module (billiard 4.x ships none; multiprocessing.shared_memory is the stdlib's)`;
  }
  return null;
}

/**
 * The `billiard` dialect (same spellings as the stdlib, module `billiard`).
 *
 * @public
 */
export const billiardDialect: Dialect = withChecks(
  moduleDialect({ id: BILLIARD_ID, module: 'billiard', executor: false }),
  BILLIARD_ID,
  check,
);
