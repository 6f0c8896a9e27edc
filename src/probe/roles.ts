/** What the probe's `target` and process names tell about a Process object's role. */

// Worker functions of the pools and executors we know (module + qualname, as the probe records).
const POOL_TARGET = /(^|\.)(pool\.worker|_process_worker|pool\.Worker)$/;
// Default names: multiprocessing/multiprocess `ForkPoolWorker-3`, billiard `PoolWorker-3`.
const POOL_NAME = /PoolWorker-\d+$/;
const MANAGER_TARGET = /BaseManager\._run_server$/;
const MANAGER_NAME = /^SyncManager-\d+$/;

/** True for a pool or executor worker process. */
export function isPoolWorker(name: string | null, target: string | null): boolean {
  return (target !== null && POOL_TARGET.test(target)) || (name !== null && POOL_NAME.test(name));
}

/** True for a Manager's server process. */
export function isManager(name: string | null, target: string | null): boolean {
  return (target !== null && MANAGER_TARGET.test(target)) || (name !== null && MANAGER_NAME.test(name));
}
