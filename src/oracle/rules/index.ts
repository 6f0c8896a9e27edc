import type { Rule } from '../types.js';
import { contextRules } from './context.js';
import { miscRules } from './misc.js';
import { picklingRules } from './pickling.js';
import { platformRules } from './platform.js';
import { poolRules } from './pool.js';
import { semlockRules } from './semlock.js';
import { startRules } from './start.js';
import { trackerRules } from './tracker.js';
import { leakRules } from './leaks.js';

/**
 * Every rule the oracle knows, grouped by family in this order.
 *
 * @public
 */
export const allRules: readonly Rule[] = [
  ...contextRules, ...platformRules, ...startRules, ...picklingRules, ...semlockRules, ...poolRules, ...miscRules, ...trackerRules, ...leakRules,
];

type Ids<T extends readonly { readonly id: string }[]> = T[number]['id'];

/** The id of a rule the oracle knows: a typo in a rule id is a compile error. */
export type RuleId =
  | Ids<typeof contextRules> | Ids<typeof platformRules> | Ids<typeof startRules> | Ids<typeof picklingRules>
  | Ids<typeof semlockRules> | Ids<typeof poolRules> | Ids<typeof miscRules> | Ids<typeof trackerRules> | Ids<typeof leakRules>;

/**
 * Rules by id.
 *
 * @public
 */
export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.id, r]));
