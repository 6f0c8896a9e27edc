import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InterpreterFacts } from '../../src/model/facts.js';
import type { CaseResult } from '../../src/model/report.js';
import { diffReports, diffText, pairInterpreters } from '../../src/report/diff.js';
import { diffHtml } from '../../src/report/diff-html.js';
import { writeReports } from '../../src/report/index.js';
import { canonicalJson, scenarioHash } from '../../src/report/scenario-hash.js';
import { main } from '../../src/cli/main.js';
import { buildCases, buildReport, INTERPRETERS, PY311, PY312, XSS } from './fixtures.js';

const facts = (version: string, impl: 'cpython' | 'pypy' = 'cpython'): InterpreterFacts => ({
  ...INTERPRETERS[0]!, implementation: impl, version, versionInfo: version.split('.').map(Number) as [number, number, number], path: `/py/${impl}${version}`, executable: `/py/${impl}${version}`,
});

describe('scenario identity', () => {
  it('ignores key order and the corpus name, and nothing else', () => {
    const s = buildCases()[0]!.scenario;
    const reordered = JSON.parse(canonicalJson({ steps: s.steps, version: 1 })) as typeof s;
    expect(scenarioHash(reordered)).toBe(scenarioHash(s));
    expect(scenarioHash({ ...s, name: 'other' })).toBe(scenarioHash(s));
    expect(scenarioHash({ ...s, steps: s.steps.slice(1) })).not.toBe(scenarioHash(s));
  });
});

describe('pairing interpreters', () => {
  it('pairs the same version, then the same minor (closest patch), then the last one of an implementation on each side', () => {
    const r = pairInterpreters([facts('3.12.1'), facts('3.13.0'), facts('3.9.18', 'pypy')], [facts('3.13.15'), facts('3.13.1'), facts('3.12.1'), facts('3.10.14', 'pypy')]);
    expect(r.pairs.map((p) => `${p.baseName}->${p.newName}:${p.how}`)).toEqual([
      'CPython 3.12.1->CPython 3.12.1:exact', 'CPython 3.13.0->CPython 3.13.1:minor', 'PyPy 3.9.18->PyPy 3.10.14:only',
    ]);
    expect(r.unpairedNew).toEqual(['/py/cpython3.13.15']);
  });

  it('pairs two single-interpreter runs of different minors, and follows --map', () => {
    expect(pairInterpreters([facts('3.12.1')], [facts('3.13.0')]).pairs[0]?.how).toBe('only');
    const m = pairInterpreters([facts('3.12.1'), facts('3.13.0')], [facts('3.13.0'), facts('3.12.1')], [['3.12.1', '3.13.0'], ['3.13.0', '3.12.1']]);
    expect(m.pairs.map((p) => `${p.baseName}->${p.newName}:${p.how}`)).toEqual(['CPython 3.12.1->CPython 3.13.0:mapped', 'CPython 3.13.0->CPython 3.12.1:mapped']);
  });
});

/** The fixture with other case ids (as another sampling would give) and some results changed. */
function changed(): CaseResult[] {
  return buildCases().map((c, i) => {
    const id = `renamed-${i}@${c.id.split('@')[1]}`;
    if (i === 0) return { ...c, id, verdict: { kind: 'fail' as const, reason: null, mismatches: [{ label: 'main', expected: ['context-already-set'], observed: 'ok', rules: ['set-start-method-once'] }] } };
    if (i === 2) return { ...c, id, verdict: { kind: 'pass' as const, reason: null, mismatches: [] } };
    if (i === 11) return { ...c, id, observation: { ...c.observation!, processes: [{ ...c.observation!.processes[0]!, outcome: 'exception:OSError' as const }] } };
    return { ...c, id };
  }).filter((_, i) => i !== 12).concat([{ ...buildCases()[12]!, id: 'new-one', scenario: { version: 1, steps: [] } }]);
}

