import type { HangBy, ProcessStack } from './hang.js';
import type { Outcome } from '../outcome/outcome.js';
import type { ProcessLabel } from '../contracts/labels.js';

/**
 * The role a process played in the tree, as the probe saw it.
 *
 * @public
 */
export type Role = 'main' | 'child' | 'grandchild' | 'pool-worker' | 'forkserver' | 'manager' | 'resource-tracker' | 'other';

/**
 * An exception as a process recorded it (message kept for humans; matching uses type + stable substrings).
 *
 * @public
 */
export interface ExceptionInfo {
  readonly type: string;
  readonly message: string;
  readonly errno: number | null;
  /** Base class names, nearest first (a library's subclass classifies as its base). */
  readonly bases?: readonly string[];
}

/**
 * One process of the observed tree.
 *
 * @public
 */
export interface ProcessObservation {
  /** The scenario label when the process can be mapped to one (null for arbitrary programs' extra processes). */
  readonly label: ProcessLabel | null;
  readonly role: Role;
  readonly name: string | null;
  readonly pid: number;
  readonly ppid: number;
  /** `multiprocessing.get_start_method(allow_none=True)` as seen in the process, when recorded. */
  readonly startMethod: string | null;
  readonly outcome: Outcome;
  /**
   * Warnings the process issued, as stable ids (`fork-multithreaded`: gh-100228's DeprecationWarning from os.fork
   * in a multi-threaded process, 3.12+), whether or not its warning filters displayed them. Absent: not recorded.
   */
  readonly warnings?: readonly string[];
  /** The exit code its parent saw (`Process.exitcode`: negative is a signal), or the OS exit status for the main process. */
  readonly exitcode: number | null;
  readonly exception: ExceptionInfo | null;
}

/**
 * Captured output: head and tail kept, the middle counted.
 *
 * @public
 */
export interface CapturedText {
  readonly head: string;
  readonly tail: string;
  readonly omittedBytes: number;
  readonly totalBytes: number;
}

/**
 * How the run of the whole tree ended.
 *
 * @public
 */
export type RunEnd =
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'signaled'; readonly signal: string }
  | {
    readonly kind: 'hang';
    /** By the wall-clock limit, a known pattern, or the whole tree quiescent. */
    readonly how: 'timeout' | 'pattern' | 'quiescence';
    /** The pattern or rule that recognised it (absent in reports written before it was recorded). */
    readonly hangBy?: HangBy;
    readonly reason: string;
    readonly afterMs: number;
  };

/**
 * What happened when a program ran: one outcome per process, plus notes the program printed.
 *
 * @public
 */
export interface Observation {
  readonly end: RunEnd;
  readonly processes: readonly ProcessObservation[];
  /** `@note KEY VALUE` lines printed by the program (last value wins). */
  readonly notes: Readonly<Record<string, string>>;
  readonly stdout: CapturedText;
  readonly stderr: CapturedText;
  readonly durationMs: number;
  /** For a hang: every Python process's stacks, taken just before the tree was ended. */
  readonly stacks?: readonly ProcessStack[];
  /** Resources the tree leaked (src/observe/leaks.ts); absent in observations made before leaks were recorded. */
  readonly leaks?: readonly Leak[];
  /**
   * How the tree was contained: `namespaces` (its own pid + mount namespaces, private /dev/shm) or
   * `tracking` (process group, run token and the probe's records); absent in older observations.
   */
  readonly sandbox?: 'namespaces' | 'tracking';
}

/**
 * A resource the tree leaked, as the resource tracker reported it or as /dev/shm showed it
 * afterwards (src/observe/leaks.ts).
 *
 * @public
 */
export interface Leak {
  /**
   * `tracker-warning`: the tracker's "There appear to be N leaked … objects to clean up at shutdown";
   * `tracker-error`: a traceback or unlink failure the tracker printed (`KeyError` on an unregister
   * of a name it never had, an unlink that failed); `left-in-dev-shm`: an entry the tree created
   * and nobody unlinked (its tracker did not run, or was killed with the tree).
   */
  readonly kind: 'tracker-warning' | 'tracker-error' | 'left-in-dev-shm';
  /** `semaphore`, `shared_memory`, or what the tracker named (`folder`, …); null when unsaid. */
  readonly resource: string | null;
  /** How many, when the tracker counted them. */
  readonly count: number | null;
  /** The name (`/psm_…`, `/mp-…`) when known. */
  readonly name: string | null;
  /**
   * The process it is attributed to (label or role): the one that created the name (for a tracker
   * warning: the one process that registered such names and was killed or hung), else the
   * tracker; null when unknown.
   */
  readonly process: string | null;
  /** The tracker's own words (or the /dev/shm path), one line. */
  readonly text: string;
}
