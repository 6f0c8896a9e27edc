import type { InterpreterFacts } from '../../src/model/facts.js';
import type { Observation, ProcessObservation } from '../../src/model/observation.js';
import type { Expectation } from '../../src/model/expectation.js';
import type { CaseResult, RunReport } from '../../src/model/report.js';
import type { Scenario } from '../../src/scenario/types.js';
import type { Verdict } from '../../src/model/verdict.js';
import { computeTotals } from '../../src/report/totals.js';

export const PY311 = '/root/.pyenv/versions/3.11.4/bin/python3.11';
export const PY312 = '/root/.pyenv/versions/3.12.7/bin/python3.12';
export const PYPY = '/usr/bin/pypy3';

function facts(path: string, implementation: 'cpython' | 'pypy', v: [number, number, number]): InterpreterFacts {
  return {
    path, executable: path, implementation, version: v.join('.'), versionInfo: v, platform: 'linux',
    startMethods: ['fork', 'spawn', 'forkserver'], defaultMethod: 'fork',
    targets: { multiprocessing: v.join('.'), 'concurrent.futures': v.join('.'), billiard: null }, source: path.includes('pyenv') ? 'pyenv' : 'path',
  };
}
export const INTERPRETERS = [facts(PY311, 'cpython', [3, 11, 4]), facts(PY312, 'cpython', [3, 12, 7]), facts(PYPY, 'pypy', [3, 9, 18])];

export const XSS = '<script>alert(1)</script>';
/** A stderr that tries everything: HTML, a table pipe, backticks, a fence, an ampersand, control characters. */
export const NASTY_STDERR = `Traceback (most recent call last):\n  File "main.py", line 9, in <module>\n    ${XSS}\nRuntimeError: a | b \`code\` \`\`\` & <b>bold</b> \u0007bell \u001b[31mred`;

const TWICE: Scenario = { version: 1, name: 'set-twice', steps: [
  { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
  { op: 'set-start-method', at: 'main', method: 'fork', force: false },
] };
const UNGUARDED: Scenario = { version: 1, steps: [
  { op: 'start', at: 'top', id: 0, worker: 'process', ctx: 'spawn', pass: [], action: 'use', target: 'function', grandchild: null },
] };
const SEMLOCK: Scenario = { version: 1, steps: [
  { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' },
  { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }], action: 'use', target: 'function', grandchild: null },
] };
const PLAIN: Scenario = { version: 1, steps: [{ op: 'get-start-method', at: 'main', allowNone: true }] };

function proc(label: ProcessObservation['label'], outcome: ProcessObservation['outcome'], exc?: [string, string]): ProcessObservation {
  return { label, role: label === 'main' ? 'main' : 'child', name: label, pid: 1000 + (label?.length ?? 0), ppid: 999, startMethod: 'fork', outcome,
    exitcode: outcome === 'ok' ? 0 : outcome.startsWith('signal:') ? -11 : 1, exception: exc ? { type: exc[0], message: exc[1], errno: null } : null };
}
function obs(processes: ProcessObservation[], stderr = ''): Observation {
  return { end: { kind: 'exited', code: processes[0]?.outcome === 'ok' ? 0 : 1 }, processes, notes: {},
    stdout: { head: '', tail: '', omittedBytes: 0, totalBytes: 0 }, stderr: { head: stderr, tail: '', omittedBytes: 0, totalBytes: Buffer.byteLength(stderr) }, durationMs: 120 };
}
function expect(...p: [string, string[], string[]][]): Expectation {
  return { processes: p.map(([label, accept, rules]) => ({ label: label as 'main', kind: 'outcomes' as const, accept: accept as ['ok'], rules })), notes: {}, rules: p.flatMap((x) => x[2]) };
}
const V = (kind: Verdict['kind'], reason: string | null = null, mismatches: Verdict['mismatches'] = []): Verdict => ({ kind, reason, mismatches });

let n = 0;
function mk(family: string, python: string, target: string, scenario: Scenario, expectation: Expectation, observation: Observation | null, verdict: Verdict, failureRate: number | null = null): CaseResult {
  const version = INTERPRETERS.find((i) => i.path === python)?.version ?? '?';
  return { id: `${family}-${n++}@${version}/${target}`, family, target, python, scenario, expectation, observation, verdict, durationMs: 100 + n, repro: null, failureRate, minimal: null };
}

const ctxSet = expect(['main', ['context-already-set'], ['set-start-method-once']]);
const boot = expect(['main', ['ok'], []], ['w0', ['bootstrapping-error'], ['spawn-bootstrap-guard']]);
const sem = expect(['main', ['semlock-fork-context'], ['semlock-fork-ctx-3.11.5']], ['w1', ['absent'], []]);

