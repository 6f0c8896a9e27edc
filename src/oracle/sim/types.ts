import type { OracleFacts } from '../../interpreters/facts.js';
import type { Outcome } from '../../outcome/outcome.js';
import type { Method, ObjectKind, Scenario } from '../../scenario/types.js';
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
  /** `current_process()._inheriting`: true while a spawn/forkserver child re-imports the main script. */
  inheriting: boolean;
  readonly defined: Map<number, Obj>;
  global: 'initial' | 'changed';
  /** `ForkServer._forkserver_pid`: unset, set by this process, or inherited through fork from a parent that launched one. */
  forkserverPid: 'none' | 'own' | 'inherited';
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
  readonly rules: readonly string[];
}

/** Result of running code in a simulated process. */
export type Run =
  | { readonly kind: 'ok' }
  /** `also`: other endings a documented race allows. */
  | { readonly kind: 'fail'; readonly fail: Fail; readonly also?: readonly Fail[] }
  | { readonly kind: 'hang'; readonly rules: readonly string[] };

/** Everything shared by one prediction. */
export interface Sim {
  readonly facts: OracleFacts;
  readonly scenario: Scenario;
  readonly acc: Acc;
}

export const OK: Run = { kind: 'ok' };

/** Shorthand for a failing run. */
export function fail(outcome: Outcome, ...rules: string[]): Run {
  return { kind: 'fail', fail: { outcome, rules } };
}

/** A fresh main-process state. */
export function freshEnv(depth: number): Env {
  return { actual: null, inheriting: false, defined: new Map(), global: 'initial', forkserverPid: 'none', mainScript: true, depth };
}

/** The copy a fork child gets. */
export function forkEnv(parent: Env): Env {
  const forkserverPid = parent.forkserverPid === 'none' ? 'none' : 'inherited';
  return { ...parent, inheriting: false, defined: new Map(parent.defined), forkserverPid, depth: parent.depth + 1 };
}
