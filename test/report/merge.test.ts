import { describe, expect, it } from 'vitest';
import { mergeReports, ReportMergeError } from '../../src/report/index.js';
import { buildCases, buildReport } from './fixtures.js';

function shards() {
  const cases = buildCases();
  const a = cases.filter((_, i) => i % 2 === 0);
  const b = cases.filter((_, i) => i % 2 === 1);
  const whole = buildReport(cases);
  const s1 = { ...buildReport(a, { index: 1, count: 2 }), finishedAt: '2025-01-01T10:01:00.000Z' };
  const s2 = { ...buildReport(b, { index: 2, count: 2 }), startedAt: '2025-01-01T10:00:30.000Z' };
  return { whole, s1, s2 };
}

const byId = <T extends { id: string }>(xs: readonly T[]): T[] => [...xs].sort((p, q) => (p.id < q.id ? -1 : 1));

describe('mergeReports', () => {
  it('two shards make the whole (cases, totals, times, shard null)', () => {
    const { whole, s1, s2 } = shards();
    const merged = mergeReports([s2, s1]);
    expect(byId(merged.cases)).toEqual(byId(whole.cases));
    expect(merged.totals).toEqual(whole.totals);
    expect(merged.shard).toBeNull();
    expect(merged.complete).toBe(true);
    expect(merged.startedAt).toBe(whole.startedAt);
    expect(merged.finishedAt).toBe(whole.finishedAt);
    expect(merged.interpreters).toEqual(whole.interpreters);
    expect(Object.values(merged.coverage).reduce((x, y) => x + y, 0)).toBe(Object.values(s1.coverage).concat(Object.values(s2.coverage)).reduce((x, y) => x + y, 0));
    // argument order does not matter
    expect(mergeReports([s1, s2])).toEqual(merged);
  });

  it('accepts the same case twice when identical, rejects it when different', () => {
    const { s1 } = shards();
    expect(mergeReports([s1, s1]).cases).toHaveLength(s1.cases.length);
    const c0 = s1.cases[0]!;
    const other = { ...s1, cases: [{ ...c0, verdict: { ...c0.verdict, kind: 'fail' as const } }] };
    expect(() => mergeReports([s1, other])).toThrow(ReportMergeError);
    expect(() => mergeReports([s1, other])).toThrow(`case ${c0.id} differs between shards`);
  });

  it('is incomplete when any shard is, or when a shard is missing', () => {
    const { s1, s2 } = shards();
    expect(mergeReports([s1, { ...s2, complete: false }]).complete).toBe(false);
    expect(mergeReports([s1]).complete).toBe(false);
  });

  it('refuses shards of different runs and empty input', () => {
    const { s1, s2 } = shards();
    expect(() => mergeReports([s1, { ...s2, runId: 'other' }])).toThrow(/different runs/);
    expect(() => mergeReports([])).toThrow(/no reports/);
  });
});
