/**
 * Looking at a page: `npx tsx tests/helpers/screenshot.ts http://localhost:3111/ /tmp/home.png [width]`
 * (Debian's Chromium through playwright-core; open the PNG afterwards).
 */
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

if (process.argv[1]?.endsWith('screenshot.ts')) {
  const [url = 'http://localhost:3000/', out = '/tmp/page.png', width = '1280'] = process.argv.slice(2);
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: Number(width), height: 900 } })).newPage();
  await page.goto(url);
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
  console.log(`saved ${out}`);
}
