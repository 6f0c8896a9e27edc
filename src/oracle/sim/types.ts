import type { OracleFacts } from '../../model/facts.js';
import type { Outcome } from '../../outcome/outcome.js';
import type { Method, ObjectKind, PreloadList, Scenario, Step } from '../../scenario/types.js';
import type { RuleId } from '../rules/index.js';
import type { ProcessLabel } from '../../contracts/labels.js';
import type { Acc } from './acc.js';

/** An object visible as a module global in one simulated process. */
export interface Obj {
  readonly kind: ObjectKind;
  /** Concrete method of the context it was made in (null: Pipe, SharedMemory, manager proxies). */
  readonly method: Method | null;
}

/** One simulated process's multiprocessing state (mutable while that process runs). */
export interface Env {
  /** `DefaultContext._actual_context` (null: not fixed yet). */
  actual: Method | null;
  /**
   * The rules without which `actual` would still be unfixed here (what fixed it: a get_start_method(), an object, a
   * start, prepare(), a concrete context's _bootstrap, fork inheritance); a later set_start_method() fails by them.
   */
  fixedBy: readonly RuleId[];
  /** The rules without which `actual` would hold another method (the platform default, force=True, prepare(), ...). */
  methodBy: readonly RuleId[];
  /** While `actual` is null: the rules that left it unfixed where a program breaking them would have fixed it. */
  unfixedBy: readonly RuleId[];
  /** The rules this process's own `ok` depends on (a set_start_method() that succeeded because of `unfixedBy`). */
  okBy: RuleId[];
  /** `current_process()._inheriting`: true while a spawn/forkserver child re-imports the main script. */
  inheriting: boolean;
  readonly defined: Map<number, Obj>;
  global: 'initial' | 'changed';
  /** `ForkServer._forkserver_pid`: unset, set by this process, or inherited through fork from a parent that launched one. */
  forkserverPid: 'none' | 'own' | 'inherited';
  /**
   * The forkserver this process launched, as its `__main__` preload left it (rule forkserver.preload-main): its
   * children are forks of this state. Null when it launched none, or launched one that preloads nothing.
   */
  forkserverMain: Env | null;
  /** What set_forkserver_preload() last set in this process: the default ['__main__'], the script's module, nothing. */
  preload: 'default' | PreloadList;
  /** Whether sys.argv has more than the script here (a `report-argv` step appended to the main process's). */
  argv: 'extra' | 'none';
  /** The process's label (the forkserver's own state is `forkserver`). */
  label: ProcessLabel;
  /**
   * Other threads: none, one still running (a `start-thread` step), or only threads a Pool/executor block joined,
   * whose OS threads may still be exiting when the next fork counts them.
   */
  threads: 'none' | 'running' | 'joined';
  /**
   * `resource_tracker._resource_tracker._fd` is set: the tracker (its index in `Acc.trackers`) launched here, or
   * inherited (fork, spawn fd, forkserver fd); null before any.
   */
  tracker: number | null;
  /** Manager server processes this process started and still owns (its finalizers shut them down at exit). */
  managers: number;
  /** Resources this process registered with the tracker and unregisters only at a normal exit (semaphores, shared memory). */
  registered: { semlock: boolean; shm: boolean };
  /**
   * `sys.modules['__main__']` is the script (has `__file__`), so get_preparation_data() tells a spawn/forkserver child
   * to re-run it. False while a spawn child re-runs the script (runpy.run_path has not returned; `__main__` is still the
   * `-c` bootstrap module), and in every fork child made meanwhile.
   */
  mainScript: boolean;
  readonly depth: number;
}

/** A simulated uncaught exception (or death) ending a process, with the rules that decided it. */
export interface Fail {
  readonly outcome: Outcome;
  readonly rules: readonly RuleId[];
}

/** Result of running code in a simulated process. */
export type Run =
  | { readonly kind: 'ok' }
  /** `also`: other endings a documented race allows. */
  | { readonly kind: 'fail'; readonly fail: Fail; readonly also?: readonly Fail[] }
  | { readonly kind: 'hang'; readonly rules: readonly RuleId[] };

/** Everything shared by one prediction. */
export interface Sim {
  readonly facts: OracleFacts;
  readonly scenario: Scenario;
  readonly acc: Acc;
  /**
   * Runs steps in a simulated process (src/oracle/sim/steps.ts `runSteps`), passed in so that a
   * launch can re-run the top-level steps in a spawn/forkserver child without importing steps.ts,
   * which imports the launchers (no import cycle).
   */
  readonly runSteps: (sim: Sim, env: Env, steps: readonly Step[], rerun: boolean) => Run;
}

export const OK: Run = { kind: 'ok' };

/** Shorthand for a failing run. */
export function fail(outcome: Outcome, ...rules: RuleId[]): Run {
  return { kind: 'fail', fail: { outcome, rules } };
}

/** A fresh main-process state. */
export function freshEnv(depth: number): Env {
  return {
    actual: null, fixedBy: [], methodBy: [], unfixedBy: [], okBy: [], inheriting: false, defined: new Map(), global: 'initial', forkserverPid: 'none', forkserverMain: null, preload: 'default', argv: 'none', label: 'main', threads: 'none',
    tracker: null, managers: 0, registered: { semlock: false, shm: false }, mainScript: true, depth,
  };
}

/** The copy a fork child gets. */
export function forkEnv(parent: Env): Env {
  const forkserverPid = parent.forkserverPid === 'none' ? 'none' : 'inherited';
  // a fork child owns none of the parent's registrations (util.Finalize and the unlink atexit hooks check the pid)
  return { ...parent, okBy: [], inheriting: false, defined: new Map(parent.defined), forkserverPid, forkserverMain: null, threads: 'none', managers: 0, registered: { semlock: false, shm: false }, depth: parent.depth + 1 };
}
