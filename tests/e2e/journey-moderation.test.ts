/**
 * Journey 6 (product.md): someone reports an abusive project update; a moderator of the caisse
 * serving its territory hides it from the queue with a reason; the author sees why (banner on
 * the update, notification). In French and English, axe on every page reached, screenshots at
 * desktop width and 320 px (/tmp/journey-moderation-*.png).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { expectAccessible, JOURNEY_LOCALES, mainNavLink, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createProject, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { caisseTerritories } from '../../src/modules/caisses/caisses.tables.js';
import { projectUpdates } from '../../src/modules/projects/projects.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { newId } from '../../src/db/ids.js';

const h = useBrowserHarness();


describe.each(JOURNEY_LOCALES)('moderation journey (%s)', (lang, locale, t) => {
  it('a neighbour reports an abusive update, a moderator hides it, the author is told why', async () => {
    const db = h.ctx.database.db;
    const villeray = (await territoriesRepository.findBySlug(db, 'villeray'))!;
    const caisseId = (await db.select().from(caisseTerritories).where(eq(caisseTerritories.territoryId, villeray.id)))[0]!.caisseId;
    const author = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const neighbour = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const moderator = await createUser(h.ctx, { territoryId: villeray.id, locale: lang, role: { role: 'moderator', caisseId } });
    const project = await createProject(h.ctx, { promoterId: author.id, territoryId: villeray.id, title: lang === 'fr' ? `Ruelle verte ${uid().slice(0, 4)}` : `Green alley ${uid().slice(0, 4)}` });
    const title = lang === 'fr' ? `Ces voisins sont des voleurs ${uid().slice(0, 4)}` : `Those neighbours are thieves ${uid().slice(0, 4)}`;
    const updateId = newId();
    await db.insert(projectUpdates).values({ id: updateId, projectId: project.id, authorId: author.id, title, body: lang === 'fr' ? 'Je vais afficher leurs noms partout.' : 'I will post their names everywhere.' });
    const reason = lang === 'fr' ? 'Propos visant des voisins : reformulez sans viser personne.' : 'Targets neighbours by name: please rephrase without singling anyone out.';

    // The neighbour reports the update.
    const nb = await newPage(h.browser, { locale });
    await signInAs(h, nb.page, neighbour.email, t);
    await nb.page.goto(`${h.baseUrl}/projets/${project.id}`);
    await expect.poll(() => nb.page.getByText(title).count()).toBe(1);
    await nb.page.getByRole('link', { name: t('moderation.reportLinkLabel.update') }).click();
    await expect.poll(() => nb.page.textContent('h1')).toBe(t('moderation.report.title'));
    await expectAccessible(nb.page, 'report form');
    await nb.page.getByLabel(t('moderation.reasons.harassment')).check();
    await nb.page.getByLabel(startsWith(t('moderation.report.details'))).fill(lang === 'fr' ? 'Accusations publiques contre des voisins.' : 'Public accusations against neighbours.');
    await nb.page.setViewportSize({ width: 320, height: 800 });
    await nb.page.screenshot({ path: `/tmp/journey-moderation-report-${lang}-320.png`, fullPage: true });
    await nb.page.getByRole('button', { name: t('moderation.report.submit') }).click();
    await expect.poll(() => nb.page.textContent('h1')).toBe(t('moderation.report.sentTitle'));
    await expectAccessible(nb.page, 'report sent');

    // The moderator finds it in the queue and hides it with a reason.
    const mod = await newPage(h.browser, { locale });
    await signInAs(h, mod.page, moderator.email, t);
    await (await mainNavLink(mod.page, t, t('nav.moderation'))).click();
    await expect.poll(() => mod.page.textContent('h1')).toBe(t('moderation.queue.title'));
    await expectAccessible(mod.page, 'moderation queue');
    await mod.page.screenshot({ path: `/tmp/journey-moderation-queue-${lang}-desktop.png`, fullPage: true });
    const group = mod.page.locator('li.moderation-group', { hasText: title });
    await expect.poll(() => group.count()).toBe(1);
    await group.getByLabel(t('moderation.actions.hide')).check();
    await group.getByLabel(startsWith(t('moderation.queue.reasonLabel'))).fill(reason);
    mod.page.once('dialog', (dialog) => void dialog.accept());
    await group.getByRole('button', { name: t('moderation.queue.submit') }).click();
    await expect.poll(() => mod.page.getByText(t('moderation.queue.done')).count()).toBe(1);
    await mod.page.setViewportSize({ width: 320, height: 800 });
    await mod.page.goto(`${h.baseUrl}/moderation?statut=actioned`);
    await expectAccessible(mod.page, 'moderation history');
    await mod.page.screenshot({ path: `/tmp/journey-moderation-queue-${lang}-320.png`, fullPage: true });

    // Gone for the neighbour.
    await nb.page.goto(`${h.baseUrl}/projets/${project.id}`);
    await expect.poll(() => nb.page.getByText(title).count()).toBe(0);

    // The author sees the update with the reason, and was notified.
    const au = await newPage(h.browser, { locale });
    await signInAs(h, au.page, author.email, t);
    await au.page.goto(`${h.baseUrl}/projets/${project.id}#nouvelle-${updateId}`);
    const update = au.page.locator(`#nouvelle-${updateId}`);
    await expect.poll(() => update.getByText(t('moderation.hidden.banner')).count()).toBe(1);
    await expect.poll(() => update.getByText(reason, { exact: false }).count()).toBe(1);
    await expectAccessible(au.page, 'author sees the reason');
    await au.page.screenshot({ path: `/tmp/journey-moderation-author-${lang}-desktop.png`, fullPage: true });
    const told = await db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(told.map((n) => [n.kind, n.data.reason])).toEqual([['moderation.hidden', reason]]);

    await Promise.all([nb.context.close(), mod.context.close(), au.context.close()]);
  });
});
