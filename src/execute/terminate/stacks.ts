import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeEvent } from '../../contracts/events.js';
import { carriesToken } from '../kill.js';
import { STACKS_POLL_MS, STACKS_WAIT_MS } from './constants.js';

/**
 * The signal the probe registers `faulthandler` on (sitecustomize.py, `_STACKS_SIGNAL`): SIGRTMAX-2
 * on Linux (64 - 2). Not SIGUSR1/SIGUSR2: billiard's pool workers install handlers for both (soft
 * time limits, `reset_signals`), which would replace the dump handler and make the request a
 * shutdown. No library under test, nor multiprocessing, touches real-time signals.
 */
export const STACKS_SIGNAL = 62;

/** The file a process's faulthandler writes its stacks to (named by the probe from its pid). */
export function stacksFile(workDir: string, pid: number): string {
  return join(workDir, `.mpconform-stacks-${pid}`);
}

/** One process's stacks as faulthandler wrote them. */
export interface RawStack {
  readonly pid: number;
  readonly text: string;
}

/**
 * The Python processes of a tree that run the probe (so have the dump handler): interpreters it
 * started, Process children, and plain os.fork() children (they inherit the handler).
 */
export function pythonPids(events: readonly ProbeEvent[]): number[] {
  const out = new Set<number>();
  for (const e of events) {
    if (e.ev === 'start' || e.ev === 'bootstrap') out.add(e.pid);
    else if (e.ev === 'spawned' && e.how === 'fork') out.add(e.child);
  }
  return [...out];
}

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

/** A process as the tree's own events name it (`treePid`: its pid in the tree's pid namespace) and as this process signals it. */
export interface TreeProcess {
  readonly treePid: number;
  readonly hostPid: number;
}

/**
 * Asks every given process still carrying the run token for its stacks (STACKS_SIGNAL), waits
 * until each has written and its file stopped growing (at most STACKS_WAIT_MS), and returns what
 * they wrote, by tree pid (the probe names the file after `os.getpid()`). A process without the
 * handler would die of the signal: only probe-recorded Python processes are asked, just before
 * the tree is killed anyway.
 */
export async function collectStacks(workDir: string, procs: readonly TreeProcess[], token: string): Promise<RawStack[]> {
  const asked: number[] = [];
  for (const { treePid, hostPid } of procs) {
    if (!carriesToken(hostPid, token)) continue;
    try {
      process.kill(hostPid, STACKS_SIGNAL);
      asked.push(treePid);
    } catch {
      // gone meanwhile
    }
  }
  const deadline = Date.now() + STACKS_WAIT_MS;
  let last = asked.map(() => -1);
  for (;;) {
    await new Promise((r) => setTimeout(r, STACKS_POLL_MS));
    const now = asked.map((pid) => size(stacksFile(workDir, pid)));
    const settled = now.every((n, i) => n > 0 && n === last[i]);
    last = now;
    if (settled || Date.now() >= deadline) break;
  }
  const out: RawStack[] = [];
  for (const pid of asked) {
    try {
      const text = readFileSync(stacksFile(workDir, pid), 'utf8');
      if (text.trim() !== '') out.push({ pid, text });
    } catch {
      // never written
    }
  }
  return out;
}
