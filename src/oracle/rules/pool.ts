import type { Rule } from '../types.js';
import { ALL, ANY, DOCS } from './common.js';

const POOL = 'Lib/multiprocessing/pool.py (3.7-3.13)';
const CF = 'Lib/concurrent/futures/process.py (3.7-3.13)';

/** multiprocessing.Pool and concurrent.futures.ProcessPoolExecutor. */
export const poolRules: readonly Rule[] = [
  { id: 'pool.task-error-to-caller', statement: "An exception raised by a task, or by pickling it in the pool's task handler, is re-raised by map()/starmap()/apply_async().get() in the caller; the worker survives.", versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing.pool.AsyncResult.get; ${POOL} worker, _handle_tasks` },
  { id: 'pool.worker-death-hang', statement: 'A pool worker that dies (failed bootstrap, unpicklable task, crash) is silently replaced; the task it held never completes and map()/get() blocks forever.', versions: ANY, platforms: ALL, source: `${POOL} _maintain_pool, worker (only EOFError/OSError on get() are handled)` },
  { id: 'pool.terminate-on-exit', statement: 'Leaving the with-block calls Pool.terminate(): workers still alive are sent SIGTERM.', versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing.pool.Pool.terminate; ${POOL} _terminate_pool` },
  { id: 'executor.default-context', statement: 'ProcessPoolExecutor without mp_context calls multiprocessing.get_context(), fixing the default context.', versions: ANY, platforms: ALL, source: `${CF} ProcessPoolExecutor.__init__` },
  { id: 'executor.task-error-to-caller', statement: "An exception raised by a task, or by pickling its call item (the queue feeder's _on_queue_feeder_error), is raised by future.result() / map's iterator in the caller.", versions: ANY, platforms: ALL, source: `${CF} _SafeQueue._on_queue_feeder_error, _process_worker` },
  { id: 'executor.feeder-error-no-wakeup', statement: "Before 3.9, a call item that fails to pickle is failed by the queue feeder thread (_on_queue_feeder_error pops it from pending_work_items) without waking the queue management thread. With executor.map's two call items, the caller may get the first error and call shutdown(wait=True) while the second item is still pending: the management thread sees pending work, goes back to waiting, is never woken again, and the with-block hangs. The hang and the clean error race.", versions: [{ from: '3.7.0', to: '3.9.0' }], platforms: ALL, source: `bpo-39104 (GH-17670, 3.9.0: _SafeQueue._on_queue_feeder_error calls thread_wakeup.wakeup()); Lib/concurrent/futures/process.py (3.7.16, 3.8.18) _SafeQueue._on_queue_feeder_error, _queue_management_worker` },
  { id: 'executor.worker-death-broken', statement: 'A worker that dies (failed bootstrap, unpicklable call item, crash) breaks the executor: pending futures raise BrokenProcessPool; the other workers are terminated.', versions: ANY, platforms: ALL, source: `https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.process.BrokenProcessPool; ${CF}` },
  { id: 'pypy.executor-adjust-process-count', statement: "PyPy 3.9's concurrent/futures/process.py renamed _adjust_process_count to _adjust_process_count_cpython: submit()/map() with a non-fork mp_context raise AttributeError before any worker starts.", versions: [{ from: '3.9.0', to: '3.10.0' }], platforms: ALL, implementations: ['pypy'], source: '/usr/lib/pypy3.9/concurrent/futures/process.py (Debian pypy3-lib 7.3.11)' },
];
