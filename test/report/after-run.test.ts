import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRun } from '../../src/report/after-run.js';
import { writeReports } from '../../src/report/index.js';
import { buildCases, buildReport } from './fixtures.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mpconform-after-run-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('after a run: rule coverage and --baseline', () => {
  it('prints rule coverage per interpreter and gates on --min-rule-coverage', async () => {
    const report = buildReport();
    const none = await afterRun(report, dir, { minRuleCoverage: null, baseline: null });
    expect(none.gate).toBeNull();
    expect(none.text).toMatch(/^rule coverage \/root\/\.pyenv\/versions\/3\.11\.4\/bin\/python3\.11: \d+\/\d+ applicable rules decisive/m);
    expect(none.text).toContain('never decisive (not-exercised):');
    const gated = await afterRun(report, dir, { minRuleCoverage: 0.9, baseline: null, label: (p) => p.split('/').pop() ?? p });
    expect(gated.gate?.passed).toBe(false);
    expect(gated.text).toContain('rule coverage gate: FAILED (below 90%: python3.11 0/');
    expect((await afterRun(report, dir, { minRuleCoverage: 0, baseline: null })).gate?.passed).toBe(true);
  });

  it('diffs against the baseline, counts only new failures, and writes diff.html next to index.html', async () => {
    const baseDir = join(dir, 'base');
    const { report: base } = await writeReports(buildReport(), baseDir);
    const worse = buildCases().map((c, i) => (i === 0 ? { ...c, verdict: { kind: 'fail' as const, reason: null, mismatches: [{ label: 'main', expected: ['context-already-set'], observed: 'ok', rules: ['set-start-method-once'] }] } } : c));
    const newDir = join(dir, 'new');
    const { report } = await writeReports(buildReport(worse), newDir);
    const r = await afterRun(report, newDir, { minRuleCoverage: null, baseline: { report: base, path: join(baseDir, 'report.json') } });
    // the two failures already in the baseline are not new
    expect(report.totals.fail).toBe(3);
    expect(r.diff?.newFailures).toBe(1);
    expect(r.text).toContain('NEW FAILURES: 1');
    const html = await readFile(join(newDir, 'diff.html'), 'utf8');
    expect(html).toContain('1 new failure');
    expect(html).toContain('href="repro/');
    const same = await afterRun(base, baseDir, { minRuleCoverage: null, baseline: { report: base, path: join(baseDir, 'report.json') } });
    expect(same.diff?.newFailures).toBe(0);
  });
});
