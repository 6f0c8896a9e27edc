import type { ProbeEvent } from '../../contracts/events.js';
import { hasUnaccounted } from '../kill.js';
import { FULL_SCAN_AFTER_MS } from './constants.js';

/** What is known about a tree once its main process exited. */
export interface AfterExit {
  /** A trigger stopped the run (the tree was killed, not left to finish). */
  readonly stopped: boolean;
  /** stdout and stderr closed within the drain time (nobody else holds them). */
  readonly pipesClosed: boolean;
  /** lastPid() before the tree started (null: unknown). */
  readonly since: number | null;
  readonly mainPid: number;
  readonly durationMs: number;
  readonly events: readonly ProbeEvent[];
}

/**
 * Whether the final token scan must read every pid in /proc rather than only those allocated
 * since the tree started: something may have escaped (the tree was killed, someone still holds its
 * pipes, a recorded process neither exited nor was reaped by its parent), or the narrow range is
 * not trustworthy (unknown, the pid counter wrapped, a run long enough to wrap). Otherwise a
 * setsid() escapee that closed its pipes and was never recorded still has a pid in the range.
 */
export function needsFullScan(a: AfterExit): boolean {
  if (a.stopped || !a.pipesClosed) return true;
  if (a.since === null || a.mainPid <= a.since || a.durationMs > FULL_SCAN_AFTER_MS) return true;
  return hasUnaccounted(a.events, a.mainPid);
}