describe('diffReports', () => {
  const d = diffReports(buildReport(), buildReport(changed()));

  it('matches cases by scenario, not id, and classifies every change', () => {
    expect(d.pairs.every((p) => p.how === 'exact')).toBe(true);
    expect(d.counts).toEqual({ 'newly-failing': 1, 'appeared-failing': 0, 'newly-passing': 1, changed: 1, appeared: 1, vanished: 1 });
    expect(d.newFailures).toBe(1);
    const nf = d.cases.find((c) => c.kind === 'newly-failing')!;
    expect(nf.base?.id).toBe(buildCases()[0]!.id);
    expect(nf.new?.id).toBe('renamed-0@3.11.4/multiprocessing');
    expect(d.cases.find((c) => c.kind === 'changed')?.what).toEqual(['observed main=ok → main=exception:OSError']);
  });

  it('lists the rules that newly depart or no longer depart, each with a case', () => {
    expect(d.rules.map((r) => `${r.kind} ${r.rule.id} ${d.pairs[r.pair]!.baseName} ${r.target} ${r.example?.id}`)).toEqual([
      `newly-departing set-start-method-once CPython 3.11.4 multiprocessing renamed-0@3.11.4/multiprocessing`,
      `no-longer-departing set-start-method-once PyPy 3.9.18 multiprocessing renamed-2@3.9.18/multiprocessing`,
    ]);
  });

  it('prints text and an escaped, script-free HTML page', () => {
    const text = diffText(d);
    expect(text).toContain('1 newly-failing, 0 appeared-failing, 1 newly-passing, 1 changed, 1 appeared, 1 vanished');
    expect(text).toContain('NEW FAILURES: 1');
    const nasty = changed().map((c, i) => (i === 0 ? { ...c, verdict: { ...c.verdict, mismatches: [{ label: 'main', expected: [XSS], observed: XSS, rules: [] }] } } : c));
    const html = diffHtml(diffReports(buildReport(), buildReport(nasty)), '/tmp/diff.html');
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('an identical run has no changes and no new failures', () => {
    const same = diffReports(buildReport(), buildReport());
    expect(same.cases).toEqual([]);
    expect(same.rules).toEqual([]);
    expect(same.matched).toBe(14);
  });
});

describe('mpconform diff', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpconform-diff-test-'));
    await writeReports(buildReport(), join(dir, 'base'));
    await writeReports(buildReport(changed()), join(dir, 'new'));
    await writeReports(buildReport(changed().filter((c) => !c.id.startsWith('renamed-0@'))), join(dir, 'fixed'));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((t) => { out.push(String(t)); return true; });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((t) => { out.push(String(t)); return true; });
    try { return { code: await main(['diff', ...argv]), out: out.join('') }; } finally { spy.mockRestore(); err.mockRestore(); }
  };

  it('exits 1 on new failures, writes the HTML page, and names the repro', async () => {
    const r = await run(join(dir, 'base', 'report.json'), join(dir, 'new', 'report.json'), '--html', join(dir, 'diff.html'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('newly-failing (1)');
    expect(r.out).toContain(join(dir, 'new', 'repro', 'renamed-0_3.11.4_multiprocessing.py'));
    const html = await readFile(join(dir, 'diff.html'), 'utf8');
    expect(html).toContain('href="new/repro/renamed-0_3.11.4_multiprocessing.py"');
  });

  it('exits 0 when nothing newly fails (newly passing and vanished do not fail it)', async () => {
    const r = await run(join(dir, 'base', 'report.json'), join(dir, 'fixed', 'report.json'), '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { newFailures: number; counts: Record<string, number> }).counts['newly-passing']).toBe(1);
  });

  it('has --help, and exits 2 on bad usage or a bad report', async () => {
    expect((await run('--help')).out).toContain('usage: mpconform diff BASE.json NEW.json');
    expect((await run(join(dir, 'base', 'report.json'))).code).toBe(2);
    expect((await run('a.json', 'b.json', '--map', 'nope')).code).toBe(2);
    await writeFile(join(dir, 'bad.json'), '{}');
    const bad = await run(join(dir, 'base', 'report.json'), join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('bad.json: not a valid mpconform report');
  });
});

void PY311; void PY312;
