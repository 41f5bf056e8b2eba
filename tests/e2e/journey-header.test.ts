/**
 * The header keeps one row on wide screens whatever a person's roles: the navigation entries
 * beyond the row fold under "Plus" / "More", a disclosure that opens with the keyboard, closes with
 * Escape (focus back on its button) and marks itself when the current page is inside it. On a
 * phone the header stays 61 px high and the menu lists every entry flat. French and English, axe
 * with the menu open.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createTerritory, createUser } from '../helpers/factories.js';
import { rolesRepository } from '../../src/modules/admin/roles.repository.js';
import { navigationFor, splitNavigation } from '../../src/platform/views/nav.js';

const h = useBrowserHarness();

const headerHeight = (page: import('playwright-core').Page) => page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);

describe.each(JOURNEY_LOCALES)('header journey (%s)', (lang, locale, t) => {
  it('an admin who is also staff and moderator: one header row at 1024 and 1280 px, "More" by keyboard, flat on a phone', async () => {
    const territory = await createTerritory(h.ctx);
    const caisse = await createCaisse(h.ctx, { territoryIds: [territory.id] });
    const user = await createUser(h.ctx, { territoryId: territory.id, locale: lang, displayName: 'Marie-Ève Tremblay-Lefebvre', role: { role: 'admin' } });
    await rolesRepository.grant(h.ctx.database.db, { userId: user.id, role: 'staff', caisseId: caisse.id, grantedBy: null });
    await rolesRepository.grant(h.ctx.database.db, { userId: user.id, role: 'moderator', caisseId: caisse.id, grantedBy: null });
    const { more } = splitNavigation(navigationFor({ admin: true, moderation: true, staffSpace: true }), (e) => t(e.label));
    expect(more.map((e) => e.key)).toEqual(expect.arrayContaining(['admin', 'moderation', 'caisseSpace']));

    const { context, page } = await newPage(h.browser, { locale, width: 1024 });
    await signInAs(h, page, user.email, t);
    const nav = page.getByRole('navigation', { name: t('layout.mainNav') });
    const moreButton = page.locator('summary.nav-more-button');
    for (const width of [1024, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${h.baseUrl}/projets`);
      expect(await headerHeight(page), `header at ${width}px`).toBeLessThanOrEqual(72);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await moreButton.textContent()).toBe(t('layout.more'));
      expect(await nav.getByRole('link', { name: t('nav.admin') }).isVisible()).toBe(false);
    }

    // The keyboard opens it, every folded entry is there, axe is clean, Escape closes it.
    await moreButton.focus();
    await page.keyboard.press('Enter');
    for (const entry of more) expect(await nav.getByRole('link', { name: t(entry.label), exact: true }).isVisible(), entry.key).toBe(true);
    await expectAccessible(page, 'header with "More" open');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.nav-more-panel') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await nav.getByRole('link', { name: t('nav.admin') }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('nav-more-button'))).toBe(true);

    // From inside it, the current page marks the button; the link says it is the current page.
    await moreButton.click();
    await nav.getByRole('link', { name: t('nav.admin') }).click();
    await page.waitForURL('**/admin');
    expect(await page.locator('summary.nav-more-button.nav-more-current').count()).toBe(1);
    expect(await page.locator('.nav-more-panel a[aria-current="page"]').getAttribute('href')).toBe('/admin');
    expect(await headerHeight(page)).toBeLessThanOrEqual(72);
    await expectAccessible(page, 'admin page, current entry under "More"');

    // A phone: 61 px header, and the menu lists every entry flat (no "More" button).
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${h.baseUrl}/projets`);
    expect(await headerHeight(page)).toBe(61);
    await page.locator('summary.site-menu-button').focus();
    await page.keyboard.press('Enter');
    expect(await moreButton.isVisible()).toBe(false);
    for (const entry of more) expect(await nav.getByRole('link', { name: t(entry.label), exact: true }).isVisible(), entry.key).toBe(true);
    await expectAccessible(page, 'phone menu');
    await context.close();
  });
});
