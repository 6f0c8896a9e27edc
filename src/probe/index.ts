/** The in-process probe: where its files are, and what its records say about a process's role (its events: src/contracts/events.ts). */
export { probeSiteDir, factsScript } from './paths.js';
export { isPoolWorker, isReplacedPoolWorker, isManager } from './roles.js';
