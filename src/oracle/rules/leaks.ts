import type { Expectation, LeakExpectation } from '../../model/expectation.js';
import type { Rule } from '../types.js';
import { POSIX } from './common.js';

const RT = 'Lib/multiprocessing/resource_tracker.py main (semaphore_tracker.py in 3.7)';

/** Leaks: what a program that cleans up leaves behind (nothing), so that a leak is an outcome the oracle can hold a library to. */
export const leakRules = [
  { id: 'leaks.none-when-cleaned', statement: "A program whose processes all end by themselves (no signal, no hang, no os._exit; a Pool's workers terminated as its with-block ends count as ending by themselves, since they hold nothing registered of their own) leaks nothing: a SemLock's name is unlinked at creation or by its finalizer (util.Finalize, run by util._exit_function in every process that ends through _bootstrap or at interpreter exit) and unregistered from the resource tracker; a SharedMemory block unlinked by its creator (the rendered program registers unlink with atexit) is unregistered too. The tracker then ends with an empty cache: no 'There appear to be N leaked … objects' warning, no traceback, and nothing of the tree is left in /dev/shm.", versions: [{ from: '3.8.0', to: null }], platforms: POSIX, source: `${RT} (warns only for names still in its cache at EOF); synchronize.py SemLock.__init__ (unlink_now, util.Finalize(self, SemLock._cleanup)), SemLock._cleanup (sem_unlink + unregister); shared_memory.py SharedMemory.unlink (_posixshmem.shm_unlink + unregister); util.py _exit_function (3.8.18-3.13.15 read)` },
  { id: 'shm.close-keeps-block', statement: "SharedMemory.close() only unmaps this process's view of the block (a worker closing the block it attached to, received by pickling, which reattaches by name); the block itself lives on until its creator's unlink(), which then finds it and unregisters it from the tracker: nothing is leaked and unlink raises nothing.", versions: [{ from: '3.8.0', to: null }], platforms: POSIX, source: 'https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory.close ("does not cause the shared memory block itself to be destroyed"); Lib/multiprocessing/shared_memory.py SharedMemory.close (munmap + os.close of the fd), __reduce__ (name, False, size), unlink (3.8.18-3.13.15 read)' },
] as const satisfies readonly Rule[];

/** Rules whose use means a process of the tree may end without its cleanup (its leaks are then the tracker's to report). */
const UNCLEAN = new Set(['tracker.leak-warn', 'tracker.leak-exit', 'tracker.hang-kill', 'harness.hang-kill', 'worker.exitcode-signal']);

/**
 * A Pool's worker sent SIGTERM by terminate() as the with-block ends (rule pool.terminate-on-exit) holds nothing of
 * its own registered: the block's SemLocks are its owner's, unlinked by their finalizers there. What a worker does
 * register (the objects a spawn worker's re-run of the script creates) is simulated (src/oracle/sim/tracker.ts
 * endsUncleaned) and marks the expectation with a tracker.leak-* rule, which takes the prediction off.
 */
function terminatedPoolWorker(p: Extract<Expectation['processes'][number], { kind: 'outcomes' }>, a: string): boolean {
  return p.label === 'pool' && a === 'signal:SIGTERM' && p.rules.includes('pool.terminate-on-exit');
}

/**
 * The leak prediction of an expectation: none, when every process is predicted to end by itself
 * (the stdlib cleans up after itself; a Pool's terminated workers included); undefined (no prediction) when some process may be killed,
 * hang or exit uncleanly, when the expectation is unspecified, or before 3.8 (3.7's
 * semaphore_tracker is not modelled here).
 */
export function predictLeaks(e: Expectation, version: string): LeakExpectation | undefined {
  const [major, minor] = version.split('.').map(Number);
  if (major === undefined || minor === undefined || major < 3 || (major === 3 && minor < 8)) return undefined;
  if (e.rules.some((r) => UNCLEAN.has(r))) return undefined;
  for (const p of e.processes) {
    if (p.kind === 'unspecified') return undefined;
    if (p.accept.some((a) => a === 'hang' || (a.startsWith('signal:') && !terminatedPoolWorker(p, a)) || a === 'exception:SystemExit')) return undefined;
  }
  return { accept: 'none', rules: ['leaks.none-when-cleaned'] };
}
