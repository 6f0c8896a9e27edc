/** Hand-built cases for the deviations tests. */
import type { OracleFacts } from '../../src/model/facts.js';
import type { Observation, ProcessObservation } from '../../src/model/observation.js';
import type { Outcome } from '../../src/outcome/outcome.js';
import type { CaseResult } from '../../src/model/report.js';
import type { Scenario, Step } from '../../src/scenario/types.js';
import type { Mismatch, VerdictKind } from '../../src/model/verdict.js';

export const FACTS: OracleFacts = { implementation: 'cpython', version: '3.11.2', platform: 'linux' };

export const SPAWN_POOL_QUEUE: Scenario = {
  version: 1,
  steps: [
    { op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'spawn' },
    { op: 'start', at: 'main', id: 1, worker: 'pool-map', ctx: 'spawn', pass: [{ obj: 0, via: 'task-arg' }], action: 'use', target: 'function', grandchild: null } as Step,
  ],
};

const text = { head: '', tail: '', omittedBytes: 0, totalBytes: 0 };
function proc(label: 'main' | 'pool', outcome: Outcome): ProcessObservation {
  return { label, role: 'main', name: null, pid: 1, ppid: 0, startMethod: null, outcome, exitcode: 0, exception: null };
}

/** A case of `target` on the spawn-pool-queue scenario where `main` ended with `main`. */
export function makeCase(opts: { target?: string; kind: VerdictKind; main: Outcome; mismatches?: Mismatch[]; notes?: Record<string, string>; scenario?: Scenario }): CaseResult {
  const observation: Observation = {
    end: { kind: 'exited', code: 1 }, processes: [proc('main', opts.main), proc('pool', 'ok')], notes: opts.notes ?? {},
    stdout: text, stderr: text, durationMs: 1,
  };
  return {
    id: 'general-1@3.11.2/billiard', family: 'general', target: opts.target ?? 'billiard', python: '/usr/bin/python3',
    scenario: opts.scenario ?? SPAWN_POOL_QUEUE, expectation: { processes: [], notes: {}, rules: [] }, observation,
    verdict: { kind: opts.kind, mismatches: opts.mismatches ?? [], reason: null }, durationMs: 1, repro: null, failureRate: null, minimal: null,
  };
}

/** A fail case: the oracle wanted inheritance-only in main, the target gave `observed`. */
export function failing(observed: Outcome, target = 'billiard'): CaseResult {
  return makeCase({ target, kind: 'fail', main: observed, mismatches: [{ label: 'main', expected: ['inheritance-only'], observed, rules: ['r'] }] });
}
