/**
 * Largest Contentful Paint of a page on a throttled phone: Chromium (playwright-core), 390 × 844,
 * CPU slowed 4× through the DevTools protocol, cache cold, median of N runs.
 * `npx tsx bench/lcp.ts http://localhost:3000/projets/<id> [runs]` (docs/performance.md).
 */
import { chromium } from 'playwright-core';

const [url = 'http://localhost:3000/', runsArg = '7'] = process.argv.slice(2);
const runs = Number(runsArg);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const results: { lcp: number; element: string; fcp: number }[] = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'fr-CA' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: { t: number; el: string } };
    w.__lcp = { t: 0, el: '' };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) w.__lcp = { t: e.startTime, el: e.element ? `${e.element.tagName.toLowerCase()}.${e.element.className}` : '' };
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => {
    const w = window as unknown as { __lcp: { t: number; el: string } };
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    return { lcp: w.__lcp.t, element: w.__lcp.el, fcp };
  });
  results.push(r);
  await context.close();
}
await browser.close();
const sorted = [...results].sort((a, b) => a.lcp - b.lcp);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(JSON.stringify({ url, runs, medianLcpMs: Math.round(median.lcp), medianFcpMs: Math.round([...results].sort((a, b) => a.fcp - b.fcp)[Math.floor(results.length / 2)]!.fcp), element: median.element, all: results.map((r) => Math.round(r.lcp)) }));
