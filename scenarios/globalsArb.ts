/**
 * Family `globals`: a module global changed under the guard, read by children.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { space, spaceArb } from './space.js';

/**
 * `G = 'changed'` (under the guard, or at module level with `partial`) before a worker reads
 * `G`: a fork child sees the change, a spawn/forkserver child re-imports the module and sees
 * `'initial'` unless the change sits at top level.
 *
 * @public
 */
export function globalsArb(options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb(space({
    methods: ['fork', 'spawn', 'forkserver'],
    hows: ['get-context', 'set'],
    choiceRequired: true,
    placements: ['main', 'partial'],
    pre: ['set-global'],
    preMin: 1,
    preMax: 1,
    earlyStart: false,
    post: [],
    objectKinds: [],
    objectMax: 0,
    primaryKinds: ['process', 'pool-apply_async', 'executor-submit'],
    workerCtx: ['chosen'],
    actions: ['read-global'],
    targets: ['function'],
    grandchild: [],
    extrasMax: 1,
  })), options);
}
