import type { RunEnd } from '../../model/observation.js';
import type { HangBy } from '../../model/hang.js';
import type { ProbeEvent } from '../../contracts/events.js';
import { killGroup, killTokenProcesses } from '../kill.js';
import { collectStacks, pythonPids, type RawStack, type TreeProcess } from './stacks.js';

/** A hang as the run's end records it. */
export type HangEnd = Extract<RunEnd, { kind: 'hang' }>;

/** Why a run stopped before its main process exited by itself. */
export type StopCause =
  | { readonly by: 'hang'; readonly end: HangEnd }
  | { readonly by: 'cancel' };

/** The tree a termination ends. */
export interface Tree {
  /** The main process, leader of the tree's process group. */
  readonly pid: number;
  readonly token: string;
  /** The run directory (the stacks files are written there). */
  readonly workDir: string;
  readonly graceMs: number;
  /** Ask a hung tree's Python processes for their stacks before killing it. */
  readonly stacks: boolean;
  /** Host pids of processes named by their tree pids (the tree may have a pid namespace of its own); the unknown are left out. */
  readonly resolve: (treePids: readonly number[]) => TreeProcess[];
  /** The probe's events so far (read up to date with `drain()`). */
  readonly events: { drain(): void; readonly events: readonly ProbeEvent[] };
}

/** Builds the hang end of a trigger (how, what, why, when). */
export function hangEnd(how: HangEnd['how'], hangBy: HangBy, reason: string, afterMs: number): HangEnd {
  return { kind: 'hang', how, hangBy, reason, afterMs };
}

/**
 * The end of one run as a small state machine: `running` until a trigger stops it (a hang or a
 * cancel: the first one wins and is recorded once, with the events seen up to that instant), then
 * `stopping` (a hung tree is asked for its stacks, then SIGTERM, then SIGKILL after the grace)
 * until the main process exits. A main process that exits by itself while `running` ends the run
 * as it exited.
 */
export class Termination {
  #cause: StopCause | null = null;
  #eventCount = 0;
  #grace: NodeJS.Timeout | undefined;
  #stacks: Promise<readonly RawStack[]> = Promise.resolve([]);

  constructor(private readonly tree: Tree) {}

  /** Why the run was stopped, or null while it was not. */
  get cause(): StopCause | null {
    return this.#cause;
  }

  /** Records why the run stops and ends the tree; false (and nothing done) when it already stopped. */
  stop(cause: StopCause): boolean {
    if (this.#cause !== null) return false;
    this.tree.events.drain();
    this.#cause = cause;
    // events after this instant (dying processes) are not part of the observation
    this.#eventCount = this.tree.events.events.length;
    if (cause.by === 'hang' && this.tree.stacks) {
      const { workDir, token } = this.tree;
      this.#stacks = collectStacks(workDir, this.tree.resolve(pythonPids(this.tree.events.events)), token)
        .catch(() => [] as RawStack[])
        .finally(() => this.#kill());
    } else {
      this.#kill();
    }
    return true;
  }

  #kill(): void {
    const { pid, token, graceMs } = this.tree;
    killGroup(pid, 'SIGTERM');
    this.#grace = setTimeout(() => {
      killGroup(pid, 'SIGKILL');
      killTokenProcesses(token);
    }, graceMs);
  }

  /**
   * After the main process exited: the run's end (the recorded cause, else the exit itself), the
   * events that belong to the observation and the stacks of a hung tree.
   */
  async settle(exit: { readonly code: number | null; readonly signal: NodeJS.Signals | null }, events: readonly ProbeEvent[]): Promise<{ end: RunEnd; events: readonly ProbeEvent[]; stacks: readonly RawStack[] }> {
    const stacks = await this.#stacks;
    clearTimeout(this.#grace);
    const cause = this.#cause;
    if (cause?.by === 'hang') return { end: cause.end, events: events.slice(0, this.#eventCount), stacks };
    const end: RunEnd = exit.signal !== null ? { kind: 'signaled', signal: exit.signal } : { kind: 'exited', code: exit.code ?? -1 };
    return { end, events: cause === null ? events : events.slice(0, this.#eventCount), stacks };
  }
}
