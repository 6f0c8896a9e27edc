import type { CapturedText, RunEnd } from '../model/observation.js';
import type { ProbeEvent } from '../contracts/events.js';
import type { IpcLeftover } from './ipc.js';
import type { RawStack } from './terminate/stacks.js';

/** How the run ended, as execute saw it (the same union the Observation carries). */
export type RawEnd = RunEnd;

/** Everything one run produced, before classification (src/observe turns it into an Observation). */
export interface RawRun {
  /** Pid of the main program (the process group id); null if it never started. */
  readonly mainPid: number | null;
  readonly end: RawEnd;
  /** Probe events in file order; when the tree was killed, only those written before the kill. */
  readonly events: readonly ProbeEvent[];
  readonly stdout: CapturedText;
  readonly stderr: CapturedText;
  /** `@note KEY VALUE` lines from stdout (last value wins). */
  readonly notes: Readonly<Record<string, string>>;
  readonly durationMs: number;
  /** The run token every process of the tree carried (MPCONFORM_RUN_TOKEN). */
  readonly token: string;
  /** The temporary directory the program ran in (already removed). */
  readonly workDir: string;
  /** The main process's own exit as the OS reported it (after a kill: the kill). */
  readonly mainExit: { readonly code: number | null; readonly signal: string | null };
  /**
   * Named semaphores / shared memory segments the tree created and left in /dev/shm (its resource
   * tracker died with it), which execute then unlinked. Empty after a clean run.
   */
  readonly ipcLeftovers: readonly IpcLeftover[];
  /** How the tree was contained: its own pid + mount namespaces, or tracking (src/execute/sandbox/). */
  readonly sandbox?: 'namespaces' | 'tracking';
  /** A hung tree's Python processes' stacks, as faulthandler wrote them (absent: none were taken). */
  readonly stacks?: readonly RawStack[];
}
