/** Differential mode over hand-built observations. */
import { describe, expect, it } from 'vitest';
import type { Observation, ProcessObservation } from '../../src/model/observation.js';
import type { Outcome } from '../../src/outcome/outcome.js';
import type { ProcessLabel } from '../../src/contracts/labels.js';
import { describeDivergences, differential } from '../../src/targets/differential.js';

const text = { head: '', tail: '', omittedBytes: 0, totalBytes: 0 };
function proc(label: ProcessLabel | null, outcome: Outcome, pid = 1): ProcessObservation {
  return { label, role: 'main', name: null, pid, ppid: 0, startMethod: null, outcome, exitcode: 0, exception: null };
}
function obs(processes: ProcessObservation[], notes: Record<string, string> = {}, code = 0): Observation {
  return { end: { kind: 'exited', code }, processes, notes, stdout: text, stderr: text, durationMs: 1 };
}

describe('differential', () => {
  it('finds nothing between identical runs', () => {
    const o = obs([proc('main', 'ok'), proc('w1', 'ok', 2)], { 'w1.exitcode': '0' });
    expect(differential(o, o)).toEqual([]);
  });

  it('lists outcome, absent-process, note and run-end divergences', () => {
    const std = obs([proc('main', 'ok'), proc('w1', 'exception:ValueError', 2), proc('pool', 'ok', 3), proc(null, 'signal:SIGKILL', 9)], { 'w1.exitcode': '1' });
    const tgt = obs([proc('main', 'pickling-error'), proc('w1', 'ok', 2)], { 'w1.exitcode': '0', 'w1.pebble-error': 'ValueError' }, 1);
    const d = differential(std, tgt);
    expect(d).toEqual([
      { kind: 'process', label: 'main', stdlib: ['ok'], target: ['pickling-error'] },
      { kind: 'process', label: 'w1', stdlib: ['exception:ValueError'], target: ['ok'] },
      { kind: 'process', label: 'pool', stdlib: ['ok'], target: ['absent'] },
      { kind: 'note', key: 'w1.exitcode', stdlib: '1', target: '0' },
      { kind: 'note', key: 'w1.pebble-error', stdlib: null, target: 'ValueError' },
      { kind: 'end', stdlib: 'exit 0', target: 'exit 1' },
    ]);
    expect(describeDivergences(d)[4]).toBe('note w1.pebble-error: stdlib (not printed), target ValueError');
  });

  it('compares the set of outcomes of a label with several processes', () => {
    const std = obs([proc('pool', 'ok', 2), proc('pool', 'ok', 3)]);
    const tgt = obs([proc('pool', 'ok', 2), proc('pool', 'exception:AttributeError', 3)]);
    expect(differential(std, tgt)).toEqual([{ kind: 'process', label: 'pool', stdlib: ['ok'], target: ['exception:AttributeError', 'ok'] }]);
  });
});
