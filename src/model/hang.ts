/**
 * How a hang was recognised, and where each process of a hung tree was waiting.
 */

/**
 * A known hang pattern of a pool (src/execute/hang.ts).
 *
 * @public
 */
export type HangPatternId = 'pool-respawn-loop' | 'pool-lost-task';

/**
 * What recognised a hang: the whole tree quiescent (every process blocked, nothing moving), a
 * known pattern, or the wall-clock limit.
 *
 * @public
 */
export type HangBy = 'quiescence' | HangPatternId | 'timeout';

/**
 * One frame of a Python stack, as faulthandler prints it.
 *
 * @public
 */
export interface StackFrame {
  readonly file: string;
  readonly line: number;
  readonly func: string;
}

/**
 * One thread's stack, innermost frame first.
 *
 * @public
 */
export interface ThreadStack {
  /** The thread id as faulthandler printed it (hex). */
  readonly id: string;
  /** The thread that ran the dump handler. */
  readonly current: boolean;
  readonly frames: readonly StackFrame[];
}

/**
 * A process's stacks taken just before its hung tree was ended.
 *
 * @public
 */
export interface ProcessStack {
  readonly pid: number;
  /** The process's scenario label (as in `processes`), when it has one. */
  readonly label: string | null;
  /** Threads in the order faulthandler printed them (the main thread last). */
  readonly threads: readonly ThreadStack[];
  /**
   * One line per thread, main thread first: the innermost frame outside the waiting primitives
   * (queue, lock, connection), then the primitive it waits in, e.g.
   * "billiard/pool.py line 660 in `_terminate_pool`, waiting in threading.py line 1119 in `_wait_for_tstate_lock`".
   */
  readonly where: readonly string[];
}
