/**
 * Running conformance: one scenario end to end ({@link runScenario}), a whole run over families ×
 * interpreters × targets ({@link runConformance}), the stages they chain for callers that need
 * one of them alone (render → run a program → predict → judge), the model they exchange, and
 * declared deviations.
 */

// ── end to end ──
export { runScenario, applyDeviationsToResult } from '../run/scenario.js';
export type { ScenarioResult } from '../run/scenario.js';
export type { RunScenarioOptions, ConformanceInput, ConformanceProgress } from '../run/options.js';
export { runConformance } from '../run/run.js';
export { FAMILIES, selectFamilies } from '../run/families.js';
export type { Family, CaseSpec } from '../run/family.js';
export type { Shard } from '../run/shard.js';

// ── the stages, one by one ──
export { renderScenario, UnsupportedScenarioError } from '../render/index.js';
export type { RenderOptions } from '../render/index.js';
export { runProgram, observeFile } from '../observe/index.js';
export type { RunProgramOptions } from '../observe/index.js';
export { predict, explain, allRules, rulesById } from '../oracle/index.js';
export type { Rule } from '../oracle/index.js';
export { judge, describeMismatches } from '../verdict/index.js';

// ── the model the stages exchange ──
export type { Observation, ProcessObservation, RunEnd, CapturedText, ExceptionInfo, Role } from '../model/observation.js';
export type { HangBy, HangPatternId, ProcessStack, StackFrame, ThreadStack } from '../model/hang.js';
export type { Expectation, ProcessExpectation, Accepted, WarningSeen } from '../model/expectation.js';
export { VERDICTS } from '../model/verdict.js';
export type { Verdict, VerdictKind, Mismatch } from '../model/verdict.js';
export { FIXED_OUTCOMES, isOutcome } from '../outcome/outcome.js';
export type { Outcome, FixedOutcome } from '../outcome/outcome.js';

// ── declared deviations (src/deviations/FORMAT.md) ──
export { readDeviationsFile, parseDeviations, formatDeviations, applyDeviations, verdictWithDeviations, ExpectationsInvalidError } from '../deviations/index.js';
export { GUARDS } from '../deviations/index.js';
export type { Deviation, DeviationsFile, DeviationSubject, DeviationsDocument, DeviationEntry, When, Instead, ScenarioFeatures, Guard, Comparator } from '../deviations/index.js';
