/**
 * The whole scenario space.
 */
import type fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.js';
import { finish } from './options.js';
import type { ArbOptions } from './options.js';
import { FULL_SPACE, spaceArb } from './space.js';
import type { SpaceConfig } from './space.js';

/**
 * Options of {@link scenarioArb}: any knob of the space may be narrowed.
 *
 * @public
 */
export interface ScenarioArbOptions extends ArbOptions {
  readonly space?: Partial<SpaceConfig>;
}

/**
 * Scenarios from the whole space (docs/design.md): start method × how it is chosen (set_start_method
 * ± force, get_context, mp_context, none) × guard placement (main, top, partial) × pre-actions
 * × object kinds × channels × worker kinds × child actions × target forms × grandchildren.
 * At most one pool-like worker, at most two processes started directly, at most three objects.
 *
 * @public
 */
export function scenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  return finish(spaceArb({ ...FULL_SPACE, ...options.space }), options);
}
