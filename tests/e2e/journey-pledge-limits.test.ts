/**
 * Pledge limits and "I want to help", end to end (issue 10): a neighbour presses "I want to help"
 * and lands on the project's needs with a thank-you; they pledge to a need, which then shows as
 * covered pending confirmation with no "I can help" button, and trying again says they already
 * have a pledge in progress. The team sees who wants to help and was notified. French and
 * English, axe on every page reached.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createNeed, createProject, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';

const h = useBrowserHarness();

describe.each(JOURNEY_LOCALES)('pledge limits journey (%s)', (lang, locale, t) => {
  it('“I want to help” → the needs → pledge → pending, no second pledge; the team sees who', async () => {
    const villeray = (await territoriesRepository.findBySlug(h.ctx.database.db, 'villeray'))!;
    const promoter = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const helper = await createUser(h.ctx, { territoryId: villeray.id, locale: lang, displayName: `${lang === 'fr' ? 'Léa' : 'Lee'} ${uid().slice(0, 4)}` });
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: villeray.id, title: lang === 'fr' ? `Frigo partagé ${uid().slice(0, 4)}` : `Shared fridge ${uid().slice(0, 4)}` });
    const need = await createNeed(h.ctx, { projectId: project.id, kind: 'volunteering', quantity: 3, title: lang === 'fr' ? 'Tri des denrées' : 'Sorting food' });

    // "I want to help" leads to the needs, with a thank-you saying what to do next.
    const { page } = await newPage(h.browser, { locale });
    await signInAs(h, page, helper.email, t);
    await page.goto(`${h.baseUrl}/projets/${project.id}`);
    await page.locator(`#reactions-project-${project.id}-want_to_help`).click();
    await page.waitForURL(/aide=1#besoins$/);
    await expect.poll(() => page.locator('.wants-to-help-notice').textContent()).toContain(t('projectHelpers.thanks'));
    expect(await page.locator('.wants-to-help-notice').textContent()).toContain(t('projectHelpers.needs'));
    await expectAccessible(page, 'project needs after “I want to help”');

    // Pledge all of it through the two-step form.
    await page.getByRole('link', { name: t('needs.helpFor', { title: need.title }) }).click();
    await page.locator('#quantity').fill('3');
    await page.locator('#startDate').fill(localToday(new Date()));
    await page.getByRole('button', { name: t('pledges.form.submit') }).click();
    await page.getByRole('button', { name: t('pledges.confirm.confirm') }).click();
    await page.waitForURL(/\/moi\/contributions/);

    // The need now says it is covered pending confirmation, and offers no button.
    await page.goto(`${h.baseUrl}/projets/${project.id}#besoins`);
    const card = page.locator(`#need-${need.id}`);
    expect(await card.locator('.badge').textContent()).toBe(t('needs.status.pending'));
    expect(await card.getByRole('link', { name: t('needs.helpFor', { title: need.title }) }).count()).toBe(0);
    await expectAccessible(page, 'pending need');

    // Going back to the form says why not.
    await page.goto(`${h.baseUrl}/besoins/${need.id}/engagement`);
    expect(await page.locator('main .notice').first().textContent()).toContain(t('pledges.blocked.PLEDGE_ALREADY_OPEN'));
    await expectAccessible(page, 'pledge refused: already open');

    // The team was told and sees who wants to help.
    const team = await newPage(h.browser, { locale });
    await signInAs(h, team.page, promoter.email, t);
    await team.page.goto(`${h.baseUrl}/notifications`);
    await expect.poll(() => team.page.locator('main').textContent()).toContain(t('notifications.kind.project.want_to_help', { actorName: helper.displayName, subjectTitle: project.title }));
    await team.page.goto(`${h.baseUrl}/projets/${project.id}`);
    expect(await team.page.locator('#veulent-aider').textContent()).toContain(helper.displayName);
    await expectAccessible(team.page, 'team sees who wants to help');
    await team.context.close();
  });
});
