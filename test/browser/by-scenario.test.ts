/**
 * index.html's "By scenario" view in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core, as test/report/browser.test.ts): targets side by side per scenario, disagreeing
 * rows first and marked, cells linking to their case, the page's filters applied, text from a
 * process shown as text, and a 10,000-case report listed in pages.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Expectation } from '../../src/model/expectation.js';
import type { Observation, ProcessObservation } from '../../src/model/observation.js';
import type { CaseResult } from '../../src/model/report.js';
import type { Verdict } from '../../src/model/verdict.js';
import type { Scenario } from '../../src/scenario/types.js';
import { writeReports } from '../../src/report/index.js';
import { buildReport, PY311, PY312 } from '../report/fixtures.js';
import { CHROMIUM, haveChromium, launchChromium } from '../report/page-timing.js';
import { syntheticReport } from '../report/synthetic.js';

const present = haveChromium();
if (!present) console.warn(`browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

const TWICE: Scenario = { version: 1, steps: [
  { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
  { op: 'set-start-method', at: 'main', method: 'fork', force: false },
] };
const PLAIN: Scenario = { version: 1, steps: [{ op: 'get-start-method', at: 'main', allowNone: true }] };
const EXPECT: Expectation = { processes: [{ label: 'main', kind: 'outcomes', accept: ['context-already-set'], rules: ['set-start-method-once'] }], notes: {}, rules: ['set-start-method-once'] };
const OK: Expectation = { processes: [{ label: 'main', kind: 'outcomes', accept: ['ok'], rules: [] }], notes: {}, rules: [] };
/** An exception type name a process could print: it must show as text. */
const NASTY = 'exception:<img src=x onerror=alert(3)>' as ProcessObservation['outcome'];
/** A target name only a hand-edited report.json could hold: escaped too. */
const ODD = 'lib<b>odd</b>';

function proc(label: ProcessObservation['label'], outcome: ProcessObservation['outcome']): ProcessObservation {
  return { label, role: 'main', name: label, pid: 1, ppid: 0, startMethod: 'spawn', outcome, exitcode: outcome === 'ok' ? 0 : 1, exception: null };
}
function obs(processes: ProcessObservation[]): Observation {
  return { end: { kind: 'exited', code: 0 }, processes, notes: {}, stdout: { head: '', tail: '', omittedBytes: 0, totalBytes: 0 }, stderr: { head: '', tail: '', omittedBytes: 0, totalBytes: 0 }, durationMs: 10 };
}
let n = 0;
function mk(python: string, target: string, scenario: Scenario, expectation: Expectation, observation: Observation | null, kind: Verdict['kind'], family: string): CaseResult {
  return { id: `${family}-${n++}@${python === PY311 ? '3.11.4' : '3.12.7'}/${target}`, family, target, python, scenario, expectation, observation,
    verdict: { kind, reason: kind === 'skipped' ? 'lacks it' : null, mismatches: [] }, durationMs: 5, repro: null, failureRate: null, minimal: null };
}

/** Rows: TWICE on 3.11 disagrees (main ok on ODD), TWICE on 3.12 agrees, PLAIN on 3.11 agrees (ODD skipped), PLAIN on 3.12 disagrees (NASTY). */
function cases(): CaseResult[] {
  n = 0;
  return [
    mk(PY311, 'multiprocessing', TWICE, EXPECT, obs([proc('main', 'context-already-set')]), 'pass', 'context-set-once'),
    mk(PY311, ODD, TWICE, EXPECT, obs([proc('main', 'ok')]), 'fail', 'context-set-once'),
    mk(PY312, 'multiprocessing', TWICE, EXPECT, obs([proc('main', 'context-already-set')]), 'pass', 'context-set-once'),
    mk(PY312, ODD, TWICE, EXPECT, obs([proc('main', 'context-already-set')]), 'pass', 'context-set-once'),
    mk(PY311, 'multiprocessing', PLAIN, OK, obs([proc('main', 'ok')]), 'pass', 'general'),
    mk(PY311, ODD, PLAIN, OK, null, 'skipped', 'general'),
    mk(PY312, 'multiprocessing', PLAIN, OK, obs([proc('main', 'ok')]), 'pass', 'general'),
    mk(PY312, ODD, PLAIN, OK, obs([proc('main', NASTY)]), 'fail', 'general'),
  ];
}

