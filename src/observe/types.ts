import type { Outcome } from '../outcome/outcome.js';
import type { ProcessLabel } from '../scenario/types.js';

/** The role a process played in the tree, as the probe saw it. */
export type Role = 'main' | 'child' | 'grandchild' | 'pool-worker' | 'forkserver' | 'manager' | 'resource-tracker' | 'other';

/** An exception as a process recorded it (message kept for humans; matching uses type + stable substrings). */
export interface ExceptionInfo {
  readonly type: string;
  readonly message: string;
  readonly errno: number | null;
  /** Base class names, nearest first (a library's subclass classifies as its base). */
  readonly bases?: readonly string[];
}

/** One process of the observed tree. */
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
  /** The exit code its parent saw (`Process.exitcode`: negative is a signal), or the OS exit status for the main process. */
  readonly exitcode: number | null;
  readonly exception: ExceptionInfo | null;
}

/** Captured output: head and tail kept, the middle counted. */
export interface CapturedText {
  readonly head: string;
  readonly tail: string;
  readonly omittedBytes: number;
  readonly totalBytes: number;
}

/** How the run of the whole tree ended. */
export type RunEnd =
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'signaled'; readonly signal: string }
  | { readonly kind: 'hang'; readonly how: 'timeout' | 'pattern'; readonly reason: string; readonly afterMs: number };

/** What happened when a program ran: one outcome per process, plus notes the program printed. */
export interface Observation {
  readonly end: RunEnd;
  readonly processes: readonly ProcessObservation[];
  /** `@note KEY VALUE` lines printed by the program (last value wins). */
  readonly notes: Readonly<Record<string, string>>;
  readonly stdout: CapturedText;
  readonly stderr: CapturedText;
  readonly durationMs: number;
}
