/**
 * Family `picklability`: targets a spawn/forkserver child or a pool cannot unpickle.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { space, spaceArb } from './space.js';

/**
 * A lambda target (unpicklable: fine for a fork Process, a pickling error everywhere else) or a
 * function defined inside the guard (a spawn/forkserver child re-imports the module without it).
 *
 * @public
 */
export function picklabilityArb(options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb(space({
    hows: ['get-context', 'set'],
    placements: ['main'],
    pre: [],
    earlyStart: false,
    post: [],
    objectKinds: [],
    objectMax: 0,
    workerCtx: ['chosen', 'fork', 'spawn', 'forkserver'],
    actions: ['report-method'],
    targets: ['lambda', 'guarded-function'],
    grandchild: [],
    extrasMax: 0,
  })), options);
}
