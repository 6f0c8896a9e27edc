import type { ProbeEvent } from '../../contracts/events.js';
import { HANG_CONFIRM_MS, type PoolHangDetector } from '../hang.js';
import { QUIESCENCE_SAMPLE_MS } from './constants.js';
import { samplingCost, type QuiescenceWatch } from './quiescence.js';
import { hangEnd, type Termination } from './termination.js';

/** Undoes a trigger once the main process exited. */
export type Disarm = () => void;

/** Wall-clock limit: no exit within `timeoutMs` is a hang (`hangBy: 'timeout'`). */
export function onTimeout(t: Termination, timeoutMs: number, started: number): Disarm {
  const timer = setTimeout(() => t.stop({ by: 'hang', end: hangEnd('timeout', 'timeout', `no exit within ${timeoutMs} ms`, Date.now() - started) }), timeoutMs);
  return () => clearTimeout(timer);
}

/** The caller's AbortSignal: the tree is killed at once (no stacks) and the run is cancelled. */
export function onCancel(t: Termination, signal: AbortSignal | undefined): Disarm {
  if (signal === undefined) return () => undefined;
  const abort = (): void => void t.stop({ by: 'cancel' });
  signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

/**
 * A known hang pattern in the probe's events (a pool's respawn loop, a pool worker that died with
 * its task). It is a hang only if the tree is still running HANG_CONFIRM_MS later: a slow main (a
 * loaded machine) may be about to raise while its doomed pool workers are being replaced.
 */
export function onPattern(t: Termination, detector: PoolHangDetector, started: number): { readonly feed: (e: ProbeEvent) => void; readonly disarm: Disarm } {
  let confirm: NodeJS.Timeout | undefined;
  const feed = (e: ProbeEvent): void => {
    detector.feed(e);
    const found = detector.found;
    if (found === null || confirm !== undefined) return;
    confirm = setTimeout(() => t.stop({ by: 'hang', end: hangEnd('pattern', found.id, found.reason, Date.now() - started) }), HANG_CONFIRM_MS);
  };
  return { feed, disarm: () => clearTimeout(confirm) };
}

/** The whole tree quiescent for its window (sampled every QUIESCENCE_SAMPLE_MS): a deadlock. */
export function onQuiescence(t: Termination, watch: QuiescenceWatch, started: number): Disarm {
  const armed = Date.now();
  let disarmed = false;
  const timer = setInterval(() => {
    const now = Date.now();
    const q = watch.sample(now);
    if (q === null) return;
    clearInterval(timer);
    const waits = !q.timed ? 'every thread in a wait without a timeout' : q.polling ? 'the threads with a timeout polling without effect' : 'some threads in waits with a timeout';
    t.stop({
      by: 'hang',
      end: hangEnd('quiescence', 'quiescence', `all ${q.processes} processes of the tree blocked for ${q.quietMs} ms (${waits}): no CPU time, output, probe event or process started or ended`, now - started),
    });
  }, QUIESCENCE_SAMPLE_MS);
  return () => {
    clearInterval(timer);
    if (!disarmed) samplingCost.watchedMs += Date.now() - armed;
    disarmed = true;
  };
}

/** What may end a run early. */
export interface Triggers {
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** When the run started (for `afterMs`). */
  readonly started: number;
  /** Known hang patterns in the probe's events (null: not watched). */
  readonly pattern: PoolHangDetector | null;
  /** The tree's quiescence (null: not watched). */
  readonly quiescence: QuiescenceWatch | null;
}

/** Arms every trigger; `feed` takes the probe's events, `disarm` undoes them all once the main process exited. */
export function armTriggers(t: Termination, on: Triggers): { readonly feed: (e: ProbeEvent) => void; readonly disarm: Disarm } {
  const disarms: Disarm[] = [onTimeout(t, on.timeoutMs, on.started), onCancel(t, on.signal)];
  let feed: (e: ProbeEvent) => void = () => undefined;
  if (on.pattern !== null) {
    const p = onPattern(t, on.pattern, on.started);
    feed = p.feed;
    disarms.push(p.disarm);
  }
  if (on.quiescence !== null) disarms.push(onQuiescence(t, on.quiescence, on.started));
  return { feed, disarm: () => { for (const d of disarms) d(); } };
}
