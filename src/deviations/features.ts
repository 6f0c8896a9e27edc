/**
 * Scenario features: what a deviation's `when` can name, derived from a Scenario by a pure function.
 */
import type {
  ChildAction, Channel, ContextRef, Method, ObjectKind, Scenario, StepOp, TargetForm, WorkerKind,
} from '../scenario/types.js';
import { METHODS } from '../scenario/types.js';

/** Every step op (kept in step with `StepOp`). */
export const STEP_OPS = [
  'set-start-method', 'get-start-method', 'create', 'start', 'get-context-unknown', 'context-set-start-method', 'set-global', 'freeze-support', 'start-thread', 'report-syspath', 'report-argv', 'forkserver-preload',
] as const satisfies readonly StepOp[];

/**
 * Guard placement: no guard at all, everything inside it, or some steps at top level and some inside.
 *
 * @public
 */
export const GUARDS = ['absent', 'full', 'partial'] as const;
/**
 * How a scenario uses the `__main__` guard: `absent`, `full` or `partial` (a deviation's `when.guard`).
 *
 * @public
 */
export type Guard = (typeof GUARDS)[number];

/**
 * The features of one scenario (each list sorted, without duplicates).
 *
 * @public
 */
export interface ScenarioFeatures {
  /** Start methods named anywhere: set_start_method, contexts of objects, workers, grandchildren. */
  readonly startMethods: readonly Method[];
  /** Context references used by objects and workers (`default` included). */
  readonly contexts: readonly ContextRef[];
  readonly workers: readonly WorkerKind[];
  readonly objectKinds: readonly ObjectKind[];
  readonly channels: readonly Channel[];
  readonly guard: Guard;
  /** Ops of the steps at module top level (outside the guard). */
  readonly unguardedOps: readonly StepOp[];
  readonly ops: readonly StepOp[];
  readonly targetForms: readonly TargetForm[];
  readonly actions: readonly ChildAction[];
  readonly grandchild: boolean;
}

function uniq<T extends string>(values: readonly T[]): readonly T[] {
  return [...new Set(values)].sort();
}

function methodOf(ref: ContextRef | null): Method[] {
  return ref !== null && (METHODS as readonly string[]).includes(ref) ? [ref as Method] : [];
}

/** The features of a scenario (pure). */
export function featuresOf(scenario: Scenario): ScenarioFeatures {
  const methods: Method[] = [];
  const contexts: ContextRef[] = [];
  const workers: WorkerKind[] = [];
  const kinds: ObjectKind[] = [];
  const channels: Channel[] = [];
  const forms: TargetForm[] = [];
  const actions: ChildAction[] = [];
  let grandchild = false;
  for (const step of scenario.steps) {
    if (step.op === 'set-start-method' || step.op === 'context-set-start-method') methods.push(step.op === 'set-start-method' ? step.method : step.ctx);
    if (step.op === 'create') {
      kinds.push(step.kind);
      contexts.push(step.ctx);
      methods.push(...methodOf(step.ctx));
    }
    if (step.op === 'start') {
      workers.push(step.worker);
      contexts.push(step.ctx);
      methods.push(...methodOf(step.ctx), ...methodOf(step.grandchild));
      channels.push(...step.pass.map((p) => p.via));
      forms.push(step.target);
      actions.push(step.action);
      if (step.grandchild !== null) {
        grandchild = true;
        contexts.push(step.grandchild);
      }
    }
  }
  const top = scenario.steps.filter((s) => s.at === 'top');
  const main = scenario.steps.filter((s) => s.at === 'main');
  const guard: Guard = main.length === 0 ? 'absent' : top.length === 0 ? 'full' : 'partial';
  return {
    startMethods: uniq(methods), contexts: uniq(contexts), workers: uniq(workers), objectKinds: uniq(kinds),
    channels: uniq(channels), guard, unguardedOps: uniq(top.map((s) => s.op)), ops: uniq(scenario.steps.map((s) => s.op)),
    targetForms: uniq(forms), actions: uniq(actions), grandchild,
  };
}
