/**
 * The conversation journey: a neighbour signs in, reacts to a project, comments with an @mention
 * of the promoter, the promoter replies, the neighbour edits and then deletes their comment (a
 * tombstone keeps the reply). In French and English, with an axe check on every state reached,
 * and a look at desktop and 320 px widths (screenshots in /tmp/journey-comments-*.png).
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createProject, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { projectUpdates } from '../../src/modules/projects/projects.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { newId } from '../../src/db/ids.js';

const h = useBrowserHarness();


describe.each(JOURNEY_LOCALES)('comments journey (%s)', (lang, locale, t) => {
  it('reacts, comments with a mention, replies, edits and deletes', async () => {
    const villeray = (await territoriesRepository.findBySlug(h.ctx.database.db, 'villeray'))!;
    const promoter = await createUser(h.ctx, { territoryId: villeray.id, locale: lang, displayName: lang === 'fr' ? 'Fatima Haddad' : 'Grace Lee' });
    const neighbour = await createUser(h.ctx, { territoryId: villeray.id, locale: lang, displayName: lang === 'fr' ? 'Samir Tremblay' : 'Sam Taylor' });
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: villeray.id, title: lang === 'fr' ? `Frigo partagé ${uid().slice(0, 4)}` : `Community fridge ${uid().slice(0, 4)}`, description: lang === 'fr' ? 'Un frigo ouvert à toutes et à tous devant la bibliothèque.' : 'A fridge open to all in front of the library.' });
    await h.ctx.database.db.insert(projectUpdates).values({ id: newId(), projectId: project.id, authorId: promoter.id, title: lang === 'fr' ? 'Le frigo est branché' : 'The fridge is plugged in', body: lang === 'fr' ? 'Merci à la bibliothèque!' : 'Thanks to the library!' });
    const projectUrl = `${h.baseUrl}/projets/${project.id}`;

    // A visitor sees the empty state and a way in.
    const visitor = await newPage(h.browser, { locale });
    await visitor.page.goto(projectUrl);
    expect(await visitor.page.textContent('#commentaires')).toContain(t('comments.empty'));
    await expect.poll(() => visitor.page.getByRole('link', { name: t('comments.signIn') }).count()).toBe(1);
    await expectAccessible(visitor.page, 'project page, visitor');
    await visitor.context.close();

    // The neighbour reacts (htmx swaps the bar in place).
    const nb = await newPage(h.browser, { locale });
    await signInAs(h, nb.page, neighbour.email, t);
    await nb.page.goto(projectUrl);
    await expectAccessible(nb.page, 'project page, signed in');
    const like = nb.page.locator(`#reactions-project-${project.id}-like`);
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('false');
    await like.click();
    await expect.poll(() => nb.page.locator(`#reactions-project-${project.id}-like`).getAttribute('aria-pressed')).toBe('true');
    expect(await nb.page.locator(`#reactions-project-${project.id}-like .reaction-count`).textContent()).toBe('1');
    expect(nb.page.url()).toBe(projectUrl);

    // … and comments, mentioning the promoter.
    const text = lang === 'fr' ? `Super idée @${promoter.handle}! Je peux **nettoyer** le frigo le samedi.` : `Great idea @${promoter.handle}! I can **clean** the fridge on Saturdays.`;
    const section = nb.page.locator('#commentaires');
    await section.getByLabel(t('comments.fields.body'), { exact: true }).fill(text);
    await section.getByRole('button', { name: t('comments.submit') }).click();
    await nb.page.waitForURL(/#commentaire-/);
    const commentId = nb.page.url().split('#commentaire-')[1]!;
    const comment = nb.page.locator(`#commentaire-${commentId}`);
    expect(await comment.locator('.mention').getAttribute('href')).toBe(`/membres/${promoter.handle}`);
    expect(await comment.locator('strong').first().textContent()).toBe(lang === 'fr' ? 'nettoyer' : 'clean');
    await expectAccessible(nb.page, 'project page with a comment');
    const mention = await h.ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, promoter.id), eq(notifications.subjectId, commentId)));
    expect(mention.map((n) => n.kind)).toEqual(['comment.mention']);

    // The promoter replies from the thread (the reply form opens from its summary).
    const pr = await newPage(h.browser, { locale, width: 320 });
    await signInAs(h, pr.page, promoter.email, t);
    await pr.page.goto(`${projectUrl}#commentaire-${commentId}`);
    const theirs = pr.page.locator(`#commentaire-${commentId}`);
    await theirs.locator('summary', { hasText: t('comments.reply') }).click();
    await expectAccessible(pr.page, 'reply form open, 320 px');
    await theirs.getByLabel(t('comments.fields.reply', { name: neighbour.displayName })).fill(lang === 'fr' ? 'Merci Samir, à samedi!' : 'Thanks Sam, see you Saturday!');
    await theirs.getByRole('button', { name: t('comments.replySubmit') }).click();
    await pr.page.waitForURL(/#commentaire-/);
    const replyId = pr.page.url().split('#commentaire-')[1]!;
    expect(replyId).not.toBe(commentId);
    expect(await pr.page.locator(`#commentaire-${commentId} .comment-replies #commentaire-${replyId}`).count()).toBe(1);
    const width = await pr.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await pr.page.screenshot({ path: `/tmp/journey-comments-${lang}-320.png`, fullPage: true });
    await pr.context.close();

    // The neighbour edits their comment: it shows as edited.
    await nb.page.goto(`${projectUrl}#commentaire-${commentId}`);
    const mine = nb.page.locator(`#commentaire-${commentId} > article`);
    await mine.locator('summary', { hasText: t('comments.edit') }).click();
    await mine.getByLabel(t('comments.fields.edit')).fill(`${text} ${lang === 'fr' ? '(et le dimanche)' : '(and Sundays)'}`);
    await mine.getByRole('button', { name: t('comments.save') }).click();
    await nb.page.waitForURL(/#commentaire-/);
    expect(await nb.page.locator(`#commentaire-${commentId} > article .comment-edited`).textContent()).toBe(t('comments.edited'));
    expect(await nb.page.locator(`#commentaire-${commentId} > article .comment-body`).textContent()).toContain(lang === 'fr' ? '(et le dimanche)' : '(and Sundays)');
    await expectAccessible(nb.page, 'edited comment');
    await nb.page.screenshot({ path: `/tmp/journey-comments-${lang}-desktop.png`, fullPage: true });

    // … then deletes it after confirming: the reply stays under a tombstone.
    nb.page.once('dialog', (d) => void d.accept());
    await nb.page.locator(`#commentaire-${commentId} > article`).getByRole('button', { name: t('comments.delete') }).click();
    await nb.page.waitForURL(/#commentaire-/);
    await expect.poll(() => nb.page.locator(`#commentaire-${commentId} > article .comment-placeholder`).textContent()).toBe(t('comments.deleted'));
    expect(await nb.page.locator(`#commentaire-${replyId}`).count()).toBe(1);
    await expectAccessible(nb.page, 'tombstone');
    await nb.context.close();
  });
});
