/**
 * A synthetic report of the size the page must stay readable at: 5 interpreters × 7 targets ×
 * as many scenarios as it takes (10,000 cases by default), with real rule ids, every verdict kind,
 * stderr tails, and one stderr line that tries to close the data script. Deterministic (no
 * randomness but a fixed LCG), so sizes and counts are comparable between runs.
 */
import type { InterpreterFacts } from '../../src/model/facts.js';
import type { CaseResult, RunReport } from '../../src/model/report.js';
import type { Expectation, ProcessExpectation } from '../../src/model/expectation.js';
import type { Verdict } from '../../src/model/verdict.js';
import type { Scenario } from '../../src/scenario/types.js';
import { allRules } from '../../src/oracle/rules/index.js';
import { computeTotals } from '../../src/report/totals.js';

export const SYNTH_VERSIONS = ['3.9.18', '3.10.13', '3.11.7', '3.12.1', '3.13.0'] as const;
export const SYNTH_TARGETS = ['multiprocessing', 'concurrent.futures', 'multiprocess', 'billiard', 'pebble', 'loky', 'stdlib'] as const;
export const SYNTH_FAMILIES = ['general', 'corpus', 'context-set-once', 'defaults', 'globals', 'guard-bootstrapping', 'picklability', 'inheritance-only', 'cross-context-semlock'] as const;
/** The stderr line of the first failing case: it must show as text. */
export const SCRIPT_BREAKER = 'ValueError: </script><script>document.title="pwned"</script>';

function facts(version: string): InterpreterFacts {
  const v = version.split('.').map(Number) as [number, number, number];
  const path = `/root/.pyenv/versions/${version}/bin/python${v[0]}.${v[1]}`;
  return {
    path, executable: path, implementation: 'cpython', version, versionInfo: v, platform: 'linux', startMethods: ['fork', 'spawn', 'forkserver'], defaultMethod: 'fork',
    targets: Object.fromEntries(SYNTH_TARGETS.map((t) => [t, '1.0'])), source: 'pyenv',
  };
}

/** A report of about `n` cases (rounded up to whole scenarios over 35 interpreter × target columns). */
export function syntheticReport(n = 10_000): RunReport {
  let seed = 12345;
  const rnd = (k: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % k; };
  const interpreters = SYNTH_VERSIONS.map(facts);
  const ruleIds = allRules.map((r) => r.id);
  const scenarios = Math.ceil(n / (interpreters.length * SYNTH_TARGETS.length));
  const cases: CaseResult[] = [];
  let failing = 0;
  for (let s = 0; s < scenarios; s++) {
    const family = SYNTH_FAMILIES[s % SYNTH_FAMILIES.length]!;
    const method = (['fork', 'spawn', 'forkserver'] as const)[s % 3]!;
    const scenario: Scenario = { version: 1, steps: [
      { op: 'set-start-method', at: 'main', method, force: s % 2 === 0 },
      { op: 'create', at: 'main', id: 1, kind: 'Lock', ctx: 'default' },
      { op: 'start', at: s % 4 === 0 ? 'top' : 'main', id: 2 + (s % 50), worker: 'process', ctx: 'default', pass: [{ obj: 1, via: 'process-arg' }], action: 'use', target: 'function', grandchild: null },
    ] };
    const rules = [ruleIds[s % ruleIds.length]!, ruleIds[(s * 7 + 3) % ruleIds.length]!];
    const label = `w${2 + (s % 50)}` as const;
    const processes: ProcessExpectation[] = [
      { label: 'main', kind: 'outcomes', accept: ['ok'], rules: [] },
      { label, kind: 'outcomes', accept: [s % 5 === 0 ? 'bootstrapping-error' : 'ok'], rules: [rules[0]!] },
    ];
    const expectation: Expectation = { processes, notes: { [`${label}.exitcode`]: [s % 5 === 0 ? '1' : '0'] }, rules: [...new Set(rules)] };
    for (const py of interpreters) {
      for (const target of SYNTH_TARGETS) {
        if (cases.length >= n) break;
        const roll = rnd(1000);
        const kind: Verdict['kind'] = roll < 30 ? 'fail' : roll < 36 ? 'flaky' : roll < 50 ? 'expected-fail' : roll < 53 ? 'unexpected-pass' : roll < 80 ? 'skipped' : roll < 90 ? 'unspecified' : 'pass';
        const accepted = processes[1]!.kind === 'outcomes' ? processes[1]!.accept[0]! : 'ok';
        const observedOutcome = kind === 'fail' || kind === 'flaky' || kind === 'expected-fail' ? 'exception:ValueError' : accepted === 'absent' ? 'ok' : accepted;
        const bad = kind === 'fail' || kind === 'flaky' || kind === 'expected-fail';
        const stderr = bad
          ? `Traceback (most recent call last):\n  File "main.py", line ${10 + s % 40}, in work_${s}\n    lock.acquire()\n${failing++ === 0 ? SCRIPT_BREAKER : 'ValueError: semaphore or lock released too many times'}\n`
          : s % 11 === 0 ? '/usr/lib/python3/multiprocessing/resource_tracker.py:254: UserWarning: resource_tracker: There appear to be 1 leaked semaphore objects to clean up at shutdown\n' : '';
        const verdict: Verdict = {
          kind,
          reason: kind === 'skipped' ? `target ${target} lacks a feature` : kind === 'unspecified' ? 'the oracle cannot decide' : kind === 'expected-fail' ? 'declared deviation' : kind === 'unexpected-pass' ? 'declared deviation did not occur' : null,
          mismatches: bad ? [{ label, expected: [accepted], observed: observedOutcome, rules: [rules[0]!] }] : [],
        };
        const observation = kind === 'skipped' ? null : {
          end: { kind: 'exited' as const, code: 0 },
          processes: [
            { label: 'main' as const, role: 'main' as const, name: 'MainProcess', pid: 1000 + cases.length, ppid: 1, startMethod: method, outcome: 'ok' as const, exitcode: 0, exception: null },
            { label, role: 'child' as const, name: label, pid: 2000 + cases.length, ppid: 1000 + cases.length, startMethod: method, outcome: observedOutcome, exitcode: bad ? 1 : 0, exception: bad ? { type: 'ValueError', message: 'semaphore or lock released too many times', errno: null } : null },
          ],
          notes: { [`${label}.exitcode`]: bad ? '1' : '0' },
          stdout: { head: '', tail: '', omittedBytes: 0, totalBytes: 0 },
          stderr: { head: stderr, tail: '', omittedBytes: 0, totalBytes: Buffer.byteLength(stderr) },
          durationMs: 80 + rnd(400),
        };
        const version = py.version;
        cases.push({ id: `${family}-${s}@${version}/${target}`, family, target, python: py.path, scenario, expectation, observation, verdict, durationMs: observation?.durationMs ?? 0, repro: null, failureRate: kind === 'flaky' ? 0.33 : null, minimal: null });
      }
    }
  }
  return {
    schemaVersion: 1, tool: { name: 'mpconform', version: '0.1.0' }, runId: 'synthetic', seed: 1, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T01:00:00.000Z',
    complete: true, shard: null, interpreters, targets: [...SYNTH_TARGETS], cases, totals: computeTotals(cases), coverage: {},
  };
}