/** 14 cases over 3 interpreters, 2 targets, 4 families, every verdict kind; the PyPy failure has a shrunk minimal. */
export function buildCases(): CaseResult[] {
  n = 0;
  return withMinimal([
    mk('context-set-once', PY311, 'multiprocessing', TWICE, ctxSet, obs([proc('main', 'context-already-set', ['RuntimeError', 'context has already been set'])]), V('pass')),
    mk('context-set-once', PY312, 'multiprocessing', TWICE, ctxSet, obs([proc('main', 'context-already-set', ['RuntimeError', 'context has already been set'])]), V('pass')),
    mk('context-set-once', PYPY, 'multiprocessing', TWICE, ctxSet, obs([proc('main', 'ok')]), V('fail', null, [{ label: 'main', expected: ['context-already-set'], observed: 'ok', rules: ['set-start-method-once'] }])),
    mk('bootstrapping', PY311, 'multiprocessing', UNGUARDED, boot, obs([proc('main', 'ok'), proc('w0', 'bootstrapping-error', ['RuntimeError', 'An attempt has been made to start a new process before the current process has finished its bootstrapping phase.'])]), V('pass')),
    mk('bootstrapping', PY312, 'concurrent.futures', UNGUARDED, boot, obs([proc('main', 'ok'), proc('w0', 'exception:ValueError', ['ValueError', 'weird | pipe'])], NASTY_STDERR),
      V('fail', null, [{ label: 'w0', expected: ['bootstrapping-error'], observed: 'exception:ValueError', rules: ['spawn-bootstrap-guard'] }])),
    mk('bootstrapping', PYPY, 'concurrent.futures', UNGUARDED, boot, null, V('skipped', 'target concurrent.futures lacks ProcessPoolExecutor on this PyPy')),
    mk('semlock', PY311, 'multiprocessing', SEMLOCK, sem, obs([proc('main', 'ok'), proc('w1', 'signal:SIGSEGV')]), V('flaky', null, [{ label: 'main', expected: ['semlock-fork-context'], observed: 'ok', rules: ['semlock-fork-ctx-3.11.5'] }]), 0.3),
    mk('semlock', PY312, 'multiprocessing', SEMLOCK, sem, obs([proc('main', 'semlock-fork-context', ['RuntimeError', 'A SemLock created in a fork context is being shared with a process in a spawn context.'])]), V('pass')),
    mk('semlock', PYPY, 'multiprocessing', SEMLOCK, sem, obs([proc('main', 'ok'), proc('w1', 'bad-file-descriptor', ['OSError', '[Errno 9] Bad file descriptor'])]), V('expected-fail', 'pypy: declared deviation semlock-pypy')),
    mk('semlock', PY312, 'concurrent.futures', SEMLOCK, sem, obs([proc('main', 'semlock-fork-context', ['RuntimeError', 'SemLock'])]), V('unexpected-pass', 'declared deviation cf-semlock did not occur')),
    mk('general', PY311, 'multiprocessing', PLAIN, { processes: [{ label: 'main', kind: 'unspecified', reason: 'allow_none result is platform-defined', rules: ['get-start-method-allow-none'] }], notes: {}, rules: ['get-start-method-allow-none'] },
      obs([proc('main', 'ok')]), V('unspecified', 'allow_none result is platform-defined')),
    mk('general', PY312, 'multiprocessing', PLAIN, expect(['main', ['ok'], []]), obs([proc('main', 'ok'), proc(null, 'ok')]), V('pass')),
    mk('general', PYPY, 'concurrent.futures', PLAIN, expect(['main', ['ok'], []]), obs([proc('main', 'ok')]), V('pass')),
    mk('general', PY311, 'concurrent.futures', PLAIN, expect(['main', ['ok'], []]), obs([proc('main', 'ok')]), V('pass')),
  ]);
}

function withMinimal(cases: CaseResult[]): CaseResult[] {
  return cases.map((c) => c.python === PYPY && c.verdict.kind === 'fail'
    ? { ...c, minimal: { scenario: { version: 1, steps: TWICE.steps.slice(0, 2) }, expectation: c.expectation, observation: c.observation!, verdict: c.verdict, shrinks: 3, runs: 7 } }
    : c);
}

/** Matrix rows of buildCases(): family × start method. */
export const MATRIX_ROWS = [
  ['bootstrapping', 'spawn'], ['context-set-once', 'spawn'], ['general', 'default'], ['semlock', 'spawn'],
] as const;

/** A complete, unsharded report of {@link buildCases}. */
export function buildReport(cases: CaseResult[] = buildCases(), shard: RunReport['shard'] = null): RunReport {
  return {
    schemaVersion: 1, tool: { name: 'mpconform', version: '0.1.0' }, runId: 'run-2025-01-01-abc', seed: 42,
    startedAt: '2025-01-01T10:00:00.000Z', finishedAt: '2025-01-01T10:02:00.000Z', complete: true, shard,
    interpreters: INTERPRETERS, targets: ['multiprocessing', 'concurrent.futures'], cases, totals: computeTotals(cases),
    coverage: Object.fromEntries(cases.map((c, i) => [`${c.family}|${c.target}`, i + 1])),
  };
}
