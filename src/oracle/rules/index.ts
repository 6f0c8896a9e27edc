import type { Rule } from '../types.js';
import { contextRules } from './context.js';
import { miscRules } from './misc.js';
import { picklingRules } from './pickling.js';
import { platformRules } from './platform.js';
import { poolRules } from './pool.js';
import { semlockRules } from './semlock.js';
import { startRules } from './start.js';

/** Every rule the oracle knows, grouped by family in this order. */
export const allRules: readonly Rule[] = [
  ...contextRules, ...platformRules, ...startRules, ...picklingRules, ...semlockRules, ...poolRules, ...miscRules,
];

/** Rules by id. */
export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.id, r]));
