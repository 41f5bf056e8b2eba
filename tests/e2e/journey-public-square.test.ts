/**
 * The public square, end to end (issue 4's "done means"): a neighbour follows a project and sees
 * its news in their feed with the reason; reacts; comments with an @mention; the mentioned person's
 * bell updates live and their digest e-mail carries it. Then the mentioned person reports the
 * comment, a moderator of the territory's caisse hides it, and it is gone from the page, the API
 * and the notifications. French and English, axe on every page reached.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createProject, createUser, signIn, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { caisseTerritories } from '../../src/modules/caisses/caisses.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { digestPeriod, sendDigest } from '../../src/modules/notifications/notifications.digest.service.js';

const h = useBrowserHarness();


describe.each(JOURNEY_LOCALES)('public square journey (%s)', (lang, locale, t) => {
  it('follow → feed → react → comment with a mention → live bell and digest; report → hide → gone', async () => {
    const db = h.ctx.database.db;
    const villeray = (await territoriesRepository.findBySlug(db, 'villeray'))!;
    const caisseId = (await db.select().from(caisseTerritories).where(eq(caisseTerritories.territoryId, villeray.id)))[0]!.caisseId;
    const promoter = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const follower = await createUser(h.ctx, { territoryId: villeray.id, locale: lang, displayName: lang === 'fr' ? `Léa Roy ${uid().slice(0, 4)}` : `Lee Roy ${uid().slice(0, 4)}` });
    const mentioned = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const moderator = await createUser(h.ctx, { territoryId: villeray.id, locale: lang, role: { role: 'moderator', caisseId } });
    const title = lang === 'fr' ? `Jardin de la ruelle ${uid().slice(0, 4)}` : `Laneway garden ${uid().slice(0, 4)}`;
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: villeray.id, title });
    const projectUrl = `${h.baseUrl}/projets/${project.id}`;

    // Follow the project with the keyboard.
    const fo = await newPage(h.browser, { locale });
    await signInAs(h, fo.page, follower.email, t);
    await fo.page.goto(projectUrl);
    await fo.page.locator(`#follow-project-${project.id}`).focus();
    await fo.page.keyboard.press('Enter');
    await expect.poll(() => fo.page.locator(`#follow-project-${project.id}`).textContent()).toBe(t('social.follow.unfollow'));

    // The promoter posts news; it is in the follower's feed, saying why.
    const updateTitle = lang === 'fr' ? 'Les semis sont arrivés' : 'The seedlings are here';
    const p = await signIn(h.ctx, promoter.email);
    const posted = await h.ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/updates`, headers: { cookie: p.cookie, 'x-csrf-token': p.csrf }, payload: { title: updateTitle, body: lang === 'fr' ? 'Venez planter samedi.' : 'Come and plant on Saturday.' } });
    expect(posted.statusCode).toBe(201);
    await fo.page.getByRole('link', { name: t('social.feed.title'), exact: true }).first().click();
    const first = fo.page.locator('.feed-item').first();
    await expect.poll(() => first.locator('.feed-text').textContent()).toBe(t('social.feed.kind.project_update', { project: title, title: updateTitle }));
    expect(await first.locator('.feed-why').textContent()).toBe(t('social.feed.why.project', { name: title }));
    await expectAccessible(fo.page, 'feed');

    // The mentioned person is on the site, bell quiet.
    const me = await newPage(h.browser, { locale });
    await signInAs(h, me.page, mentioned.email, t);
    await expect.poll(() => me.page.locator('[data-live-notifications-label]').count()).toBe(1);

    // React, then comment with a mention.
    await fo.page.goto(projectUrl);
    await fo.page.locator(`#reactions-project-${project.id}-like`).click();
    await expect.poll(() => fo.page.locator(`#reactions-project-${project.id}-like`).getAttribute('aria-pressed')).toBe('true');
    const words = lang === 'fr' ? `Bonne idée @${mentioned.handle}, tu viens arroser?` : `Nice one @${mentioned.handle}, coming to water?`;
    const section = fo.page.locator('#commentaires');
    await section.getByLabel(t('comments.fields.body'), { exact: true }).fill(words);
    await section.getByRole('button', { name: t('comments.submit') }).click();
    await fo.page.waitForURL(/#commentaire-/);
    const commentId = fo.page.url().split('#commentaire-')[1]!;
    await expectAccessible(fo.page, 'project page with the comment');

    // The bell changes live, without a reload.
    await expect.poll(() => me.page.locator('[data-live-notifications-label]').textContent(), { timeout: 15_000 }).toBe(t('notifications.bell.unread', { count: 1 }));

    // The daily digest carries it, once.
    const period = digestPeriod('daily', new Date());
    expect(await sendDigest(h.ctx.app.deps, mentioned.id, 'daily', period)).toBe('sent');
    expect(await sendDigest(h.ctx.app.deps, mentioned.id, 'daily', period)).toBe('already');
    const digests = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, mentioned.email));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.textBody).toContain(title);
    expect(digests[0]!.htmlBody).toContain(follower.displayName);

    // The mentioned person reports the comment; a moderator hides it.
    await me.page.goto(`${projectUrl}#commentaire-${commentId}`);
    await me.page.locator(`#commentaire-${commentId}`).getByRole('link', { name: t('moderation.reportLinkLabel.comment') }).first().click();
    await expect.poll(() => me.page.textContent('h1')).toBe(t('moderation.report.title'));
    await me.page.getByLabel(t('moderation.reasons.harassment')).check();
    await me.page.getByRole('button', { name: t('moderation.report.submit') }).click();
    await expect.poll(() => me.page.textContent('h1')).toBe(t('moderation.report.sentTitle'));

    const mod = await newPage(h.browser, { locale });
    await signInAs(h, mod.page, moderator.email, t);
    await mod.page.goto(`${h.baseUrl}/moderation`);
    const group = mod.page.locator('li.moderation-group', { hasText: mentioned.handle });
    await expect.poll(() => group.count()).toBe(1);
    await group.getByLabel(t('moderation.actions.hide')).check();
    await group.getByLabel(startsWith(t('moderation.queue.reasonLabel'))).fill(lang === 'fr' ? 'Test de modération.' : 'Moderation test.');
    mod.page.once('dialog', (dialog) => void dialog.accept());
    await group.getByRole('button', { name: t('moderation.queue.submit') }).click();
    await expect.poll(() => mod.page.getByText(t('moderation.queue.done')).count()).toBe(1);
    await expectAccessible(mod.page, 'moderation queue after hiding');

    // Gone: from the page for a visitor, from the comments API, from the mentioned person's notifications.
    const visitor = await newPage(h.browser, { locale });
    await visitor.page.goto(projectUrl);
    expect(await visitor.page.textContent('#commentaires')).not.toContain(words.slice(0, 12));
    await expectAccessible(visitor.page, 'project page after hiding');
    const api = await h.ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/comments` });
    expect(api.body).not.toContain(mentioned.handle);
    const m = await signIn(h.ctx, mentioned.email);
    const list = await h.ctx.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie: m.cookie } });
    expect(list.json<{ items: { kind: string }[] }>().items.filter((n) => n.kind === 'comment.mention')).toHaveLength(0);
    expect(await db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, mentioned.email)))).toHaveLength(1);

    for (const c of [fo, me, mod, visitor]) await c.context.close();
  });
});