describe.skipIf(!present)(`the By scenario view in headless ${CHROMIUM}`, () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpconform-by-scenario-'));
    await writeReports({ ...buildReport(cases()), targets: ['multiprocessing', ODD] }, dir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const rows = () => page.locator('#scen-table tbody tr');
  const reset = async () => {
    for (const id of ['#f-python', '#f-target', '#f-family', '#f-rule']) await page.locator(id).selectOption('');
    for (const b of await page.locator('input.f-verdict').all()) await b.check();
    await page.locator('#f-disagree').uncheck();
  };

  it('shows one row per scenario and interpreter, targets in adjacent columns, disagreements first and marked', async () => {
    expect(await page.locator('#scen-table thead th').allInnerTexts()).toEqual(['interpreter', 'scenario', 'multiprocessing', ODD, 'targets']);
    expect(await rows().count()).toBe(4);
    expect(await rows().evaluateAll((trs) => trs.map((tr) => tr.className))).toEqual(['disagree', 'disagree', 'agree', 'agree']);
    const first = rows().nth(0);
    expect(await first.locator('th').innerText()).toBe('CPython 3.11.4');
    expect(await first.locator('td.scell').nth(0).innerText()).toMatch(/^pass\s+main: context-already-set$/);
    expect(await first.locator('td.scell').nth(1).innerText()).toMatch(/^fail\s+main: ok$/);
    expect(await first.locator('td.differs').innerText()).toBe('differs: verdict, main');
    expect(await first.locator('td.scell a.v-fail').count()).toBe(1);
    // the skipped case is shown, not compared: its row agrees
    const plain = page.locator('#scen-table tbody tr.agree', { hasText: 'general' });
    expect(await plain.locator('td.scell').nth(1).innerText()).toMatch(/^skipped\s+main: \(not run\)$/);
    expect(await page.locator('#scen-shown').innerText()).toBe('4 of 4 scenarios shown · 2 where the targets disagree');
    expect(errors).toEqual([]);
  });

  it('shows what a process printed, and odd target names, as text: nothing ran or loaded', async () => {
    const cell = page.locator('#scen-table td.scell', { hasText: 'onerror' });
    expect(await cell.innerText()).toContain(`main: ${NASTY}`);
    expect(await page.locator('#scen-table img, #scen-table b').count()).toBe(0);
    expect(await page.locator('#scen-table thead th').nth(3).innerText()).toBe(ODD);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('applies the page filters and its own: interpreter, target, family, verdict, disagreements only', async () => {
    await reset();
    await page.locator('#f-python').selectOption('1');
    expect(await rows().count()).toBe(2);
    expect(await rows().locator('th').allInnerTexts()).toEqual(['CPython 3.12.7', 'CPython 3.12.7']);
    await reset();
    const families = ['context-set-once', 'general'];
    await page.locator('#f-family').selectOption(String(families.indexOf('general')));
    expect(await rows().count()).toBe(2);
    await reset();
    // no fail and no skipped checked: only rows with a case of a checked verdict stay
    await page.locator('input.f-verdict[value="pass"]').uncheck();
    expect(await rows().count()).toBe(3);
    await reset();
    await page.locator('#f-disagree').check();
    expect(await rows().count()).toBe(2);
    expect(await page.locator('#scen-shown').innerText()).toBe('2 of 4 scenarios shown · 2 where the targets disagree');
    await reset();
    await page.locator('#f-target').selectOption(ODD);
    expect(await rows().count()).toBe(4);
    expect(await page.locator('#scen-table td.scell.chosen').count()).toBe(4);
    await reset();
  });

  it('a cell links to its case: the case list shows it open, clearing a filter that hid it', async () => {
    await reset();
    await page.locator('#f-target').selectOption('multiprocessing');
    const link = rows().nth(0).locator('td.scell').nth(1).locator('a');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#case-/);
    await link.click();
    const details = page.locator(`[id="${href!.slice(1)}"]`);
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open).catch(() => false)).toBe(true);
    expect(await page.locator('#f-target').inputValue()).toBe('');
    expect(await details.locator('summary').first().innerText()).toContain(ODD);
    // a second click on the same link (no hashchange) opens it again
    await details.evaluate((d) => { (d as HTMLDetailsElement).open = false; });
    await link.click();
    await expect.poll(() => page.locator(`[id="${href!.slice(1)}"]`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(errors).toEqual([]);
    await reset();
  });
});

describe.skipIf(!present)('the By scenario view of a 10,000-case report (headless Chromium)', () => {
  it('lists its rows in pages of 50, with a show-more button, and nothing fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpconform-by-scenario-10k-'));
    const browser = await launchChromium();
    try {
      await writeReports(syntheticReport(10_000), dir);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(dir, 'index.html')).href, { timeout: 120_000 });
      const total = Number(/of (\d+) scenarios/.exec(await page.locator('#scen-shown').innerText())?.[1]);
      expect(total).toBeGreaterThan(1000);
      expect(await page.locator('#scen-table tbody tr').count()).toBe(50);
      expect(await page.locator('#scen-table thead th').count()).toBe(2 + 7 + 1);
      const more = page.locator('#scen-more');
      expect(await more.innerText()).toBe(`show 50 more of ${total - 50} scenarios not listed yet`);
      await more.click();
      expect(await page.locator('#scen-table tbody tr').count()).toBe(100);
      await page.locator('#f-python').selectOption('2');
      expect(await page.locator('#scen-table tbody tr th').evaluateAll((ths) => new Set(ths.map((t) => t.textContent)).size)).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
