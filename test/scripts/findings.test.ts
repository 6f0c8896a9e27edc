import { describe, expect, it } from 'vitest';
import { findingsTable } from '../../scripts/findings.js';
import type { RunReport } from '../../src/model/report.js';

// A recorded shape of a merged run-targets report, cut down to what the table reads.
const interp = (path: string, version: string, targets: Record<string, string | null>, implementation = 'cpython') => ({ path, version, implementation, targets });
const kase = (python: string, target: string, kind: string) => ({ python, target, verdict: { kind, mismatches: [] } });

describe('scripts/findings.ts findingsTable', () => {
  it('counts verdicts per library × Python with the release that ran there, stdlib cases left out', () => {
    const report = {
      interpreters: [interp('/e/a', '3.13.15', { billiard: '4.3.2' }), interp('/e/b', '3.9.16', { billiard: '4.2.4' }, 'pypy')],
      cases: [
        kase('/e/a', 'billiard', 'pass'), kase('/e/a', 'billiard', 'fail'), kase('/e/a', 'billiard', 'fail'),
        kase('/e/b', 'billiard', 'expected-fail'), kase('/e/b', 'billiard', 'skipped'), kase('/e/a', 'multiprocessing', 'pass'),
      ],
    } as unknown as RunReport;
    const rows = findingsTable(report);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe('| billiard | 4.3.2 | 3.13.15 | 1 | 2 | 0 | 0 | 0 |');
    expect(rows[3]).toBe('| billiard | 4.2.4 | PyPy 3.9.16 | 0 | 0 | 1 | 0 | 1 |');
  });
});
