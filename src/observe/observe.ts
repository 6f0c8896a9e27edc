import { observeLeaks } from './leaks.js';
import { constants } from 'node:os';
import type { RawRun } from '../execute/types.js';
import { signalOutcome } from '../outcome/signals.js';
import { classifyWarning } from './classify.js';
import type { Outcome } from '../outcome/outcome.js';
import { classifyException } from './classify.js';
import { labelOf, roleOf } from './roles.js';
import { processStacks } from './stacks.js';
import { parseTracebacks } from './tracebacks.js';
import { collectProcesses, type ProcessRecord } from './tree.js';
import type { ExceptionInfo, Observation, ProcessObservation, Role } from '../model/observation.js';

const SIGTERM = 15;

// A non-zero exit with no exception recorded: sys.exit(n) / os._exit(n) (the vocabulary has no exit:N).
function exitOutcome(code: number | null): Outcome {
  return code === null || code === 0 ? 'ok' : 'exception:SystemExit';
}

function mainOutcome(raw: RawRun, exception: ExceptionInfo | null): Outcome {
  if (exception !== null) return classifyException(exception);
  if (raw.end.kind === 'hang') return 'hang';
  if (raw.mainExit.signal !== null) return `signal:${raw.mainExit.signal}`;
  return exitOutcome(raw.mainExit.code);
}

function childOutcome(raw: RawRun, r: ProcessRecord, role: Role, exception: ExceptionInfo | null): Outcome {
  if (exception !== null) return classifyException(exception);
  const seen = r.parentSeenCode;
  // A pool terminates its workers with SIGTERM when it is closed: that is not the worker's failure.
  if (seen !== null && seen < 0) return role === 'pool-worker' && seen === -SIGTERM ? 'ok' : signalOutcome(-seen);
  if (raw.end.kind === 'hang' && seen === null && r.selfCode === null && !r.exited) return 'hang';
  return exitOutcome(seen ?? r.selfCode);
}

/** The main process's exit status in Python's convention (negative: killed by that signal). */
function mainExitcode(raw: RawRun): number | null {
  if (raw.mainExit.signal !== null) {
    const signo = (constants.signals as Record<string, number | undefined>)[raw.mainExit.signal];
    return signo === undefined ? null : -signo;
  }
  return raw.mainExit.code;
}

/**
 * Classifies a run: one ProcessObservation per process the probe saw (the main program first, the
 * rest in order of appearance), each with its label and outcome (SEMANTICS.md), plus the notes.
 */
export function observe(raw: RawRun): Observation {
  const records = collectProcesses(raw.events);
  const processes: ProcessObservation[] = [];
  const mainPid = raw.mainPid;
  if (mainPid !== null && !records.has(mainPid)) {
    records.set(mainPid, { pid: mainPid, ppid: null, starter: null, kind: 'main', name: null, target: null, method: null, exceptions: [], warnings: [], parentSeenCode: null, selfCode: null, exited: false });
  }
  const ordered = [...records.values()].sort((a, b) => Number(b.pid === mainPid) - Number(a.pid === mainPid));
  for (const r of ordered) {
    const role = roleOf(r, mainPid, records);
    let exception = r.exceptions[0] ?? null;
    if (role === 'main' && exception === null && raw.end.kind === 'exited' && raw.end.code !== 0) {
      // fallback when the probe recorded nothing (e.g. it did not load): the last traceback on stderr
      exception = parseTracebacks(raw.stderr.head + raw.stderr.tail).pop() ?? null;
    }
    processes.push({
      label: labelOf(role, r.name),
      role,
      name: r.name,
      pid: r.pid,
      ppid: r.ppid ?? 0,
      startMethod: r.method,
      outcome: role === 'main' ? mainOutcome(raw, exception) : childOutcome(raw, r, role, exception),
      exitcode: role === 'main' ? mainExitcode(raw) : (r.parentSeenCode ?? r.selfCode),
      exception,
      warnings: [...new Set(r.warnings.map(classifyWarning))].sort(),
    });
  }
  const leaks = observeLeaks(raw.stderr.head + raw.stderr.tail, raw.ipcLeftovers ?? [], raw.events, processes);
  const observation: Observation = { end: raw.end, processes, notes: raw.notes, stdout: raw.stdout, stderr: raw.stderr, durationMs: raw.durationMs, leaks, ...(raw.sandbox !== undefined ? { sandbox: raw.sandbox } : {}) };
  if (raw.stacks === undefined || raw.stacks.length === 0) return observation;
  // a process without a scenario label (resource tracker, forkserver) is named by its role
  const byPid = new Map(processes.map((p) => [p.pid, p.label ?? p.role]));
  const order = new Map(processes.map((p, i) => [p.pid, i]));
  const raws = [...raw.stacks].sort((a, b) => (order.get(a.pid) ?? Infinity) - (order.get(b.pid) ?? Infinity));
  return { ...observation, stacks: processStacks(raws, (pid) => byPid.get(pid) ?? null) };
}
