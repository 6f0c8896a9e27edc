import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/report.js';
import type { Expectation } from '../../src/model/expectation.js';
import { summaryMarkdown } from '../../src/report/markdown.js';
import { buildRuleMatrix, caseRules, checkRuleCoverage, ruleCoverage, ruleCoverageLines, versionsLine } from '../../src/report/rules.js';
import { rulesById } from '../../src/oracle/rules/index.js';
import { buildCases, buildReport, INTERPRETERS, PY311, PY312, PYPY } from './fixtures.js';

const base = buildCases()[0]!;
function withExpectation(e: Expectation, verdict: CaseResult['verdict'] = { kind: 'pass', mismatches: [], reason: null }): CaseResult {
  return { ...base, expectation: e, verdict };
}
const outcomes = (label: string, accept: string[], rules: string[]) => ({ label: label as 'main', kind: 'outcomes' as const, accept: accept as ['ok'], rules });

describe('caseRules: exercised, decisive, departs', () => {
  it('a rule behind a one-outcome expectation is decisive', () => {
    const c = withExpectation({ processes: [outcomes('main', ['context-already-set'], ['ctx.already-set'])], notes: {}, rules: ['ctx.already-set', 'ctx.fixed-by-get'] });
    expect(caseRules(c)).toEqual([
      { rule: 'ctx.already-set', decisive: true, departs: false },
      { rule: 'ctx.fixed-by-get', decisive: false, departs: false },
    ]);
  });

  it('the one library rule of an accept set without ok is decisive; a harness rule next to it does not count', () => {
    const c = withExpectation({ processes: [outcomes('pool', ['bootstrapping-error', 'hang'], ['spawn.bootstrapping', 'harness.hang-kill'])], notes: {}, rules: ['spawn.bootstrapping', 'harness.hang-kill'] });
    expect(caseRules(c).filter((r) => r.decisive).map((r) => r.rule)).toEqual(['spawn.bootstrapping']);
  });

  it('a race of two rules, or ok accepted next to the rule, is not decisive', () => {
    const race = withExpectation({ processes: [outcomes('main', ['hang', 'pickling-error'], ['executor.task-error-to-caller', 'executor.feeder-error-no-wakeup'])], notes: {}, rules: ['executor.task-error-to-caller', 'executor.feeder-error-no-wakeup'] });
    expect(caseRules(race).some((r) => r.decisive)).toBe(false);
    const term = withExpectation({ processes: [outcomes('pool', ['ok', 'signal:SIGTERM'], ['pool.terminate-on-exit'])], notes: {}, rules: ['pool.terminate-on-exit'] });
    expect(caseRules(term)[0]).toEqual({ rule: 'pool.terminate-on-exit', decisive: false, departs: false });
  });

  it('notes count only when the expectation attributes them (noteRules)', () => {
    const e = { processes: [outcomes('main', ['ok', 'hang'], [])], notes: { 's0.method': ['fork'] }, rules: ['ctx.fixed-by-get'] };
    expect(caseRules(withExpectation(e))[0]?.decisive).toBe(false);
    expect(caseRules(withExpectation({ ...e, noteRules: { 's0.method': ['ctx.fixed-by-get'] } } as Expectation))[0]?.decisive).toBe(true);
  });

  it('a leak prediction is decisive where the observation recorded leaks, and only there', () => {
    const e: Expectation = { processes: [outcomes('main', ['ok'], [])], notes: {}, rules: ['leaks.none-when-cleaned'], leaks: { accept: 'none', rules: ['leaks.none-when-cleaned'] } };
    const recorded = { ...withExpectation(e), observation: { ...base.observation!, leaks: [] } };
    expect(caseRules(recorded)).toEqual([{ rule: 'leaks.none-when-cleaned', decisive: true, departs: false }]);
    const unrecorded = { ...withExpectation(e), observation: { ...base.observation!, leaks: undefined } };
    expect(caseRules(unrecorded)).toEqual([{ rule: 'leaks.none-when-cleaned', decisive: false, departs: false }]);
  });

  it('a mismatch naming the rule departs; skipped and unspecified cases exercise nothing', () => {
    const e = { processes: [outcomes('main', ['context-already-set'], ['ctx.already-set'])], notes: {}, rules: ['ctx.already-set'] };
    const failing = withExpectation(e, { kind: 'fail', reason: null, mismatches: [{ label: 'main', expected: ['context-already-set'], observed: 'ok', rules: ['ctx.already-set'] }] });
    expect(caseRules(failing)).toEqual([{ rule: 'ctx.already-set', decisive: true, departs: true }]);
    expect(caseRules({ ...failing, verdict: { kind: 'skipped', reason: 'x', mismatches: [] }, observation: null })).toEqual([]);
    expect(caseRules({ ...failing, verdict: { kind: 'unspecified', reason: 'x', mismatches: [] } })).toEqual([]);
  });
});

