import type { RunEnd } from '../model/observation.js';

/** How a run ended, for people: `exited with code 1`, `killed by SIGKILL`, `hang (timeout: …, after 30000 ms)`. */
export function describeRunEnd(end: RunEnd): string {
  switch (end.kind) {
    case 'exited': return `exited with code ${end.code}`;
    case 'signaled': return `killed by ${end.signal}`;
    case 'hang': return `hang (${end.how}: ${end.reason}, after ${end.afterMs} ms)`;
  }
}
