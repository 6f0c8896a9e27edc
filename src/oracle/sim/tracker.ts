import type { OracleFacts } from '../../model/facts.js';
import { holds } from '../holds.js';
import type { RuleId } from '../rules/index.js';
import type { Env, Sim } from './types.js';

/** Whether this platform has a resource tracker (POSIX only: Windows semaphores and shared memory need no unlinking). */
export function hasTracker(facts: OracleFacts): boolean {
  return facts.platform !== 'win32';
}

/**
 * `resource_tracker.ensure_running()` in `env`: launches a tracker process unless the process already has one's fd
 * (its own, or one inherited through fork, the spawn command line or the forkserver's fd list).
 */
export function ensureTracker(sim: Sim, env: Env): void {
  if (!hasTracker(sim.facts) || env.tracker !== null) return;
  env.tracker = sim.acc.newTracker(['tracker.launch']);
}

/** `env` registers a named semaphore (a SemLock of a non-fork context) or a shared memory block with its tracker. */
export function register(sim: Sim, env: Env, what: 'semlock' | 'shm'): void {
  if (!hasTracker(sim.facts)) return;
  ensureTracker(sim, env);
  env.registered[what] = true;
}

/**
 * `_bootstrap` in a spawn/forkserver child cleared the finalizers its re-run of the script registered (`rule`): a
 * semaphore that re-run created is never unlinked, and the tracker warns of it.
 */
export function dropsRerunFinalizers(sim: Sim, env: Env, rule: 'spawn.rerun-finalizers-cleared' | 'forkserver.rerun-finalizers-cleared', certain: boolean): void {
  if (!env.registered.semlock || !holds(rule, sim.facts)) return;
  env.registered.semlock = false;
  trackerCleansLeak(sim, env, [rule], certain);
}

/**
 * `env`'s tracker unlinks what was leaked and warns; from 3.13 it then exits with status 1 (`why`: how it leaked;
 * `certain`: every run leaks, else only some do and the tracker may end either way).
 */
function trackerCleansLeak(sim: Sim, env: Env, why: readonly RuleId[], certain: boolean): void {
  if (env.tracker === null) return; // nothing registered without a tracker
  if (holds('tracker.leak-exit', sim.facts)) sim.acc.trackerEnds(env.tracker, 'exception:SystemExit', ['tracker.leak-exit', ...why], certain);
  else sim.acc.trackerEnds(env.tracker, 'ok', ['tracker.leak-warn', ...why], false);
}

/**
 * `env` ends without its cleanup: killed by a signal (no finalizers, no atexit); with `how: 'os._exit'`, through
 * `os._exit()` after `_bootstrap` (finalizers ran, so semaphores were unlinked; the `atexit` unlink of shared memory
 * did not); with `how: 'os._exit-before-bootstrap'`, a forkserver child whose re-run of the script raised, which
 * forkserver.main sends to `os._exit()` before `_bootstrap` ever ran: before 3.13 neither the re-run's finalizers nor
 * any atexit hook run (rule forkserver.rerun-error-no-cleanup). What it still had registered is leaked: the tracker
 * unlinks it, warns and exits with status 1. `certain`: every instance of `env` ends so (a Process that kills itself),
 * not only some (pool workers, of which some may end by themselves first).
 */
export function endsUncleaned(sim: Sim, env: Env, how: 'signal' | 'os._exit' | 'os._exit-before-bootstrap', certain: boolean): void {
  const leaked = how === 'os._exit' ? env.registered.shm : env.registered.semlock || env.registered.shm;
  if (!leaked) return;
  // from 3.13 fork and forkserver children run the atexit handlers registered in them (gh-83856), util._exit_function
  // among them: the tracker ends well because of it (a child that skipped them would leave it a leak to clean up)
  if (how !== 'signal' && holds('fork.atexit-in-child', sim.facts)) {
    if (env.tracker !== null) sim.acc.trackerRules(env.tracker, ['fork.atexit-in-child']);
    return;
  }
  trackerCleansLeak(sim, env, how === 'os._exit-before-bootstrap' ? ['forkserver.rerun-error-no-cleanup'] : [], certain);
}

/** Whether a forkserver child whose re-run raised leaves the processes that re-run started running (no finalizers before 3.13). */
export function failedRerunKeepsManagers(sim: Sim, env: Env): boolean {
  return env.managers > 0 && holds('forkserver.rerun-error-no-cleanup', sim.facts);
}
