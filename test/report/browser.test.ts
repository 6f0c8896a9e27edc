import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.js';
import { buildCases, buildReport, INTERPRETERS, MATRIX_ROWS, XSS } from './fixtures.js';
import { timePage } from './page-timing.js';
import { SCRIPT_BREAKER, syntheticReport } from './synthetic.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/mpconform-report.png';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!haveChromium)(`index.html in headless ${CHROMIUM}`, () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpconform-html-test-'));
    await writeReports(buildReport(), dir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders the matrix: rows = family × start method, one column per interpreter', async () => {
    expect(await page.title()).toBe('mpconform run-2025-01-01-abc');
    expect(await page.locator('table.matrix tbody tr').count()).toBe(MATRIX_ROWS.length);
    expect(await page.locator('table.matrix td.cell').count()).toBe(MATRIX_ROWS.length * INTERPRETERS.length);
    expect(await page.locator('table.matrix thead th').count()).toBe(2 + INTERPRETERS.length);
    const head = await page.locator('table.matrix thead').innerText();
    for (const i of INTERPRETERS) expect(head).toContain(i.path);
    // the context-set-once row on PyPy is a failure, shown in colour and in text
    const row = page.locator('table.matrix tbody tr', { hasText: 'context-set-once' });
    const pypyCell = row.locator('td.cell').nth(2);
    expect(await pypyCell.getAttribute('class')).toContain('v-fail');
    expect(await pypyCell.innerText()).toMatch(/fail\s+1 fail/);
    expect(errors).toEqual([]);
  });

  it('links a cell to its case list, and cases expand', async () => {
    const row = page.locator('table.matrix tbody tr', { hasText: 'bootstrapping' });
    const link = row.locator('td.cell').nth(1).locator('a');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#list-\d+-1$/);
    await link.click();
    const section = page.locator(href!);
    await expect.poll(() => section.isVisible()).toBe(true);
    const details = section.locator('details.case').first();
    await details.locator('summary').first().click();
    expect(await details.getAttribute('open')).not.toBeNull();
    expect(await details.locator('a[href^="repro/"]').count()).toBe(1);
  });

  it('shows a <script> in stderr as text, and nothing ran or loaded', async () => {
    const pre = page.locator('pre.stderr', { hasText: 'alert(1)' });
    expect(await pre.count()).toBe(1);
    expect(await pre.innerText()).toContain(XSS);
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('filters by verdict and by target, recounting the cells', async () => {
    const visible = () => page.locator('details.case:visible').count();
    expect(await visible()).toBe(14);
    await page.locator('input.f-verdict[value="pass"]').uncheck();
    expect(await visible()).toBe(7);
    expect(await page.locator('#shown').innerText()).toBe('7 of 14 cases shown');
    const generalRow = page.locator('table.matrix tbody tr', { hasText: 'general' });
    expect(await generalRow.locator('td.cell.v-pass').count()).toBe(0);
    await page.locator('#f-target').selectOption('concurrent.futures');
    expect(await visible()).toBe(3);
    await page.locator('input.f-verdict[value="pass"]').check();
    await page.locator('#f-target').selectOption('');
    expect(await visible()).toBe(14);
  });

  it('parses junit.xml as XML in the browser too', async () => {
    const xml = await readFile(join(dir, 'junit.xml'), 'utf8');
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.getElementsByTagName('parsererror').length, cases: doc.getElementsByTagName('testcase').length };
    }, xml);
    expect(result).toEqual({ error: 0, cases: 14 });
  });

  it('takes a screenshot for a human to look at', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});

/** The written report.json, typed loosely: the counts the page shows must be these. */
interface WrittenJson {
  cases: { id: string; python: string; target: string; family: string; verdict: { kind: string }; expectation: { rules: string[] } }[];
  interpreters: { path: string }[];
  byRule: { columns: { python: string; target: string }[]; rows: { rule: { id: string }; brokenEverywhere: boolean; cells: ({ conform: number; depart: number } | null)[] }[] };
}

const BREAKER = 'RuntimeError: </script><script>document.title="pwned";alert(2)</script><b>bold</b>';

