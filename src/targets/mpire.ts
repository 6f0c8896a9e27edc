/**
 * `mpire` (sybrenjansen/mpire): its own pool API — `mpire.WorkerPool(n_jobs=2, start_method=…)`
 * with `map` (which unpacks tuple items into arguments, so it is also the starmap) and
 * `apply_async(fn, args).get()`. It has no contexts and no start-method API of its own: objects,
 * contexts and `set_start_method` are the stdlib's, and a WorkerPool ignores the stdlib's default —
 * without `start_method` it uses its own `DEFAULT_START_METHOD`, `'fork'` wherever fork exists
 * (Linux and macOS alike; `'spawn'` only where fork is unavailable, i.e. Windows), mpire/context.py:49
 * (2.10.x). It has no Process API and no executor, and its pool takes no initializer/initargs (its
 * `worker_init` is per `map` call and receives `shared_objects`, not arguments). The renderer's
 * stdlib-shaped pool calls reach mpire through a small adapter emitted with the imports.
 */
import type { Step } from '../scenario/types.js';
import type { Dialect, ProgramFeatures } from './dialect.js';
import { stdlibDialect } from './multiprocessing.js';
import { isExecutorStep, isProcessStep, POOL_WITH_BLOCK, withChecks } from './support.js';

/** Target id. */
export const MPIRE_ID = 'mpire';

/** Python lines defining `MpcMpirePool` (top level, after the imports). Static text: nothing comes from a scenario. */
export const MPIRE_ADAPTER: readonly string[] = [
  '',
  '',
  'class MpcMpirePool(object):',
  '    # mpconform adapter: Pool(2) calls made with mpire.WorkerPool; the default context leaves',
  "    # start_method unset (mpire's own default), a concrete context passes its method",
  '    def __init__(self, context, workers):',
  '        kw = {} if context is mp else {"start_method": context.get_start_method()}',
  '        self.pool = mpire.WorkerPool(n_jobs=workers, **kw)',
  '',
  ...POOL_WITH_BLOCK,
  '',
  '    def map(self, fn, items):',
  '        return self.pool.map(fn, items)',
  '',
  '    def starmap(self, fn, items):',
  '        return self.pool.map(fn, [tuple(args) for args in items])',
  '',
  '    def apply_async(self, fn, args):',
  '        return self.pool.apply_async(fn, args=args)',
];

function check(step: Step): string | null {
  if (isExecutorStep(step)) return `${MPIRE_ID}: has no ProcessPoolExecutor (its pool is mpire.WorkerPool, exercised by the pool-* workers)`;
  if (isProcessStep(step)) return `${MPIRE_ID}: has no Process API (mpire's workers are internal to WorkerPool)`;
  if (step.op === 'start' && step.pass.some((p) => p.via === 'initargs')) {
    return `${MPIRE_ID}: WorkerPool takes no initializer/initargs (worker_init is per map call and receives shared_objects)`;
  }
  return null;
}

/**
 * The `mpire` dialect.
 *
 * @public
 */
export const mpireDialect: Dialect = withChecks(stdlibDialect, MPIRE_ID, check, {
  imports(features: ProgramFeatures): readonly string[] {
    const lines = ['import functools', 'import multiprocessing as mp', 'import mpire'];
    if (features.sharedMemory) lines.push('import atexit', 'from multiprocessing import shared_memory');
    return [...lines, ...MPIRE_ADAPTER];
  },
  poolClass: (ctx: string) => `functools.partial(MpcMpirePool, ${ctx})`,
});
