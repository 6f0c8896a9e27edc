/**
 * Family `inheritance-only`: queues, locks and values as task arguments vs Manager proxies.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { space, spaceArb } from './space.js';

/**
 * Objects passed to a Pool or executor as task arguments ("should only be shared between
 * processes through inheritance") or as initargs (allowed), next to Manager proxies, which
 * travel anywhere.
 *
 * @public
 */
export function inheritanceOnlyArb(options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb(space({
    hows: ['get-context', 'set'],
    placements: ['main'],
    pre: [],
    earlyStart: false,
    post: [],
    objectKinds: ['Queue', 'Lock', 'Value', 'ManagerQueue', 'ManagerDict', 'ManagerLock', 'Semaphore', 'Event', 'JoinableQueue', 'SimpleQueue', 'Array', 'Condition'],
    objectMin: 1,
    objectMax: 2,
    objectCtx: ['chosen'],
    primaryKinds: ['pool-apply_async', 'pool-map', 'pool-starmap', 'executor-submit', 'executor-map'],
    workerCtx: ['chosen'],
    vias: ['arg', 'init'],
    passMin: 1,
    passMax: 2,
    actions: ['use'],
    targets: ['function'],
    grandchild: [],
    extrasMax: 0,
  })), options);
}
