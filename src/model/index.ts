/**
 * The data model every stage shares: what a run observed, what the oracle expected, the verdict,
 * one judged case and the whole report, and the interpreter facts they are about.
 */
export type { Implementation, InterpreterFacts, OracleFacts, Platform } from './facts.js';
export { compareVersions, IMPLEMENTATIONS, PLATFORMS } from './facts.js';
export type { CapturedText, ExceptionInfo, Observation, ProcessObservation, Role, RunEnd } from './observation.js';
export type { HangBy, HangPatternId, ProcessStack, StackFrame, ThreadStack } from './hang.js';
export type { Accepted, Expectation, ProcessExpectation } from './expectation.js';
export type { Mismatch, Verdict, VerdictKind } from './verdict.js';
export { VERDICTS } from './verdict.js';
export type { CaseResult, MinimalCase, RunReport } from './report.js';
