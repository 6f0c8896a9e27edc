import { isManager, isPoolWorker } from '../probe/roles.js';
import { NAMED_LABEL, type ProcessLabel } from '../contracts/labels.js';
import type { ProcessRecord } from './tree.js';
import type { Role } from '../model/observation.js';

/** The role a process played (see SEMANTICS.md, "Process labels"). */
export function roleOf(r: ProcessRecord, mainPid: number | null, all: ReadonlyMap<number, ProcessRecord>): Role {
  if (r.pid === mainPid) return 'main';
  if (r.kind === 'forkserver') return 'forkserver';
  if (r.kind === 'resource-tracker') return 'resource-tracker';
  if (isManager(r.name, r.target)) return 'manager';
  if (isPoolWorker(r.name, r.target)) return 'pool-worker';
  if (r.starter !== null || r.name !== null) {
    const starter = r.starter ?? r.ppid;
    if (starter === mainPid) return 'child';
    return starter !== null && all.has(starter) ? 'grandchild' : 'child';
  }
  return 'other';
}

const NAMED = NAMED_LABEL;

/** The scenario label: `main`, `wN`/`wN.g` by process name, `pool`, `forkserver`, `manager`, `resource-tracker`, else null. */
export function labelOf(role: Role, name: string | null): ProcessLabel | null {
  switch (role) {
    case 'main':
      return 'main';
    case 'pool-worker':
      return 'pool';
    case 'forkserver':
      return 'forkserver';
    case 'manager':
      return 'manager';
    case 'resource-tracker':
      return 'resource-tracker';
    case 'child':
    case 'grandchild':
    case 'other':
      return name !== null && NAMED.test(name) ? (name as ProcessLabel) : null;
  }
}
