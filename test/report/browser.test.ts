import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.js';
import { buildReport, INTERPRETERS, MATRIX_ROWS, XSS } from './fixtures.js';

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
