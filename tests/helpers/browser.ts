import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { createTestApp, type TestContext } from './test-app.js';
import { launchChromium } from './screenshot.js';
import { seedReferenceData } from '../../src/seed/seed.js';
import type { Config } from '../../src/config.js';
import { PASSWORD } from './factories.js';
import { translator, type Locale, type T } from '../../src/platform/i18n/i18n.js';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type BrowserHarness = { ctx: TestContext; baseUrl: string; browser: Browser; close(): Promise<void> };

/** The real app listening on a random loopback port, plus Debian's Chromium. */
export async function startBrowserHarness(overrides: Partial<Config> = {}): Promise<BrowserHarness> {
  const ctx = await createTestApp(overrides);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (ctx.app.server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  ctx.config.publicUrl = baseUrl;
  const browser = await launchChromium();
  return {
    ctx,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await ctx.close();
    },
  };
}

/**
 * The pilot territories and caisses (`seedReferenceData`), inserted once per database: PostgreSQL is
 * shared by concurrent files. Not the seed's `ensureReferenceData`, which is the app's start-up
 * upkeep (a v1 charter for every caisse): journeys that need charters seed them themselves.
 */
export async function ensurePilotTerritories(ctx: TestContext): Promise<void> {
  const rows = await ctx.database.query<{ n: number }>("SELECT count(*)::int AS n FROM territories WHERE slug = 'plateau-mont-royal'");
  if ((rows[0]?.n ?? 0) === 0) {
    try {
      await seedReferenceData(ctx.app.deps);
    } catch {
      // another file seeded it at the same moment
    }
  }
}

/**
 * The file's browser harness, started in `beforeAll` (pilot territories ensured) and closed in
 * `afterAll`. Returns a stand-in whose `ctx`, `baseUrl` and `browser` read the running harness, so
 * `h.ctx` works in tests and hooks; reading them outside (at collection time) throws.
 */
export function useBrowserHarness(overrides: Partial<Config> = {}): Omit<BrowserHarness, 'close'> {
  // A journey drives a real browser through many pages; on a loaded 2-core machine (CI runs both
  // database passes side by side) a long one takes minutes, so every journey gets the same budget.
  vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness(overrides);
    await ensurePilotTerritories(harness.ctx);
  });
  afterAll(async () => {
    await harness?.close();
    harness = undefined;
  });
  const running = (): BrowserHarness => {
    if (!harness) throw new Error('the browser harness runs only inside tests and hooks (useBrowserHarness)');
    return harness;
  };
  return {
    get ctx() {
      return running().ctx;
    },
    get baseUrl() {
      return running().baseUrl;
    },
    get browser() {
      return running().browser;
    },
  };
}

/** `[lang, browser locale, translator]`: one row per language a journey runs in. */
export type JourneyLocale = readonly [lang: Locale, locale: `${Locale}-CA`, t: T];

/** Every journey runs in French and English: `describe.each(JOURNEY_LOCALES)('x journey (%s)', (lang, locale, t) => …)`. */
export const JOURNEY_LOCALES: readonly JourneyLocale[] = [
  ['fr', 'fr-CA', translator('fr')],
  ['en', 'en-CA', translator('en')],
];

export async function newPage(browser: Browser, opts: { locale?: string; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'fr-CA', viewport: { width: opts.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

/** Zero axe violations for the WCAG 2.2 AA tags, with a readable failure message. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** A label's accessible name may end with "(required)" or a hint: match its start. */
export const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** A link of the main navigation, "More" opened first when the entry is folded under it (wide screens). */
export async function mainNavLink(page: Page, t: T, name: string): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: t('layout.mainNav') });
  const link = nav.getByRole('link', { name, exact: true });
  const more = nav.locator('summary.nav-more-button');
  if (!(await link.isVisible()) && (await more.isVisible())) await more.click();
  return link;
}

/** Signs in through the form, as a person does, and waits for their page. */
export async function signInAs(h: Pick<BrowserHarness, 'baseUrl'>, page: Page, email: string, t: (key: string) => string): Promise<void> {
  await page.goto(`${h.baseUrl}/connexion`);
  await page.getByLabel(startsWith(t('auth.fields.email'))).fill(email);
  await page.getByLabel(startsWith(t('auth.fields.password'))).fill(PASSWORD);
  await page.getByRole('button', { name: t('auth.login.submit') }).click();
  await page.waitForURL('**/moi');
}

/**
 * Keyboard only: presses Tab until `target` has the focus (as someone without a mouse would), and
 * fails when it cannot be reached in `max` presses.
 */
export async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${String(target)} cannot be reached with the Tab key in ${max} presses`);
}
