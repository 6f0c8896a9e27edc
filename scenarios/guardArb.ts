/**
 * Family `guard`: the entry-point guard and bootstrapping.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { space, spaceArb } from './space.js';

/**
 * A start method chosen at module level or under the guard, with the guard wrapping all, none or
 * part of the program; workers of every kind (Process, Pool, executor, grandchild) so unguarded
 * spawn/forkserver starts meet the bootstrapping RuntimeError, hanging pools and broken executors.
 *
 * @public
 */
export function guardArb(options: ArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb(space({
    methods: ['spawn', 'forkserver', 'fork'],
    choiceRequired: true,
    placements: ['main', 'top', 'partial'],
    pre: ['get-start-method'],
    preMax: 1,
    earlyStart: false,
    post: [],
    objectKinds: ['Lock', 'Queue'],
    objectMax: 1,
    objectCtx: ['chosen'],
    workerCtx: ['chosen'],
    vias: ['global', 'arg'],
    passMax: 1,
    actions: ['report-method', 'use'],
    targets: ['function'],
    grandchild: ['chosen'],
    extrasMax: 1,
  })), options);
}
