/** Interpreters: find them and learn their facts. */
export { probeInterpreter } from './probe.js';
export type { ProbeOptions } from './probe.js';
export { discoverInterpreters, probeCandidate, candidates } from './discover.js';
export type { Discovered } from './discover.js';
