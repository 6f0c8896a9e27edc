/** What the probe's `target` and process names tell about a Process object's role. */

// Worker functions of the pools and executors we know (module + qualname, as the probe records):
// multiprocessing/multiprocess/billiard pools, stdlib and loky executors, pebble's ProcessPool.
const POOL_TARGET = /(^|\.)(pool\.worker|_process_worker|pool\.Worker|pool\.process\.worker_process)$/;
// Default names: multiprocessing/multiprocess `ForkPoolWorker-3`, billiard `PoolWorker-3`.
const POOL_NAME = /PoolWorker-\d+$/;
const MANAGER_TARGET = /BaseManager\._run_server$/;
const MANAGER_NAME = /^SyncManager-\d+$/;

/** True for a pool or executor worker process. */
export function isPoolWorker(name: string | null, target: string | null): boolean {
  return (target !== null && POOL_TARGET.test(target)) || (name !== null && POOL_NAME.test(name));
}

// Pools that replace dead workers (multiprocessing/multiprocess `pool.worker`, billiard `pool.Worker`);
// executors do not (they break instead).
const REPLACING_TARGET = /(^|\.)pool\.(worker|Worker)$/;

/** True for a worker of a pool that replaces workers that die (so failures can repeat forever). */
export function isReplacedPoolWorker(name: string | null, target: string | null): boolean {
  return (target !== null && REPLACING_TARGET.test(target)) || (target === null && name !== null && POOL_NAME.test(name));
}

/** True for a Manager's server process. */
export function isManager(name: string | null, target: string | null): boolean {
  return (target !== null && MANAGER_TARGET.test(target)) || (name !== null && MANAGER_NAME.test(name));
}
