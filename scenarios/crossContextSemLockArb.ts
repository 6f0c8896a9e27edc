/**
 * Family `cross-context-semlock`: a SemLock-based object made in one context, used in another.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { space, spaceArb } from './space.js';

/**
 * A SemLock-based object (locks, semaphores, Condition, Event, Barrier, queues, Value, Array)
 * created in one context and inherited by a worker of another — a Process argument or a
 * Pool/executor initarg — which uses it (3.11.5+: the parent's start raises; before: SIGSEGV /
 * EBADF in the child). Same-context pairs are generated too, as controls.
 *
 * @public
 */
export function crossContextSemLockArb(options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb(space({
    hows: [],
    placements: ['main'],
    pre: [],
    earlyStart: false,
    post: [],
    objectKinds: ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Value', 'Array'],
    objectMin: 1,
    objectMax: 1,
    objectCtx: ['fork', 'spawn', 'forkserver', 'default'],
    primaryKinds: ['process', 'pool-apply_async', 'executor-submit'],
    workerCtx: ['spawn', 'forkserver', 'fork', 'default'],
    vias: ['init'],
    passMin: 1,
    passMax: 1,
    actions: ['use'],
    targets: ['function'],
    grandchild: [],
    extrasMax: 0,
  })), options);
}
