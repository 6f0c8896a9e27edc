/** An intermittent declared deviation (a race in the library: pebble's stop of a finished child) explains a failure; its absence is no unexpected-pass. */
import { describe, expect, it } from 'vitest';
import { parseDeviations, verdictWithDeviations } from '../../src/deviations/index.js';
import type { OracleFacts } from '../../src/model/facts.js';
import type { Observation } from '../../src/model/observation.js';
import type { Scenario } from '../../src/scenario/types.js';
import { start } from './run-helper.js';

const facts: OracleFacts = { implementation: 'cpython', version: '3.12.1', platform: 'linux' };
const scenario: Scenario = { version: 1, steps: [start({ ctx: 'spawn' })] };
const entry = (extra: string) => parseDeviations(`{"version": 1, "deviations": [
  {"target": "pebble", "when": {"worker": "process"}, "outcome": "signal:SIGTERM", ${extra} "reason": "pebble stops the finished child"}
]}`, 'pebble.json').deviations;
const text = { head: '', tail: '', omittedBytes: 0, totalBytes: 0 };
const observation = (outcome: 'ok' | 'signal:SIGTERM'): Observation => ({
  end: { kind: 'exited', code: 0 }, notes: {}, stdout: text, stderr: text, durationMs: 1,
  processes: [{ label: 'w1', role: 'child', name: 'w1', pid: 2, ppid: 1, startMethod: 'spawn', outcome, exitcode: outcome === 'ok' ? 0 : -15, exception: null }],
});
const subject = (kind: 'pass' | 'fail', outcome: 'ok' | 'signal:SIGTERM') => ({
  target: 'pebble', family: 'general', scenario, observation: observation(outcome),
  verdict: kind === 'pass' ? { kind, mismatches: [], reason: null } as const
    : { kind, mismatches: [{ label: 'w1', expected: ['ok'], observed: 'signal:SIGTERM', rules: [] }], reason: null } as const,
});

describe('intermittent deviations', () => {
  it('rejects a non-boolean', () => {
    expect(() => entry('"intermittent": "yes",')).toThrow(/"intermittent" must be true or false/);
  });
  it('explain a matching failure like any other', () => {
    expect(verdictWithDeviations(subject('fail', 'signal:SIGTERM'), entry('"intermittent": true,'), facts).kind).toBe('expected-fail');
  });
  it('leave a pass a pass when the race went the other way; without the flag it is an unexpected-pass', () => {
    expect(verdictWithDeviations(subject('pass', 'ok'), entry('"intermittent": true,'), facts).kind).toBe('pass');
    expect(verdictWithDeviations(subject('pass', 'ok'), entry(''), facts).kind).toBe('unexpected-pass');
  });
});
