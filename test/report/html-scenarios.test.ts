/**
 * The "By scenario" view's data (src/report/html-scenarios.ts): cases matched across targets by
 * scenario hash per interpreter, the disagreeing rows found and named, nothing unescaped.
 */
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../src/model/expectation.js';
import type { Observation, ProcessObservation } from '../../src/model/observation.js';
import type { CaseResult } from '../../src/model/report.js';
import type { Verdict } from '../../src/model/verdict.js';
import type { Scenario } from '../../src/scenario/types.js';
import { differences, mainOutcome, scenarioSection, scenarioView } from '../../src/report/html-scenarios.js';
import { indexHtml } from '../../src/report/html.js';
import { buildMatrix } from '../../src/report/html-matrix.js';
import { pageData } from '../../src/report/html-data.js';
import { ruleSections } from '../../src/report/rules.js';
import { stubRenderRepro } from '../../src/report/repro.js';
import { buildReport, PY311, PY312, XSS } from './fixtures.js';

const TWICE: Scenario = { version: 1, steps: [
  { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
  { op: 'set-start-method', at: 'main', method: 'fork', force: false },
] };
const PLAIN: Scenario = { version: 1, steps: [{ op: 'get-start-method', at: 'main', allowNone: true }] };
const ONLY_ONE: Scenario = { version: 1, steps: [{ op: 'get-start-method', at: 'main', allowNone: false }] };

const EXPECT: Expectation = { processes: [{ label: 'main', kind: 'outcomes', accept: ['context-already-set'], rules: ['set-start-method-once'] }], notes: {}, rules: ['set-start-method-once'] };
const OK: Expectation = { processes: [{ label: 'main', kind: 'outcomes', accept: ['ok'], rules: [] }], notes: {}, rules: [] };

function proc(label: ProcessObservation['label'], outcome: ProcessObservation['outcome']): ProcessObservation {
  return { label, role: label === 'main' ? 'main' : 'child', name: label, pid: 1, ppid: 0, startMethod: 'spawn', outcome, exitcode: outcome === 'ok' ? 0 : 1, exception: null };
}
function obs(processes: ProcessObservation[]): Observation {
  return { end: { kind: 'exited', code: 0 }, processes, notes: {}, stdout: { head: '', tail: '', omittedBytes: 0, totalBytes: 0 }, stderr: { head: '', tail: '', omittedBytes: 0, totalBytes: 0 }, durationMs: 10 };
}
let n = 0;
function mk(python: string, target: string, scenario: Scenario, expectation: Expectation, observation: Observation | null, kind: Verdict['kind'], family = 'context-set-once'): CaseResult {
  return { id: `${family}-${n++}@${python.includes('3.11') ? '3.11.4' : '3.12.7'}/${target}`, family, target, python, scenario, expectation, observation,
    verdict: { kind, reason: kind === 'skipped' ? 'lacks it' : null, mismatches: [] }, durationMs: 5, repro: null, failureRate: null, minimal: null };
}

/** Two targets: TWICE disagrees on 3.11 (tinypool's main ends ok), agrees on 3.12; PLAIN agrees; ONLY_ONE ran on one target. */
function cases(): CaseResult[] {
  n = 0;
  return [
    mk(PY311, 'multiprocessing', TWICE, EXPECT, obs([proc('main', 'context-already-set')]), 'pass'),
    mk(PY311, 'tinypool', { ...TWICE, name: 'another name, same program' }, EXPECT, obs([proc('main', 'ok')]), 'fail'),
    mk(PY312, 'multiprocessing', TWICE, EXPECT, obs([proc('main', 'context-already-set')]), 'pass'),
    mk(PY312, 'tinypool', TWICE, EXPECT, obs([proc('main', 'context-already-set')]), 'pass'),
    mk(PY311, 'multiprocessing', PLAIN, OK, obs([proc('main', 'ok')]), 'pass', 'general'),
    mk(PY311, 'tinypool', PLAIN, OK, null, 'skipped', 'general'),
    mk(PY311, 'multiprocessing', ONLY_ONE, OK, obs([proc('main', 'ok')]), 'pass', 'general'),
  ];
}

describe('the By scenario view', () => {
  it('matches cases by scenario per interpreter, puts the disagreeing row first and names what differs', () => {
    const report = { ...buildReport(cases()), targets: ['multiprocessing', 'tinypool'] };
    const view = scenarioView(report);
    expect(view.targets).toEqual(['multiprocessing', 'tinypool']);
    // TWICE on 3.11 and 3.12, PLAIN on 3.11; ONLY_ONE ran on one target and is no row
    expect(view.rows.map((r) => [r.python, r.family, r.differs])).toEqual([
      [PY311, 'context-set-once', ['verdict', 'main']],
      [PY312, 'context-set-once', []],
      [PY311, 'general', []],
    ]);
    const first = view.rows[0]!;
    expect(first.method).toBe('spawn');
    expect(first.cells.get('multiprocessing')!.map((c) => c.verdict.kind)).toEqual(['pass']);
    expect(first.cells.get('tinypool')!.map(mainOutcome)).toEqual(['ok']);
    // the skipped tinypool case is shown but not compared
    expect(view.rows[2]!.cells.get('tinypool')!.map(mainOutcome)).toEqual(['(not run)']);
  });

  it('compares the labels both targets have; a label only one has is no disagreement', () => {
    const a = mk(PY311, 'multiprocessing', TWICE, EXPECT, obs([proc('main', 'ok'), proc('w0', 'ok')]), 'pass');
    const b = mk(PY311, 'tinypool', TWICE, EXPECT, obs([proc('main', 'ok'), proc('w1', 'exception:ValueError')]), 'pass');
    expect(differences(new Map([['multiprocessing', [a]], ['tinypool', [b]]]))).toEqual([]);
    // pool workers sharing a label: the same set of outcomes in another order agrees
    const c = mk(PY311, 'multiprocessing', TWICE, EXPECT, obs([proc('main', 'ok'), proc('w0', 'ok'), proc('w0', 'signal:SIGKILL')]), 'pass');
    const d = mk(PY311, 'tinypool', TWICE, EXPECT, obs([proc('main', 'ok'), proc('w0', 'signal:SIGKILL'), proc('w0', 'ok')]), 'pass');
    expect(differences(new Map([['multiprocessing', [c]], ['tinypool', [d]]]))).toEqual([]);
    const e = mk(PY311, 'tinypool', TWICE, EXPECT, obs([proc('main', 'ok'), proc('w0', 'ok')]), 'pass');
    expect(differences(new Map([['multiprocessing', [c]], ['tinypool', [e]]]))).toEqual(['w0']);
    // an expected label that was never observed is `absent`, and is compared
    const f = mk(PY311, 'tinypool', TWICE, EXPECT, obs([]), 'fail');
    expect(differences(new Map([['multiprocessing', [a]], ['tinypool', [f]]]))).toEqual(['verdict', 'main']);
  });

  it('embeds each row as indexes into the page cases, aligned with its target columns', () => {
    const report = { ...buildReport(cases()), targets: ['multiprocessing', 'tinypool'] };
    const view = scenarioView(report);
    const data = pageData(report, buildMatrix(report), ruleSections(report).byRule, stubRenderRepro, view);
    expect(data.scenTargets.map((t) => data.targets[t])).toEqual(['multiprocessing', 'tinypool']);
    expect(data.scens).toHaveLength(3);
    const row = data.scens[0]!;
    expect(row.d).toEqual(['verdict', 'main']);
    expect(data.interpreters[row.p]!.path).toBe(PY311);
    expect(row.x.map((ids) => ids.map((i) => data.cases[i]!.id))).toEqual([[report.cases[0]!.id], [report.cases[1]!.id]]);
    expect(data.families[row.f]).toBe('context-set-once');
  });

  it('the page has the section, linked from the table of contents; a single-target run says there is nothing to compare', () => {
    const html = indexHtml({ ...buildReport(cases()), targets: ['multiprocessing', 'tinypool'] });
    expect(html).toContain('<h2 id="by-scenario">By scenario</h2>');
    expect(html).toContain('<a href="#by-scenario">By scenario</a>');
    expect(html).toContain('<div id="scen-list">');
    expect(html).toContain('3; 1 where the targets disagree');
    const single = indexHtml(buildReport(cases().filter((c) => c.target === 'multiprocessing')));
    expect(single).toContain('id="scen-none"');
    expect(single).not.toContain('id="scen-list"');
  });

  it('escapes target names in the static part (a report.json may hold anything)', () => {
    const text = scenarioSection({ targets: ['multiprocessing', XSS], rows: [{ python: PY311, hash: '0', family: 'f', method: 'spawn', cells: new Map(), differs: [] }] });
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('stays fast at 10,000 cases', async () => {
    const { syntheticReport } = await import('./synthetic.js');
    const report = syntheticReport(10_000);
    const t0 = performance.now();
    const view = scenarioView(report);
    const ms = performance.now() - t0;
    // every synthetic scenario runs on several targets (some repeat: they share a row), so every case is in one row
    expect(view.rows.reduce((k, r) => k + [...r.cells.values()].reduce((j, cs) => j + cs.length, 0), 0)).toBe(report.cases.length);
    expect(view.rows.length).toBeGreaterThan(1000);
    expect(view.targets).toHaveLength(7);
    expect(ms).toBeLessThan(5_000);
  });
});
