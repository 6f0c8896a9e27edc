/** Interpreters: find them and learn their facts. */
export { probeInterpreter } from './probe.js';
export type { ProbeOptions } from './probe.js';
export { discoverInterpreters, probeCandidate, candidates } from './discover.js';
export type { Discovered } from './discover.js';
export { MpconformError, InterpreterMissingError, InterpreterBrokenError, InterpreterUnsupportedError } from './errors.js';
export { compareVersions } from './facts.js';
export type { InterpreterFacts, OracleFacts, Platform, Implementation } from './facts.js';
export { which } from './which.js';
