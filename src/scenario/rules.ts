/**
 * Structural rules of the Scenario model shared by the validator, the renderer and the
 * arbitraries (one source of truth, so a generated scenario is valid by construction).
 */
import type { Channel, Method, Step, WorkerKind } from './types.js';

/** Largest object / worker id (ids are small so identifiers stay short and readable). */
export const MAX_ID = 31;

/** Most steps a scenario may hold (keeps every program well under the 300 ms budget). */
export const MAX_STEPS = 24;

/** The name pattern: the only free text a scenario may carry. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A `start` step. */
export type StartStep = Extract<Step, { readonly op: 'start' }>;

/** A `create` step. */
export type CreateStep = Extract<Step, { readonly op: 'create' }>;

/** Worker kinds that run on a pool or executor (at most one such step per scenario). */
export const POOL_LIKE_WORKERS = [
  'pool-map', 'pool-apply_async', 'pool-starmap', 'executor-submit', 'executor-map',
] as const satisfies readonly WorkerKind[];

/** True for pool-* and executor-* worker kinds. */
export function isPoolLike(worker: WorkerKind): boolean {
  return worker !== 'process';
}

/** True for a step that makes a SharedMemory block: a `create`, or a worker whose action owns one (needs shared_memory). */
export function createsSharedMemory(step: Step): boolean {
  return (step.op === 'create' && step.kind === 'SharedMemory') || (step.op === 'start' && step.action === 'own-shared-memory');
}

/** True for executor-* worker kinds. */
export function isExecutor(worker: WorkerKind): boolean {
  return worker === 'executor-submit' || worker === 'executor-map';
}

/** Worker kinds whose task takes exactly one argument (so at most one `task-arg` object). */
export function isSingleArgMap(worker: WorkerKind): boolean {
  return worker === 'pool-map' || worker === 'executor-map';
}

/** Channels an object may travel by to a worker of this kind. */
export function channelsFor(worker: WorkerKind): readonly Channel[] {
  return worker === 'process' ? ['process-arg', 'global'] : ['task-arg', 'initargs', 'global'];
}

/** Start methods a step names explicitly: its context, a worker's grandchild context, or the method it sets. */
export function methodsNamed(step: Step): Method[] {
  const out: Method[] = [];
  const add = (m: string | null): void => {
    if (m === 'fork' || m === 'spawn' || m === 'forkserver') out.push(m);
  };
  switch (step.op) {
    case 'create':
      add(step.ctx);
      break;
    case 'start':
      add(step.ctx);
      add(step.grandchild);
      break;
    case 'set-start-method':
      add(step.method);
      break;
    case 'context-set-start-method':
      add(step.ctx);
      break;
    default:
      break;
  }
  return out;
}