describe('the rule matrix', () => {
  it('has one row per exercised rule and one column per interpreter × target that ran', () => {
    const m = buildRuleMatrix(buildReport());
    expect(m.columns.map((c) => `${c.python}|${c.target}`)).toEqual([
      `${PY311}|multiprocessing`, `${PY311}|concurrent.futures`, `${PY312}|multiprocessing`, `${PY312}|concurrent.futures`, `${PYPY}|multiprocessing`, `${PYPY}|concurrent.futures`,
    ]);
    expect(m.rows.map((r) => r.rule.id).sort()).toEqual(['semlock-fork-ctx-3.11.5', 'set-start-method-once', 'spawn-bootstrap-guard']);
    const once = m.rows.find((r) => r.rule.id === 'set-start-method-once')!;
    expect(once.cells.map((c) => (c ? `${c.conform}/${c.depart}` : null))).toEqual(['1/0', null, '1/0', null, '0/1', null]);
    expect(once.brokenEverywhere).toBe(false);
    expect(once.cells[4]?.worst).toBe('fail');
    expect(once.cells[4]?.departing).toEqual([buildCases()[2]!.id]);
  });

  it('a rule a library breaks everywhere is one red row', () => {
    const cases = buildCases().map((c) => c.expectation.rules.includes('set-start-method-once')
      ? { ...c, verdict: { kind: 'fail' as const, reason: null, mismatches: [{ label: 'main', expected: ['context-already-set'], observed: 'ok', rules: ['set-start-method-once'] }] } }
      : c);
    const report = buildReport(cases);
    const row = buildRuleMatrix(report).rows.find((r) => r.rule.id === 'set-start-method-once')!;
    expect(row).toMatchObject({ brokenEverywhere: true, departCells: 3, exercisedCells: 3, brokenBy: ['multiprocessing'] });
    const md = summaryMarkdown(report, { repros: new Map(), maxFailures: 5 });
    const line = md.split('\n').find((l) => l.startsWith('| `set-start-method-once`'))!;
    expect(line).toContain('| **multiprocessing** on every interpreter (3; 3 of 3 cases) |');
    // broken by two targets on every interpreter: one phrase for the whole row
    const both = buildReport([...cases, ...cases.filter((c) => c.expectation.rules.includes('set-start-method-once')).map((c) => ({ ...c, id: `${c.id}-cf`, target: 'concurrent.futures' }))]);
    const line2 = summaryMarkdown(both, { repros: new Map(), maxFailures: 5 }).split('\n').find((l) => l.startsWith('| `set-start-method-once`'))!;
    expect(line2).toContain('**everywhere it ran** (6 interpreter × target cells; 6 of 6 cases)');
    expect(buildRuleMatrix(both).rows.find((r) => r.rule.id === 'set-start-method-once')?.brokenBy).toEqual(['multiprocessing', 'concurrent.futures']);
  });

  it('summary.md lists only rules with departures, with statement, versions and an example', () => {
    const md = summaryMarkdown(buildReport(), { repros: new Map(), maxFailures: 5 });
    expect(md).toContain('### By rule (3 of 3 exercised rules with departures)');
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual(['`semlock-fork-ctx-3.11.5`', '`set-start-method-once`', '`spawn-bootstrap-guard`']);
    const conforming = buildCases().map((c) => ({ ...c, verdict: { kind: 'pass' as const, reason: null, mismatches: [] } }));
    expect(summaryMarkdown(buildReport(conforming), { repros: new Map(), maxFailures: 5 })).toContain('Every exercised rule conformed');
  });

  it('shows where a rule holds on one line', () => {
    expect(versionsLine(rulesById.get('semlock.fork-context-error')!)).toBe('[3.11.5, 3.12.0), ≥ 3.12.0 · linux, darwin');
    expect(versionsLine(rulesById.get('ctx.already-set')!)).toBe('≥ 3.7.0');
  });
});

describe('rule coverage', () => {
  const real = (rules: string[], accept: string[]): CaseResult => ({
    ...withExpectation({ processes: [outcomes('main', accept, rules)], notes: {}, rules }), python: PY312,
  });

  it('counts, per interpreter, the applicable rules decisive at least once, and says why the others never were', () => {
    const report = buildReport([real(['ctx.already-set'], ['context-already-set']), real(['ctx.already-set'], ['context-already-set']), real(['pool.terminate-on-exit'], ['ok', 'signal:SIGTERM']), { ...real([], ['ok']), expectation: { processes: [outcomes('main', ['ok'], [])], notes: { 's0.method': ['fork'] }, rules: ['ctx.fixed-by-get'] } }]);
    const cov = ruleCoverage(report).find((c) => c.python === PY312)!;
    const applicable = [...rulesById.values()].filter((r) => r.id !== 'target.held-to-stdlib' && r.platforms.includes('linux')).length;
    expect(cov.applicable).toBeGreaterThan(20);
    expect(cov.applicable).toBeLessThanOrEqual(applicable);
    expect(cov.decisive).toBe(1);
    expect(cov.rules.find((r) => r.id === 'ctx.already-set')).toEqual({ id: 'ctx.already-set', exercised: 2, decisive: 2 });
    const why = Object.fromEntries(cov.never.map((n) => [n.id, n.why]));
    expect(why['pool.terminate-on-exit']).toBe('multi-outcome-only');
    expect(why['ctx.fixed-by-get']).toBe('no-attribution');
    expect(why['forkserver.stale-pid']).toBe('not-exercised');
    // a 3.12 interpreter: the pre-3.11.5 SemLock crash rule does not apply
    expect(cov.rules.some((r) => r.id === 'semlock.fork-context-crash-linux')).toBe(false);
    expect(ruleCoverageLines([cov], () => '3.12.7')[0]).toBe(`rule coverage 3.12.7: 1/${cov.applicable} applicable rules decisive (${Math.round(100 / cov.applicable)}%)`);
  });

  it('gates like the cell coverage gate', () => {
    const cov = ruleCoverage(buildReport());
    expect(cov.map((c) => c.python)).toEqual(INTERPRETERS.map((i) => i.path));
    expect(checkRuleCoverage(cov, 0).passed).toBe(true);
    const gate = checkRuleCoverage(cov, 0.5);
    expect(gate.passed).toBe(false);
    expect(gate.short).toHaveLength(3);
  });
});
