/** drain.ts: which leftovers a run waits for once its main process exited. */
import { describe, expect, it } from 'vitest';
import type { ProbeEvent } from '../../contracts/events.js';
import { trackerStillReporting } from './drain.js';

const start = (pid: number, kind: 'main' | 'resource-tracker' | 'forkserver' | 'spawn'): ProbeEvent =>
  ({ ev: 'start', pid, t: 1, ppid: 1, kind, argv: '', py: '3.13.5', token: null });
const exit = (pid: number): ProbeEvent => ({ ev: 'exit', pid, t: 2, how: 'atexit', code: null });

describe('trackerStillReporting', () => {
  it('a tracker that has not said it is leaving, with nobody else left, is waited for', () => {
    expect(trackerStillReporting([start(1, 'main'), start(2, 'resource-tracker'), exit(1)])).toBe(true);
    // the forkserver ends with the main process: it does not hold the tracker back
    expect(trackerStillReporting([start(1, 'main'), start(2, 'resource-tracker'), start(3, 'forkserver'), exit(1)])).toBe(true);
  });
  it('a tracker that said it is leaving, or no tracker, is not', () => {
    expect(trackerStillReporting([start(1, 'main'), start(2, 'resource-tracker'), exit(2), exit(1)])).toBe(false);
    expect(trackerStillReporting([start(1, 'main'), exit(1)])).toBe(false);
  });
  it('an unaccounted process (it may hold the tracker\'s fd for ever) leaves the tracker to the plain drain', () => {
    expect(trackerStillReporting([start(1, 'main'), start(2, 'resource-tracker'), start(4, 'spawn'), exit(1)])).toBe(false);
    const orphan: ProbeEvent = { ev: 'spawned', pid: 1, t: 1, child: 9, how: 'subprocess' };
    expect(trackerStillReporting([start(1, 'main'), start(2, 'resource-tracker'), orphan, exit(1)])).toBe(false);
    // a child whose exit code its parent saw is accounted for
    const reaped: ProbeEvent = { ev: 'exitcode', pid: 1, t: 2, child: 4, name: 'w0', code: 0, lib: 'multiprocessing' };
    expect(trackerStillReporting([start(1, 'main'), start(2, 'resource-tracker'), start(4, 'spawn'), reaped, exit(1)])).toBe(true);
  });
});
