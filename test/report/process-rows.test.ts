// A label that covers several processes (pool workers) shows every distinct outcome it observed.
import { expect, test } from 'vitest';
import { processRows } from '../../src/report/process-rows.js';
import { buildCases } from './fixtures.js';

test('a pool label lists every distinct outcome and the exception of the one not accepted', () => {
  const base = buildCases()[0]!;
  const worker = (pid: number, outcome: 'ok' | 'exception:SystemExit', exitcode: number) => ({
    label: 'pool' as const, role: 'pool-worker' as const, name: `ForkPoolWorker-${pid}`, pid, ppid: 1, startMethod: 'fork', outcome, exitcode,
    exception: outcome === 'ok' ? null : { type: 'SystemExit', message: '15', errno: null },
  });
  const c = {
    ...base,
    expectation: { processes: [{ label: 'pool' as const, kind: 'outcomes' as const, accept: ['ok', 'signal:SIGTERM'] as const, rules: ['pool.terminate-on-exit'] }], notes: {}, rules: [] },
    observation: { ...base.observation!, processes: [worker(11, 'ok', 0), worker(12, 'exception:SystemExit', 15), worker(13, 'ok', 0)] },
  };
  expect(processRows(c)).toEqual([
    { label: 'pool', expected: 'ok | signal:SIGTERM', rules: ['pool.terminate-on-exit'], observed: 'ok + exception:SystemExit', detail: 'SystemExit: 15' },
  ]);
});
