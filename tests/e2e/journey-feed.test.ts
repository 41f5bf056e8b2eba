/**
 * The feed journey: a neighbour follows a project from its page with the keyboard, opens /fil, sees
 * the project's news with the reason it is shown, and loads more (htmx on scroll; a plain link without
 * JavaScript). In French and English, with an axe check on every page reached and a look at 320 px.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createProject, createTerritory, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { activities } from '../../src/modules/social/social.tables.js';
import { newId } from '../../src/db/ids.js';

const h = useBrowserHarness();


describe.each(JOURNEY_LOCALES)('feed journey (%s)', (lang, locale, t) => {
  it('follows a project with the keyboard, sees its news with the reason, and loads more', async () => {
    const far = (await territoriesRepository.findBySlug(h.ctx.database.db, 'ahuntsic'))!;
    const promoter = await createUser(h.ctx, { territoryId: far.id, locale: lang });
    // A neighbourhood of their own: on a shared PostgreSQL, other test files post in the pilot ones.
    const home = await createTerritory(h.ctx, { kind: 'neighbourhood' });
    const reader = await createUser(h.ctx, { territoryId: home.id, locale: lang });
    const title = lang === 'fr' ? `Serre du parc ${uid().slice(0, 4)}` : `Park greenhouse ${uid().slice(0, 4)}`;
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: far.id, title });
    // 25 pieces of news, alternating kinds so none are grouped: more than one page (20).
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 25; i++) {
      await h.ctx.database.db.insert(activities).values({
        id: newId(), kind: i % 2 ? 'need_met' : 'project_update', actorId: promoter.id, subjectType: i % 2 ? 'need' : 'update', subjectId: newId(), projectId: project.id, territoryId: far.id,
        data: { projectTitle: title, title: `N° ${i}`, needTitle: `B${i}` }, createdAt: new Date(base + i * 1000),
      });
    }

    const { page } = await newPage(h.browser, { locale });
    await signInAs(h, page, reader.email, t);
    await page.goto(`${h.baseUrl}/projets/${project.id}`);
    await expectAccessible(page, 'project page with follow button');
    const button = page.locator(`#follow-project-${project.id}`);
    await expect.poll(() => button.textContent()).toBe(t('social.follow.follow'));
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`#follow-project-${project.id}`).textContent()).toBe(t('social.follow.unfollow'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`follow-project-${project.id}`);
    await expect.poll(() => page.locator('form.follow [role="status"]').textContent()).toBe(t('social.follow.followed', { name: title }));
    await expectAccessible(page, 'project page after following');

    await page.getByRole('link', { name: t('social.feed.title'), exact: true }).first().click();
    await page.waitForURL('**/fil');
    expect(await page.textContent('h1')).toBe(t('social.feed.title'));
    await expect.poll(() => page.locator('.feed-item').count()).toBeGreaterThanOrEqual(20);
    const first = page.locator('.feed-item').first();
    expect(await first.locator('.feed-why').textContent()).toBe(t('social.feed.why.project', { name: title }));
    expect(await first.locator('.feed-text').textContent()).toBe(t('social.feed.kind.project_update', { project: title, title: 'N° 24' }));
    await expectAccessible(page, 'feed');
    // Without JavaScript the sentinel is a plain link to the next page.
    const more = page.getByRole('link', { name: t('social.feed.more') });
    expect(await more.getAttribute('href')).toMatch(/^\/fil\?cursor=/);
    // With htmx, scrolling to it loads the next page in place.
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.feed-item').count(), { timeout: 10_000 }).toBe(25);
    expect(await page.locator('.feed-item').last().locator('.feed-text').textContent()).toBe(t('social.feed.kind.project_update', { project: title, title: 'N° 0' }));
    expect(await page.locator('.feed-more').count()).toBe(0);
    await expectAccessible(page, 'feed after loading more');

    // 320 px: nothing overflows sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${h.baseUrl}/fil`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: `/tmp/feed-320-${lang}.png`, fullPage: false });
    await page.goto(`${h.baseUrl}/projets/${project.id}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('shows visitors a territory picker, then the territory feed', async () => {
    const { page } = await newPage(h.browser, { locale });
    await page.goto(`${h.baseUrl}/fil`);
    expect(await page.textContent('h1')).toBe(t('social.feed.pickTerritory'));
    await expectAccessible(page, 'feed picker');
    await page.getByLabel(t('social.feed.territoryField')).selectOption('villeray');
    await page.getByRole('button', { name: t('social.feed.show') }).click();
    await page.waitForURL('**/fil?territoire=villeray');
    expect(await page.textContent('h1')).toBe(t('social.feed.titleTerritory', { name: 'Villeray' }));
    await expectAccessible(page, 'territory feed');
  });
});
