/** Interpreters: find them, probe their facts, pick them by version. */
export { probeInterpreter, discoverInterpreters } from '../interpreters/index.js';
export type { ProbeOptions, Discovered } from '../interpreters/index.js';
export { resolvePythons, InterpreterNotFoundError } from '../interpreters/resolve.js';
export type { ResolveOptions } from '../interpreters/resolve.js';
export { InterpreterMissingError, InterpreterBrokenError, InterpreterUnsupportedError } from '../errors/interpreter.js';
export { compareVersions, PLATFORMS, IMPLEMENTATIONS } from '../model/facts.js';
export type { InterpreterFacts, OracleFacts, Platform, Implementation } from '../model/facts.js';
