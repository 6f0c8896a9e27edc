/**
 * `concurrent.futures`: the stdlib `ProcessPoolExecutor` as the only pool. Objects, contexts and
 * `Process` come from `multiprocessing` (the executor takes them through `mp_context`);
 * `multiprocessing.Pool` workers are not part of this target.
 */
import type { Step } from '../scenario/types.js';
import type { Dialect } from './dialect.js';
import { stdlibDialect } from './multiprocessing.js';
import { isPoolStep, withChecks } from './support.js';

/** Target id. */
export const CONCURRENT_FUTURES_ID = 'concurrent.futures';

function check(step: Step): string | null {
  if (isPoolStep(step) && step.op === 'start') {
    const what = step.worker.startsWith('pool-') ? step.worker : `a ${step.action} worker's pool`;
    return `${CONCURRENT_FUTURES_ID}: ${what} is multiprocessing.Pool, not concurrent.futures (ProcessPoolExecutor has no apply_async/starmap, and its map returns a lazy iterator); executor-submit/executor-map cover this target`;
  }
  return null;
}

/**
 * The `concurrent.futures` dialect. `max_tasks_per_child` (3.11+) is not modelled by scenarios yet;
 * when it is, it must be declared unsupported before 3.11.
 *
 * @public
 */
export const concurrentFuturesDialect: Dialect = withChecks(stdlibDialect, CONCURRENT_FUTURES_ID, check);
