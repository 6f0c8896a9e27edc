/**
 * `mpconform/vitest`: the `toConformTo` matcher (with its `declare module 'vitest'` augmentation)
 * and tests / fast-check properties declared over real interpreters.
 */
export { toConformTo, conformanceMatchers, formatConformance } from '../vitest/matcher.js';
export type { MatcherResult, MatcherContext, ConformanceMatchers } from '../vitest/matcher.js';
export { testOnPythons, conformanceProperty, describeResult, pythonsFromEnv, missingReason } from '../vitest/on-pythons.js';
export type { PythonsOptions, ConformancePropertyOptions } from '../vitest/on-pythons.js';
export { seedFromEnv } from '../vitest/seed.js';
