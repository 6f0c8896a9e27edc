/** The in-process probe: where it lives and what it writes. */
export { probeSiteDir, factsScript, EVENTS_ENV, TOKEN_ENV } from './paths.js';
export { parseEventLine, parseEvents } from './events.js';
export type { ProbeEvent, ProbeEventKind, ProbeException, StartKind } from './events.js';
export { isPoolWorker, isReplacedPoolWorker, isManager } from './roles.js';
