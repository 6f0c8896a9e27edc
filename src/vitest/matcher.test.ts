// The toConformTo matcher on recorded observations (fixtures/recorded.json: real runs of two corpus
// scenarios on CPython 3.11.7, with the oracle's expectation for 3.11.7 and for 3.11.4 recorded beside them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Expectation, Observation } from '../index.js';
import { conformanceMatchers, formatConformance, toConformTo } from './index.js';

interface Recorded {
  readonly observation: Observation;
  readonly expectation: Expectation;
  readonly expectationFor3114: Expectation;
}
const recorded = JSON.parse(readFileSync(new URL('./fixtures/recorded.json', import.meta.url), 'utf8')) as Record<string, Recorded>;
const semlock = recorded['tutorial-fork-lock-to-spawn-child']!;
const moduleLevel = recorded['tutorial-module-level-set-spawn']!;

describe('toConformTo', () => {
  it('is registered on expect by importing mpconform/vitest, and passes on a conforming observation', () => {
    expect(semlock.observation).toConformTo(semlock.expectation);
    expect(moduleLevel.observation).toConformTo(moduleLevel.expectation);
  });

  it('fails with a per-process table: expected vs observed, with rule ids', () => {
    let message = '';
    try {
      expect(semlock.observation).toConformTo(semlock.expectationFor3114);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('expected the observation to conform to the expectation: 3 mismatches');
    const lines = message.split('\n');
    expect(lines.find((l) => l.startsWith('✗  main'))).toMatch(/^✗  main +ok +semlock-fork-context$/);
    expect(lines.find((l) => l.startsWith('✗  w1'))).toMatch(/^✗  w1 +signal:SIGSEGV +absent +semlock\.fork-context-crash-linux, worker\.exitcode-signal$/);
    expect(lines.find((l) => l.startsWith('✗  w1.exitcode'))).toMatch(/-11 +\(not printed\) +.*semlock\.fork-context-crash-linux/);
    expect(message).toContain('run: exited with code 1');
    // the observed traceback's last line is shown for context
    expect(message).toMatch(/stderr \(last lines\):[\s\S]*\| RuntimeError: A SemLock created in a fork context/);
  });

  it('returns pass/message like any matcher (direct call), including under .not', () => {
    const ok = toConformTo.call({ isNot: false }, moduleLevel.observation, moduleLevel.expectation);
    expect(ok.pass).toBe(true);
    expect(ok.message()).toMatch(/not to conform to the expectation, but it does \(pass\)/);
    expect(ok.message()).toMatch(/✓  w0 +context-already-set +context-already-set +ctx\.already-set/);
    expect(() => expect(moduleLevel.observation).not.toConformTo(moduleLevel.expectation)).toThrow(/but it does \(pass\)/);
    expect(semlock.observation).not.toConformTo(semlock.expectationFor3114);
  });

  it('rejects what is not an observation (a skipped case has none)', () => {
    const r = toConformTo.call(undefined, null, semlock.expectation);
    expect(r.pass).toBe(false);
    expect(r.message()).toMatch(/got null \(nothing ran/);
  });

  it('marks unspecified processes and ones the oracle did not predict', () => {
    const exp: Expectation = {
      processes: [{ label: 'main', kind: 'unspecified', reason: 'target x is not modelled', rules: [] }],
      notes: {},
      rules: [],
    };
    const text = formatConformance(exp, moduleLevel.observation);
    expect(text).toMatch(/^~  main +unspecified \(target x is not modelled\) +ok$/m);
    expect(text).toMatch(/^\?  w0 +\(not predicted\) +context-already-set$/m);
    expect(toConformTo.call({}, moduleLevel.observation, exp).pass).toBe(true); // nothing judged: unspecified, not a failure
  });

  it('exports the matchers object for explicit expect.extend', () => {
    expect(Object.keys(conformanceMatchers)).toEqual(['toConformTo']);
  });
});
