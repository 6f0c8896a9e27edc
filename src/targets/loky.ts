/**
 * `loky` as vendored by joblib (`from joblib.externals import loky`): executors only —
 * `loky.ProcessPoolExecutor(max_workers=2, context=...)` — with its own start-method API in
 * `loky.backend.context` (default method `loky`: fork+exec without re-importing `__main__`,
 * functions pickled by cloudpickle). Objects come from the loky context (stdlib objects, loky's
 * own SemLocks on the `loky` context). See NOTES.md for what the oracle must know.
 */
import { lit } from '../python/source.js';
import type { Method, Step } from '../scenario/types.js';
import type { Dialect, ProgramFeatures } from './dialect.js';
import { stdlibDialect } from './multiprocessing.js';
import { isPoolStep, isProcessStep, withChecks } from './support.js';

/** Target id. */
export const LOKY_ID = 'loky';

/** loky's start-method module, as bound by the imports. */
const LC = 'loky_context';

function check(step: Step): string | null {
  if (isPoolStep(step) && step.op === 'start') {
    return `${LOKY_ID}: has no Pool (${step.worker.startsWith('pool-') ? step.worker : step.action}); loky offers only executors (executor-submit/executor-map)`;
  }
  if (isProcessStep(step)) {
    return `${LOKY_ID}: has no public Process API (LokyProcess is backend-internal); single-process scenarios belong to the stdlib target`;
  }
  return null;
}

/**
 * The `loky` dialect (ProcessPoolExecutor; `get_reusable_executor` is noted in NOTES.md).
 *
 * @public
 */
export const lokyDialect: Dialect = withChecks(stdlibDialect, LOKY_ID, check, {
  imports(features: ProgramFeatures): readonly string[] {
    const lines = ['from joblib.externals import loky', `from joblib.externals.loky.backend import context as ${LC}`];
    if (features.sharedMemory) lines.push('import atexit', 'from multiprocessing import shared_memory');
    return lines;
  },
  defaultContext: `${LC}.get_context()`,
  getContext: (method: Method) => `${LC}.get_context(${lit(method)})`,
  setStartMethod: (method: Method, force: boolean) => `${LC}.set_start_method(${lit(method)}${force ? ', force=True' : ''})`,
  // loky's get_start_method() takes no allow_none and never fixes the default: None until set.
  getStartMethod: () => `${LC}.get_start_method()`,
  getUnknownContext: () => `${LC}.get_context(${lit('nope')})`,
  contextSetStartMethod: (method: Method) => `${LC}.get_context(${lit(method)}).set_start_method(${lit('spawn')})`,
  executorClass: () => 'loky.ProcessPoolExecutor',
  executorContextKeyword: 'context',
});
