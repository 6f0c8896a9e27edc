/**
 * `multiprocess` (uqfoundation): the stdlib API under `import multiprocess as mp`, pickling with
 * dill — lambdas and guarded functions may travel where the stdlib fails (a finding, see NOTES.md).
 */
import type { Step } from '../scenario/types.js';
import type { Dialect } from './dialect.js';
import { moduleDialect } from './multiprocessing.js';
import { isExecutorStep, withChecks } from './support.js';

/** Target id. */
export const MULTIPROCESS_ID = 'multiprocess';

function check(step: Step): string | null {
  if (isExecutorStep(step)) {
    return `${MULTIPROCESS_ID}: has no ProcessPoolExecutor (concurrent.futures executors run on the stdlib multiprocessing, not on multiprocess)`;
  }
  return null;
}

/**
 * The `multiprocess` dialect (same spellings as the stdlib, module `multiprocess`).
 *
 * @public
 */
export const multiprocessDialect: Dialect = withChecks(
  moduleDialect({ id: MULTIPROCESS_ID, module: 'multiprocess', executor: false }),
  MULTIPROCESS_ID,
  check,
);
