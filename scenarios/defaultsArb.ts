/**
 * Family `defaults`: the platform's default start method.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { space, spaceArb } from './space.js';

/**
 * No start method chosen: the main process reports `get_start_method()` (± allow_none) and a
 * default-context worker reports the method it was started with.
 *
 * @public
 */
export function defaultsArb(options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb(space({
    hows: [],
    placements: ['main'],
    pre: ['get-start-method'],
    preMax: 1,
    earlyStart: false,
    post: ['get-start-method'],
    objectKinds: [],
    objectMax: 0,
    primaryKinds: ['process', 'pool-apply_async', 'executor-submit'],
    workerCtx: ['default'],
    actions: ['report-method'],
    targets: ['function'],
    grandchild: ['default'],
    extrasMax: 0,
  })), options);
}
