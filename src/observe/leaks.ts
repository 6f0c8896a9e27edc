/**
 * Leaks as part of the observation: what the resource tracker said on the shared stderr (its
 * "There appear to be N leaked <type> objects to clean up at shutdown" UserWarning, the tracebacks
 * and unlink failures it printed) and the /dev/shm entries the tree left (found by the names the
 * probe recorded, src/execute/ipc.ts), each attributed to a process where the records allow.
 */
import type { ProbeEvent } from '../contracts/events.js';
import type { IpcLeftover } from '../execute/ipc.js';
import type { Leak, ProcessObservation } from '../model/observation.js';

// Lib/multiprocessing/resource_tracker.py main(): warnings.warn('resource_tracker: There appear to be %d leaked %s objects to clean up at shutdown' % (len(rtype_cache), rtype)) (3.8+; semaphore_tracker.py in 3.7 says "leaked semaphores")
const WARNING = /(?:resource|semaphore)_tracker: There appear to be (\d+) leaked (?:(\w+) objects|(semaphores?))(?: to clean up at shutdown)?/;
// resource_tracker.py main(): warnings.warn('resource_tracker: %r: %s' % (name, e)) when an unlink at shutdown fails
const UNLINK_FAILED = /(?:resource|semaphore)_tracker: '([^']+)': (.+)$/;
// a traceback out of the tracker's main loop (e.g. `cache[rtype].remove(name)` → KeyError: '/psm_…')
const TRACKER_FRAME = /File "[^"]*(?:resource|semaphore)_tracker\.py", line \d+, in main/;
const EXCEPTION_LINE = /^(\w+(?:Error|Exception)): ?(.*)$/;

function oneLine(s: string): string {
  return s.trim().replace(/\s+/g, ' ').slice(0, 300);
}

/** The tracker's process name in this observation (its label, else its role). */
function trackerName(processes: readonly ProcessObservation[]): string | null {
  const t = processes.find((p) => p.role === 'resource-tracker');
  return t === undefined ? null : (t.label ?? t.role);
}

/**
 * The process a tracker warning's leak is attributed to: the one process that recorded a name of
 * that kind and did not end by itself (killed by a signal, or hung) — its registrations are what
 * the tracker found at EOF; otherwise the tracker itself (the warning names no name).
 */
function suspect(resource: string, events: readonly ProbeEvent[], processes: readonly ProcessObservation[], tracker: string | null): string | null {
  const pids = new Set(events.flatMap((e) => (e.ev === 'ipc' && e.kind === resource ? [e.pid] : [])));
  const unclean = processes.filter((p) => pids.has(p.pid) && (p.outcome.startsWith('signal:') || p.outcome === 'hang'));
  return unclean.length === 1 ? (unclean[0]!.label ?? unclean[0]!.role) : tracker;
}

/** What the stderr text shows of the tracker's leak reports. */
export function trackerLeaks(stderr: string, processes: readonly ProcessObservation[] = [], events: readonly ProbeEvent[] = []): Leak[] {
  const tracker = trackerName(processes);
  const out: Leak[] = [];
  const lines = stderr.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const w = WARNING.exec(line);
    if (w !== null) {
      const resource = w[2] ?? 'semaphore';
      out.push({ kind: 'tracker-warning', resource, count: Number(w[1]), name: null, process: suspect(resource === 'semaphores' ? 'semaphore' : resource, events, processes, tracker), text: oneLine(line.slice(line.indexOf(w[0]))) });
      continue;
    }
    const u = UNLINK_FAILED.exec(line);
    if (u !== null && !line.includes('There appear to be')) {
      out.push({ kind: 'tracker-error', resource: null, count: null, name: u[1]!, process: tracker, text: oneLine(line.slice(line.indexOf(u[0]))) });
      continue;
    }
    if (TRACKER_FRAME.test(line)) {
      // the exception line closes the traceback: the first unindented `XxxError: …` after the frame
      for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
        const e = EXCEPTION_LINE.exec(lines[j]!);
        if (e === null) continue;
        const name = /^'(\/[^']+)'$/.exec(e[2]!.trim())?.[1] ?? null;
        out.push({ kind: 'tracker-error', resource: null, count: null, name, process: tracker, text: oneLine(`resource_tracker main: ${lines[j]!}`) });
        i = j;
        break;
      }
    }
  }
  return out;
}

/** The /dev/shm entries the tree left, each attributed to the process that recorded its name. */
export function shmLeaks(leftovers: readonly IpcLeftover[], events: readonly ProbeEvent[], processes: readonly ProcessObservation[]): Leak[] {
  const creator = new Map<string, number>();
  for (const e of events) if (e.ev === 'ipc' && !creator.has(`${e.kind}\0${e.name}`)) creator.set(`${e.kind}\0${e.name}`, e.pid);
  return leftovers.map((l) => {
    const pid = creator.get(`${l.kind}\0${l.name}`);
    const p = pid === undefined ? undefined : processes.find((x) => x.pid === pid);
    return { kind: 'left-in-dev-shm', resource: l.kind, count: 1, name: l.name, process: p === undefined ? null : (p.label ?? p.role), text: `${l.path} left behind${l.removed ? ' (removed by mpconform after the run)' : ''}` };
  });
}

/** Every leak of one run. */
export function observeLeaks(stderr: string, leftovers: readonly IpcLeftover[], events: readonly ProbeEvent[], processes: readonly ProcessObservation[]): Leak[] {
  return [...trackerLeaks(stderr, processes, events), ...shmLeaks(leftovers, events, processes)];
}

/** One line per leak, for repro headers and terminals. */
export function formatLeaks(leaks: readonly Leak[]): string[] {
  return leaks.map((l) => `${l.process ?? '?'}: ${l.text}`);
}