describe.skipIf(!haveChromium)('index.html filters, counts, case view and keys (headless Chromium)', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  let json: WrittenJson;
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpconform-html-filters-'));
    const cases = buildCases().map((c, i) => (i === 4 && c.observation
      ? { ...c, observation: { ...c.observation, stderr: { ...c.observation.stderr, head: `${c.observation.stderr.head}\n${BREAKER}\n`, totalBytes: c.observation.stderr.totalBytes + 200 } } }
      : c));
    await writeReports(buildReport(cases), dir, { renderRepro: (c) => `import multiprocessing as mp\n# program of ${c.id}\n` });
    json = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as WrittenJson;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const visible = () => page.locator('#case-list details.case:visible').count();
  const count = (pred: (c: WrittenJson['cases'][number]) => boolean) => json.cases.filter(pred).length;
  const reset = async () => {
    for (const id of ['#f-python', '#f-target', '#f-family', '#f-rule']) await page.locator(id).selectOption('');
    for (const b of await page.locator('input.f-verdict').all()) await b.check();
  };

  it('has the rule matrix rows of report.json, each cell counting what report.json counts', async () => {
    const rows = page.locator('#rule-matrix tbody tr');
    expect(await rows.count()).toBe(json.byRule.rows.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule')))).toEqual(json.byRule.rows.map((r) => r.rule.id));
    expect(await page.locator('#rule-matrix tbody tr:first-child td.rcell').count()).toBe(json.byRule.columns.length);
    for (const [ri, r] of json.byRule.rows.entries()) {
      for (const [ci, cell] of r.cells.entries()) {
        const td = page.locator(`#rule-matrix td.rcell[data-row="${ri}"][data-col="${ci}"]`);
        if (cell === null) expect(await td.innerText()).toBe('—');
        else expect(await td.locator('.counts').innerText()).toBe(`${cell.conform} ✓${cell.depart ? ` · ${cell.depart} ✗` : ''}`);
      }
    }
    // set-start-method-once departs on PyPy only: a departing row, not a broken-everywhere one
    const once = page.locator('#rule-matrix tr[data-rule="set-start-method-once"]');
    expect(await once.getAttribute('class')).toBe('departs');
    expect(await once.locator('td.rcell.v-fail').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('filters by interpreter, target, family, rule and verdict; every count matches report.json', async () => {
    await reset();
    expect(await visible()).toBe(json.cases.length);
    const py = json.interpreters[1]!.path;
    await page.locator('#f-python').selectOption('1');
    expect(await visible()).toBe(count((c) => c.python === py));
    expect(await page.locator('#shown').innerText()).toBe(`${count((c) => c.python === py)} of ${json.cases.length} cases shown`);
    await page.locator('#f-target').selectOption('multiprocessing');
    expect(await visible()).toBe(count((c) => c.python === py && c.target === 'multiprocessing'));
    await reset();
    const families = [...new Set(json.cases.map((c) => c.family))].sort();
    const fi = families.indexOf('semlock');
    await page.locator('#f-family').selectOption(String(fi));
    expect(await visible()).toBe(count((c) => c.family === 'semlock'));
    for (const kind of ['pass', 'fail', 'flaky', 'expected-fail', 'unexpected-pass', 'skipped', 'unspecified']) {
      expect(await page.locator(`span.n[data-v="${kind}"]`).innerText(), kind).toBe(String(count((c) => c.family === 'semlock' && c.verdict.kind === kind)));
    }
    await reset();
    const ri = json.byRule.rows.findIndex((r) => r.rule.id === 'spawn-bootstrap-guard');
    await page.locator('#f-rule').selectOption(String(ri));
    const ruleCases = count((c) => c.expectation.rules.includes('spawn-bootstrap-guard') && !['skipped', 'unspecified'].includes(c.verdict.kind));
    expect(ruleCases).toBeGreaterThan(0);
    expect(await visible()).toBe(ruleCases);
    await page.locator('input.f-verdict[value="pass"]').uncheck();
    expect(await visible()).toBe(count((c) => c.expectation.rules.includes('spawn-bootstrap-guard') && c.verdict.kind === 'fail'));
    await reset();
  });

  it('a rule cell shows its own cases: interpreter, target and rule set at once', async () => {
    await reset();
    const ri = json.byRule.rows.findIndex((r) => r.rule.id === 'set-start-method-once');
    const ci = json.byRule.rows[ri]!.cells.findIndex((c) => c !== null && c.depart > 0);
    await page.locator(`#rule-matrix td.rcell[data-row="${ri}"][data-col="${ci}"] a`).click();
    const col = json.byRule.columns[ci]!;
    const expected = count((c) => c.python === col.python && c.target === col.target && c.expectation.rules.includes('set-start-method-once') && !['skipped', 'unspecified'].includes(c.verdict.kind));
    expect(await visible()).toBe(expected);
    expect(await page.locator('#f-rule').inputValue()).toBe(String(ri));
    await reset();
  });

  it('shows a stderr line with </script><script> as text, in the case view with program, processes and replay command', async () => {
    await reset();
    const pre = page.locator('pre.stderr', { hasText: 'document.title' });
    expect(await pre.count()).toBe(1);
    const caseView = page.locator('details.case', { has: pre });
    await caseView.locator('summary').first().click();
    expect(await caseView.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await pre.innerText()).toContain(BREAKER);
    expect(await pre.locator('script, b').count()).toBe(0);
    expect(await page.title()).toBe('mpconform run-2025-01-01-abc');
    expect(dialogs).toEqual([]);
    const view = page.locator('details.case', { has: pre });
    expect(await view.locator('table.procs td').allInnerTexts()).toContain('exception:ValueError');
    expect(await view.locator('pre.program').innerText()).toContain('import multiprocessing as mp');
    expect(await view.locator('dd.mono', { hasText: 'mpconform replay report.json --case' }).count()).toBe(1);
    expect(await view.locator('a[href^="repro/"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('is keyboard navigable: j/k move between cases, Enter opens, Escape closes, / goes to the filters', async () => {
    await reset();
    await page.locator('h1').click();
    await page.keyboard.press('j');
    const first = await page.evaluate(() => document.activeElement?.parentElement?.id ?? '');
    expect(first).toMatch(/^case-/);
    await page.keyboard.press('j');
    const second = await page.evaluate(() => document.activeElement?.parentElement?.id ?? '');
    expect(second).not.toBe(first);
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.parentElement?.id ?? '')).toBe(first);
    const wasOpen = await page.locator(`[id="${first}"]`).evaluate((d) => (d as HTMLDetailsElement).open);
    await page.keyboard.press('Enter');
    expect(await page.locator(`[id="${first}"]`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(!wasOpen);
    await page.keyboard.press('Escape');
    expect(await page.locator(`[id="${first}"]`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-python');
  });
});

describe.skipIf(!haveChromium)('a 3,000-case synthetic report in headless Chromium', () => {
  it('loads with nothing fetched, lists a first page, and its counts match the report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpconform-html-synth-'));
    try {
      const report = syntheticReport(3000);
      await writeReports(report, dir);
      const [t] = await timePage(join(dir, 'index.html'), 1);
      expect(t!.errors).toEqual([]);
      expect(t!.requests).toEqual([]);
      expect(t!.shown).toBe('3000 of 3000 cases shown');
      expect(t!.listed).toBeGreaterThan(0);
      expect(t!.listed).toBeLessThan(1000);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(dir, 'index.html')).href);
        await page.locator('#f-python').selectOption('2');
        await page.locator('#f-target').selectOption('billiard');
        const n = report.cases.filter((c) => c.python === report.interpreters[2]!.path && c.target === 'billiard').length;
        expect(await page.locator('#shown').innerText()).toBe(`${n} of 3000 cases shown`);
        expect(await page.locator('#case-list details.case:visible').count()).toBe(n);
        expect(await page.title()).toBe('mpconform synthetic');
        const pre = page.locator('pre.stderr', { hasText: 'pwned' });
        if (await pre.count() > 0) expect(await pre.first().innerText()).toContain(SCRIPT_BREAKER);
      } finally {
        await browser.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
