import type { Method, ProcessLabel, TargetForm } from '../../scenario/types.js';
import { holds } from '../holds.js';
import { fixDefault } from './context.js';
import { isSemlockKind } from './objects.js';
import { runSteps } from './steps.js';
import { fail, forkEnv, freshEnv, OK, type Env, type Obj, type Run, type Sim } from './types.js';

/** A process about to be started from a parent. */
export interface ChildSpec {
  readonly label: ProcessLabel;
  readonly method: Method;
  /** Started from a concrete context (its child is forced to `method` by `_bootstrap`). */
  readonly concrete: boolean;
  readonly target: TargetForm;
  /** Objects pickled with the process object (Process args, Pool/executor initargs). */
  readonly pickled: readonly Obj[];
}

/** The parent's view of a launch: its own failure in start(), or the started child's environment. */
export type Launch = { readonly kind: 'parent-failed'; readonly run: Run } | { readonly kind: 'started'; readonly child: Env; readonly boot: Run };

/** Parent side of `start()` plus the child's bootstrap (top-level re-run, unpickling); the child body is the caller's. */
export function launch(sim: Sim, parent: Env, spec: ChildSpec): Launch {
  if (spec.method === 'fork') {
    const child = forkEnv(parent);
    if (spec.concrete) child.actual = 'fork';
    sim.acc.use(['fork.inherits', 'pickle.fork-no-pickle']);
    return { kind: 'started', child, boot: OK };
  }
  if (parent.inheriting) return { kind: 'parent-failed', run: fail('bootstrapping-error', 'spawn.bootstrapping') };
  const prep = fixDefault(sim, parent, 'ctx.fixed-by-preparation');
  if (spec.target === 'lambda') return { kind: 'parent-failed', run: fail('pickling-error', 'pickle.lambda') };
  for (const o of spec.pickled) {
    if (o.method === 'fork' && isSemlockKind(o.kind) && holds('semlock.fork-context-error', sim.facts)) {
      return { kind: 'parent-failed', run: fail('semlock-fork-context', 'semlock.fork-context-error') };
    }
  }
  if (spec.method === 'forkserver') {
    if (parent.forkserverPid === 'inherited') return { kind: 'parent-failed', run: fail('exception:ChildProcessError', 'forkserver.stale-pid') };
    if (parent.forkserverPid === 'none') {
      parent.forkserverPid = 'own';
      if (holds('forkserver.preload-main', sim.facts) && sim.scenario.steps.some((s) => s.at === 'top')) {
        sim.acc.unspecified = { reason: 'the forkserver preloads __main__ (gh-126631): top-level code in the forkserver is not modelled', rule: 'forkserver.preload-main' };
      }
      sim.acc.record('forkserver', ['ok'], ['forkserver.no-preload-main']);
    }
  }
  const child = freshEnv(parent.depth + 1);
  child.actual = prep;
  if (!parent.mainScript) {
    // a fork child of a process still re-running the script: no init_main_from_path, so nothing re-runs and the
    // target (pickled by reference to the script's module) is not found
    return { kind: 'started', child, boot: fail('main-attribute-missing', 'spawn.no-main-path-mid-rerun') };
  }
  child.inheriting = true;
  child.mainScript = false;
  sim.acc.use(['spawn.rerun-main', 'spawn.prepare-forces-method']);
  const boot = runSteps(sim, child, sim.scenario.steps.filter((s) => s.at === 'top'), true);
  child.inheriting = false;
  child.mainScript = true;
  if (boot.kind !== 'ok') return { kind: 'started', child, boot };
  if (spec.target === 'guarded-function') return { kind: 'started', child, boot: fail('main-attribute-missing', 'spawn.main-attribute') };
  if (spec.concrete) child.actual = spec.method;
  return { kind: 'started', child, boot: OK };
}
