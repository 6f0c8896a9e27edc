/** The oracle: Scenario × OracleFacts × target → Expectation, from documented rules only. */
export { predict } from './predict.js';
export { explain } from './explain.js';
export { allRules, rulesById } from './rules/index.js';
export { ruleHolds } from './holds.js';
export { defaultMethod } from './platform.js';
export type { Rule } from './types.js';
