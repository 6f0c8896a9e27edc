/**
 * Family `context-set-once`: sequences of set/get start method calls.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { space, spaceArb } from './space.js';

/**
 * `set_start_method` (± force) after the default context was fixed — by an earlier set, by
 * `get_start_method()`, `freeze_support()` (3.13.4-3.13.12, 3.14.0-3.14.3), creating an object or
 * starting a process on the default context — or not (`allow_none=True`); optionally a child
 * reporting the method it got, and a late set.
 *
 * @public
 */
export function contextSetOnceArb(options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb(space({
    hows: ['set', 'set-force'],
    placements: ['main'],
    pre: ['get-start-method', 'set-start-method', 'create-default', 'freeze-support'],
    preMax: 3,
    post: ['set-start-method', 'get-start-method'],
    objectKinds: ['Lock', 'Queue', 'Value'],
    objectMax: 0,
    primaryKinds: ['process'],
    primaryRequired: false,
    workerCtx: ['default'],
    actions: ['report-method'],
    targets: ['function'],
    grandchild: [],
    extrasMax: 0,
  })), options);
}
