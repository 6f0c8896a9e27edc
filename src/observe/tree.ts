import type { ProbeEvent, StartKind } from '../contracts/events.js';
import type { ExceptionInfo } from '../model/observation.js';

/** Everything the events say about one pid (built by `collectProcesses`). */
export interface ProcessRecord {
  readonly pid: number;
  /** OS parent as the process saw it (forkserver children: the forkserver). */
  ppid: number | null;
  /** The process whose `Process.start()` created it, when one did. */
  starter: number | null;
  kind: StartKind | null;
  name: string | null;
  target: string | null;
  method: string | null;
  readonly exceptions: ExceptionInfo[];
  /** Warnings it recorded (`warning` events), as category and message. */
  readonly warnings: { readonly category: string; readonly message: string }[];
  /** The exit code its parent saw (`Process.exitcode`). */
  parentSeenCode: number | null;
  /** The code `_bootstrap` returned in the process itself. */
  selfCode: number | null;
  /** It recorded an exit (bootstrap return or atexit). */
  exited: boolean;
}

function record(map: Map<number, ProcessRecord>, pid: number): ProcessRecord {
  let r = map.get(pid);
  if (r === undefined) {
    r = { pid, ppid: null, starter: null, kind: null, name: null, target: null, method: null, exceptions: [], warnings: [], parentSeenCode: null, selfCode: null, exited: false };
    map.set(pid, r);
  }
  return r;
}

/** Folds probe events into one record per pid, in order of first appearance. */
export function collectProcesses(events: readonly ProbeEvent[]): Map<number, ProcessRecord> {
  const map = new Map<number, ProcessRecord>();
  for (const e of events) {
    switch (e.ev) {
      case 'start': {
        const r = record(map, e.pid);
        r.kind = e.kind;
        r.ppid = e.ppid;
        break;
      }
      case 'bootstrap': {
        const r = record(map, e.pid);
        r.ppid = e.ppid;
        r.name = e.name ?? r.name;
        r.target = e.target ?? r.target;
        r.method = e.method ?? r.method;
        break;
      }
      case 'started': {
        record(map, e.pid);
        if (e.child === null) break;
        const r = record(map, e.child);
        r.starter = e.pid;
        r.name = r.name ?? e.name;
        r.target = r.target ?? e.target;
        r.method = r.method ?? e.method;
        if (r.ppid === null) r.ppid = e.pid;
        break;
      }
      case 'exception':
        record(map, e.pid).exceptions.push({ type: e.type, message: e.message, errno: e.errno, ...(e.bases ? { bases: e.bases } : {}) });
        break;
      case 'exitcode': {
        const r = record(map, e.child);
        r.parentSeenCode = e.code;
        r.name = r.name ?? e.name;
        break;
      }
      case 'exit': {
        const r = record(map, e.pid);
        r.exited = true;
        // a Process's own exit code, or a tracker's sys.exit status (its parent may be gone: nobody reaps it for us)
        if (e.code !== null && (e.how === 'bootstrap' || r.selfCode === null)) r.selfCode = e.code;
        break;
      }
      case 'start-failed':
        record(map, e.pid);
        break;
      case 'warning':
        record(map, e.pid).warnings.push({ category: e.category, message: e.message });
        break;
    }
  }
  return map;
}
