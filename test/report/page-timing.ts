/**
 * Loads a report page in headless Chromium (Debian's /usr/bin/chromium through playwright-core)
 * and reads the browser's own timings: first paint, first contentful paint, DOMContentLoaded and
 * load, all in ms from navigation start. Used by the browser test and by `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Browser timings of one load. */
export interface PageTiming {
  readonly firstPaintMs: number | null;
  readonly firstContentfulPaintMs: number | null;
  readonly domContentLoadedMs: number;
  readonly loadMs: number;
  /** `#shown` after load: the script ran and counted. */
  readonly shown: string;
  /** Case entries in the DOM after load (the first page of the list). */
  readonly listed: number;
  readonly errors: readonly string[];
  readonly requests: readonly string[];
}

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Loads `file` `times` times in fresh pages of one browser; returns each load's timings. */
export async function timePage(file: string, times = 3): Promise<PageTiming[]> {
  const browser = await launchChromium();
  try {
    const out: PageTiming[] = [];
    for (let i = 0; i < times; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
      // paint entries are queued after the frame that produced them
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const t = await page.evaluate(() => {
        const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          fp: paint['first-paint'] ?? null, fcp: paint['first-contentful-paint'] ?? null, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          shown: document.getElementById('shown')?.textContent ?? '', listed: document.querySelectorAll('details.case').length,
        };
      });
      out.push({ firstPaintMs: t.fp, firstContentfulPaintMs: t.fcp, domContentLoadedMs: t.dcl, loadMs: t.load, shown: t.shown, listed: t.listed, errors, requests });
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
