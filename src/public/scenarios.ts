/**
 * Scenarios: the typed description of a small `multiprocessing` program (start method ×
 * `__main__` guard × objects shared between contexts × workers), its JSON boundary, the fast-check
 * arbitraries that generate it and the curated corpus.
 */
export type {
  Scenario, Step, StepOp, Passing, Method, ContextRef, Placement, ObjectKind, Channel, WorkerKind, ChildAction, TargetForm,
} from '../scenario/types.js';
export { ROLE_LABELS } from '../contracts/labels.js';
export type { ProcessLabel } from '../contracts/labels.js';
export { METHODS, CONTEXT_REFS, PLACEMENTS, OBJECT_KINDS, CHANNELS, WORKER_KINDS, CHILD_ACTIONS, TARGET_FORMS } from '../scenario/types.js';
export { parseScenario, isValidScenario, ScenarioValidationError, E_SCENARIO_INVALID } from '../scenario/validate.js';
export {
  scenarioArb, contextSetOnceArb, guardArb, crossContextSemLockArb, inheritanceOnlyArb, globalsArb, picklabilityArb, defaultsArb,
  FULL_SPACE, corpus,
} from '../../scenarios/index.js';
export type {
  ScenarioArbOptions, ArbOptions, SpaceConfig, CtxSel, How, Via, PlacementPlan, PreKind, PostKind, CorpusEntry,
} from '../../scenarios/index.js';
