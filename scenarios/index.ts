/**
 * Scenario arbitraries and the curated corpus: the single public entry of `scenarios/`.
 */
export { scenarioArb } from './scenarioArb.js';
export type { ScenarioArbOptions } from './scenarioArb.js';
export { contextSetOnceArb } from './contextSetOnceArb.js';
export { guardArb } from './guardArb.js';
export { crossContextSemLockArb } from './crossContextSemLockArb.js';
export { inheritanceOnlyArb } from './inheritanceOnlyArb.js';
export { globalsArb } from './globalsArb.js';
export { picklabilityArb } from './picklabilityArb.js';
export { defaultsArb } from './defaultsArb.js';
export type { ArbOptions } from './options.js';
export type { SpaceConfig, CtxSel, How, Via, PlacementPlan, PreKind, PostKind } from './space.js';
export { FULL_SPACE } from './space.js';
export { coverageCell, coverageCell as coverageCells, coverageGate, tallyCoverage, guardOf, REQUIRED_CELLS } from './coverage.js';
export type { RequiredCell, CoverageShortfall, GuardCell } from './coverage.js';
export { scenarioSize, processCount } from './size.js';
export { corpus } from './corpus/index.js';
export type { CorpusEntry } from './corpus/index.js';
