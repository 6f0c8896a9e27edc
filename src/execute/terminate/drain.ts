/**
 * The end of a run whose main process exited by itself: leftovers may still hold our pipes. A
 * resource tracker left alone finishes on its own — it reads what the tree wrote to it, prints its
 * leak warnings and tracebacks, and exits once every writer closed its fd — but on a loaded machine
 * that can take longer than the plain drain: it is waited for, so that what it reports is observed.
 */
import type { ProbeEvent } from '../../contracts/events.js';
import { accountedPids, recordedPids } from '../kill.js';
import { DRAIN_MS, TRACKER_DRAIN_MS, TRACKER_POLL_MS } from './constants.js';

/**
 * Whether a resource tracker of the tree has not yet said it is leaving while every other process
 * the probe saw (besides the main process and the forkservers, which end with it) has: the tracker
 * then has nobody left to wait for. An unaccounted process (an orphan may hold the tracker's fd for
 * ever) leaves the tracker to the plain drain.
 */
export function trackerStillReporting(events: readonly ProbeEvent[]): boolean {
  const done = accountedPids(events);
  const trackers = new Set<number>();
  const exempt = new Set<number>();
  for (const e of events) {
    if (e.ev !== 'start') continue;
    if (e.kind === 'resource-tracker') trackers.add(e.pid);
    else if (e.kind === 'main' || e.kind === 'forkserver') exempt.add(e.pid);
  }
  if (![...trackers].some((t) => !done.has(t))) return false;
  for (const pid of recordedPids(events)) if (!trackers.has(pid) && !exempt.has(pid) && !done.has(pid)) return false;
  return true;
}

/** Waits for `done` or `ms`, whichever first: true when `done` came first. */
export function atMost(done: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void done.then(() => { clearTimeout(timer); resolve(true); });
  });
}

/**
 * After the main process exited: waits up to DRAIN_MS for the pipes to close, and, while a tracker
 * is still reporting (`events()` re-read at each poll), up to TRACKER_DRAIN_MS more. True when the
 * pipes closed (nobody else holds them).
 */
export async function drainLeftovers(pipesEnded: Promise<unknown>, events: () => readonly ProbeEvent[]): Promise<boolean> {
  if (await atMost(pipesEnded, DRAIN_MS)) return true;
  const deadline = Date.now() + TRACKER_DRAIN_MS;
  while (Date.now() < deadline && trackerStillReporting(events())) {
    if (await atMost(pipesEnded, TRACKER_POLL_MS)) return true;
  }
  // it said it is leaving (its report is written): its exit closes the pipes soon after
  return atMost(pipesEnded, DRAIN_MS);
}
