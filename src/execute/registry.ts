import { killGroup, killTokenProcesses } from './kill.js';

// Trees still running, so that leaving Node (normal exit, uncaught error, process.exit from a
// signal handler) still kills them: 'exit' handlers must be synchronous, and these calls are.
const active = new Map<number, string>();
let installed = false;

function killAll(): void {
  for (const [pgid, token] of active) {
    killGroup(pgid, 'SIGKILL');
    killTokenProcesses(token);
  }
  active.clear();
}

/** Registers a running tree (process group id + run token). */
export function trackGroup(pgid: number, token: string): void {
  active.set(pgid, token);
  if (!installed) {
    installed = true;
    process.once('exit', killAll);
  }
}

/** Forgets a tree that has been cleaned up. */
export function untrackGroup(pgid: number): void {
  active.delete(pgid);
}

/** Kills every tree still running (for a CLI's SIGINT handler). */
export function killAllRunning(): void {
  killAll();
}
