/**
 * The social feel: a neighbour signs in and lands on their neighbourhood (not the marketing page),
 * reacts to a feed card in place, opens a personal page that shows what its owner did, and on a
 * 390 px phone finds the navigation behind a menu button with the keyboard. French and English,
 * axe on every page reached.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createProject, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { activities } from '../../src/modules/social/social.tables.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { newId } from '../../src/db/ids.js';

const h = useBrowserHarness();

describe.each(JOURNEY_LOCALES)('social feel journey (%s)', (lang, locale, t) => {
  it('lands on the neighbourhood, reacts to a card in place, sees a personal page full of deeds, and uses the phone menu', async () => {
    const villeray = (await territoriesRepository.findBySlug(h.ctx.database.db, 'villeray'))!;
    const author = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const reader = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const title = `${lang === 'fr' ? 'Jardin' : 'Garden'} ${uid().slice(0, 5)}`;
    const project = await createProject(h.ctx, { promoterId: author.id, territoryId: villeray.id, title, summary: lang === 'fr' ? 'Des bacs partagés pour la ruelle.' : 'Shared planters for the lane.' });
    await h.ctx.database.db.insert(activities).values({ id: newId(), kind: 'project_published', actorId: author.id, subjectType: 'project', subjectId: project.id, projectId: project.id, territoryId: villeray.id, data: { projectTitle: title } });
    const offerTitle = `${lang === 'fr' ? 'Prêt de pelles' : 'Shovels to lend'} ${uid().slice(0, 4)}`;
    await h.ctx.database.db.insert(offers).values({ id: newId(), ownerId: author.id, kind: 'material', title: offerTitle, language: lang === 'fr' ? 'en' : 'fr' });

    // Signed in, the home page is the neighbourhood: its feed as cards, projects near them.
    const { page } = await newPage(h.browser, { locale, width: 1280 });
    await signInAs(h, page, reader.email, t);
    await page.goto(`${h.baseUrl}/`);
    expect(await page.textContent('h1')).toBe(t('home.mine.title', { name: reader.displayName }));
    const card = page.locator('.feed-card', { hasText: title }).first();
    await expect.poll(() => card.count()).toBe(1);
    await expectAccessible(page, 'signed-in home');

    // The feed: cards; a reaction toggles in place (htmx) and is kept after a reload.
    await page.goto(`${h.baseUrl}/fil`);
    const feedCard = page.locator('.feed-card', { hasText: title }).first();
    expect(await feedCard.locator('.feed-summary').textContent()).toContain(lang === 'fr' ? 'Des bacs partagés' : 'Shared planters');
    const bravo = feedCard.getByRole('button', { name: new RegExp(`^${t('reactions.kinds.bravo')}`) });
    expect(await bravo.getAttribute('aria-pressed')).toBe('false');
    await bravo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.feed-card', { hasText: title }).first().getByRole('button', { name: new RegExp(`^${t('reactions.kinds.bravo')}`) }).getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toBe(`${h.baseUrl}/fil`);
    await expectAccessible(page, 'feed cards');
    await page.reload();
    expect(await page.locator('.feed-card', { hasText: title }).first().locator('.reaction-bravo .reaction-count').textContent()).toBe('1');
    // The inline comment form opens in place.
    await page.locator('.feed-card', { hasText: title }).first().locator('.feed-comment-form summary').click();
    await expect.poll(() => page.locator('.feed-card', { hasText: title }).first().getByLabel(t('social.feed.card.commentLabel')).isVisible()).toBe(true);

    // The author's page shows their project and their offer, the offer in its own language.
    await page.goto(`${h.baseUrl}/membres/${author.handle}`);
    expect(await page.locator('.person-activity').getByRole('link', { name: title }).count()).toBe(1);
    const offerLink = page.locator('.person-activity li', { hasText: offerTitle });
    expect(await offerLink.getAttribute('lang')).toBe(lang === 'fr' ? 'en-CA' : 'fr-CA');
    await expectAccessible(page, 'personal page with activity');

    // A 390 px phone: a short header, the navigation behind an accessible menu button.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.baseUrl}/fil`);
    expect(await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const projectsLink = page.getByRole('navigation', { name: t('layout.mainNav') }).getByRole('link', { name: t('nav.projects'), exact: true });
    expect(await projectsLink.isVisible()).toBe(false);
    const menu = page.locator('summary.site-menu-button');
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details.site-menu').getAttribute('open')).not.toBeNull();
    expect(await projectsLink.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: t('nav.signOut') }).isVisible()).toBe(true);
    await expectAccessible(page, 'phone menu open');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/');
    await projectsLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/projets');
    // The filters are folded on the phone and open with the keyboard.
    const search = page.locator('#filter-q');
    expect(await search.isVisible()).toBe(false);
    await page.locator('summary.filters-toggle-button').focus();
    await page.keyboard.press('Enter');
    expect(await search.isVisible()).toBe(true);
    await expectAccessible(page, 'projects on a phone');
    await page.screenshot({ path: `/tmp/social-feel-390-${lang}.png` });

    // Wide again: no menu button, the navigation is simply there; filters unfolded.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.baseUrl}/projets`);
    expect(await page.locator('summary.site-menu-button').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: t('layout.mainNav') }).getByRole('link', { name: t('nav.projects'), exact: true }).isVisible()).toBe(true);
    expect(await page.locator('#filter-q').isVisible()).toBe(true);
    // One header row at 1280 px signed in; the account links sit in a menu under the name (keyboard).
    expect(await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height)).toBeLessThanOrEqual(72);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const signOut = page.getByRole('button', { name: t('nav.signOut') });
    expect(await signOut.isVisible()).toBe(false);
    await page.locator('summary.account-menu-button').focus();
    await page.keyboard.press('Enter');
    expect(await signOut.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: t('nav.me') }).isVisible()).toBe(true);
    await expectAccessible(page, 'account menu open');
  });
});
