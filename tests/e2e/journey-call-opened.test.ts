/**
 * A call for projects opens (the phases job): a resident of its neighbourhood sees it in their feed
 * with the reason, finds it under the bell, and follows the link to the call. French and English,
 * axe on every page reached.
 */
import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createTerritory, createUser } from '../helpers/factories.js';
import { createCallFixture } from '../integration/calls.fixtures.js';
import { calls } from '../../src/modules/calls/calls.tables.js';
import { runPhaseTick } from '../../src/modules/calls/calls.service.js';

const h = useBrowserHarness();
const SHOTS = '/tmp/shots/opened';

describe.each(JOURNEY_LOCALES)('call opened journey (%s)', (lang, locale, t) => {
  it('a resident sees the new call in the feed and under the bell, and opens it', async () => {
    // A neighbourhood of its own: on a shared PostgreSQL, other files open calls in the pilot ones.
    const home = await createTerritory(h.ctx, { kind: 'neighbourhood', nameFr: `Quartier des ruelles ${lang}`, nameEn: `Alleys neighbourhood ${lang}` });
    const caisse = await createCaisse(h.ctx, { territoryIds: [home.id], name: `Caisse des ruelles ${lang}` });
    const resident = await createUser(h.ctx, { territoryId: home.id, locale: lang });
    const call = await createCallFixture(h.ctx, { caisseId: caisse.id, territoryIds: [home.id], phase: 'draft' });
    await h.ctx.database.db.update(calls).set({ publishedAt: new Date(Date.now() - 60_000) }).where(eq(calls.id, call.id));
    await runPhaseTick({ db: h.ctx.database.db });
    const title = `Appel ${call.slug}`;

    const { context, page } = await newPage(h.browser, { locale });
    await signInAs(h, page, resident.email, t);
    await page.goto(`${h.baseUrl}/fil`);
    const item = page.getByRole('link', { name: t('social.feed.kind.call_opened', { title }) });
    await expect.poll(() => item.count()).toBe(1);
    const card = page.locator('li.feed-card', { has: item });
    expect(await card.locator('.feed-why').textContent()).toContain(lang === 'fr' ? 'Quartier des ruelles fr' : 'Alleys neighbourhood en');
    await expectAccessible(page, 'feed with a new call');
    if (process.env.SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await card.screenshot({ path: `${SHOTS}/feed-call-${lang}.png` });
    }

    // The bell counts it; the centre says it in the resident's language and leads to the call.
    expect(await page.locator('[data-live-notifications-count]').textContent()).toBe('1');
    await page.locator('[data-live-notifications]').click();
    await page.waitForURL('**/notifications');
    const note = page.getByRole('link', { name: t('notifications.kind.call.opened', { subjectTitle: title, caisseName: caisse.name }) });
    await expect.poll(() => note.count()).toBe(1);
    await expectAccessible(page, 'notification centre with a new call');

    await page.goto(`${h.baseUrl}/fil`);
    await item.click();
    await page.waitForURL(`**/appels/${call.slug}`);
    expect(await page.textContent('h1')).toBe(title);
    await expectAccessible(page, 'the call opened from the feed');
    await context.close();
  });
});
