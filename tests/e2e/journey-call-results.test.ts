/**
 * Journey 4 of product.md (issue 9): caisse staff open a call for projects with a deadline and three
 * questions; promoters apply; delegates on the jury score; results are published; winners get
 * notified. The call and its applications are set up in the database (the calls module's own journey
 * drives those forms); the jury, the conflicts, the scoring, the ranking, the awards and the
 * publication go through the pages. In French and English, axe on every page reached, screenshots at
 * 1280 and 390 px under /tmp/shots/juries/.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { eq } from 'drizzle-orm';
import { users } from '../../src/modules/auth/auth.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import { callWorld, createCall, createDelegate, setPhase } from '../integration/call-reviews.fixtures.js';

const h = useBrowserHarness();
const SHOTS = '/tmp/shots/juries';
mkdirSync(SHOTS, { recursive: true });

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.each(JOURNEY_LOCALES)('call results journey (%s)', (lang, locale, t) => {
  it('staff seat a jury, delegates declare conflicts and score, staff award and publish, winners are told and wear the badge', async () => {
    const world = await callWorld(h.ctx);
    const d1 = await createDelegate(h.ctx, world.caisse.id, world.territory.id);
    const d2 = await createDelegate(h.ctx, world.caisse.id, world.territory.id);
    // Everyone reads the platform in the journey's language (their own setting wins over the browser's).
    const speak = (id: string) => h.ctx.database.db.update(users).set({ locale: lang }).where(eq(users.id, id));
    const call = await createCall(h.ctx, world, { phase: 'open', applications: 3, budgetCents: 1_000_000, maxPerProjectCents: 500_000 });
    const [a, b] = call.applications;
    const titles = await h.ctx.database.db.select({ id: projects.id, title: projects.title }).from(projects).where(eq(projects.territoryId, world.territory.id));
    const titleOf = (projectId: string) => titles.find((p) => p.id === projectId)!.title;
    for (const id of [world.staff.id, d1.id, d2.id, a!.promoter.id]) await speak(id);

    // Staff seat both delegates on the jury.
    const s = await newPage(h.browser, { locale });
    await signInAs(h, s.page, world.staff.email, t);
    await s.page.goto(`${h.baseUrl}/appels/${call.slug}/jury`);
    await expect.poll(() => s.page.textContent('h1')).toBe(t('callReviews.jury.title'));
    await expectAccessible(s.page, 'jury (staff)');
    for (const d of [d1, d2]) {
      await s.page.getByLabel(startsWith(t('callReviews.jury.person'))).selectOption(d.handle);
      await s.page.getByRole('button', { name: t('callReviews.jury.add') }).click();
      await expect.poll(() => s.page.getByText(t('callReviews.notice.added')).count()).toBe(1);
    }
    await expect.poll(() => s.page.getByRole('link', { name: d2.displayName }).count()).toBe(1);
    await expectAccessible(s.page, 'jury with two members');
    await shoot(s.page, `jury-staff-${lang}`);

    // The second delegate declares a conflict of interest with the first application.
    const j2 = await newPage(h.browser, { locale });
    await signInAs(h, j2.page, d2.email, t);
    await j2.page.goto(`${h.baseUrl}/appels/${call.slug}/jury`);
    await j2.page.getByRole('link', { name: t('callReviews.queue.conflictsLink') }).click();
    await expectAccessible(j2.page, 'conflicts form');
    await j2.page.locator(`#conflict-${a!.id}`).check();
    j2.page.once('dialog', (dialog) => void dialog.accept());
    await j2.page.getByRole('button', { name: t('callReviews.conflicts.submit') }).click();
    await expect.poll(() => j2.page.getByText(t('callReviews.validation.reason')).count()).toBeGreaterThan(0);
    await expectAccessible(j2.page, 'conflicts form with an error');
    await j2.page.locator(`#reason-${a!.id}`).fill(lang === 'fr' ? 'Je siège au comité de ce projet.' : 'I sit on this project’s committee.');
    j2.page.once('dialog', (dialog) => void dialog.accept());
    await j2.page.getByRole('button', { name: t('callReviews.conflicts.submit') }).click();
    await expect.poll(() => j2.page.getByText(t('callReviews.notice.conflicts')).count()).toBe(1);

    // Submissions close (the phases job moves the call by date); the jury scores.
    await setPhase(h.ctx, call.id, 'review');
    const j1 = await newPage(h.browser, { locale });
    await signInAs(h, j1.page, d1.email, t);
    const score = async (page: Page, values: [number, number], note = '') => {
      for (const [i, c] of call.criteria.entries()) await page.locator(`#score-${c.id}`).fill(String(values[i]));
      if (note) await page.getByLabel(startsWith(t('callReviews.evaluation.note'))).fill(note);
      await page.getByRole('button', { name: t('callReviews.evaluation.save') }).click();
      await expect.poll(() => page.getByText(t('callReviews.notice.saved')).count()).toBe(1);
    };
    await j1.page.goto(`${h.baseUrl}/appels/${call.slug}/jury`);
    await expect.poll(() => j1.page.getByText(t('callReviews.queue.progress', { reviewed: 0, total: 3 })).count()).toBe(1);
    await expectAccessible(j1.page, 'review queue');
    for (const [i, app] of call.applications.entries()) {
      await j1.page.goto(`${h.baseUrl}/candidatures/${app.id}/evaluation`);
      if (i === 0) {
        await expect.poll(() => j1.page.getByText('Des bacs et des arbres.').count()).toBe(1);
        await expectAccessible(j1.page, 'scoring form');
        await shoot(j1.page, `evaluation-${lang}`);
      }
      await score(j1.page, [[9, 8], [7, 6], [3, 4]][i] as [number, number], i === 0 ? (lang === 'fr' ? 'Très solide.' : 'Very solid.') : '');
    }
    await j1.page.goto(`${h.baseUrl}/appels/${call.slug}/jury`);
    await expect.poll(() => j1.page.getByText(t('callReviews.queue.progress', { reviewed: 3, total: 3 })).count()).toBe(1);
    await shoot(j1.page, `queue-${lang}`);
    await j2.page.goto(`${h.baseUrl}/appels/${call.slug}/jury`);
    await expect.poll(() => j2.page.getByText(t('callReviews.queue.conflict')).count()).toBe(1);
    await expectAccessible(j2.page, 'queue with a conflict');
    await j2.page.goto(`${h.baseUrl}/candidatures/${b!.id}/evaluation`);
    await score(j2.page, [8, 8]);

    // Results phase: staff read the ranking, award the two best and publish.
    await setPhase(h.ctx, call.id, 'results');
    await s.page.goto(`${h.baseUrl}/appels/${call.slug}/classement`);
    await expect.poll(() => s.page.textContent('h1')).toBe(t('callReviews.ranking.title'));
    await expectAccessible(s.page, 'ranking');
    const amount = (page: Page, title: string) => page.getByLabel(t('callReviews.ranking.amount', { project: title }));
    await amount(s.page, titleOf(a!.projectId)).fill('6000');
    await s.page.getByRole('button', { name: t('callReviews.ranking.select') }).first().click();
    await expect.poll(() => s.page.getByText(t('errors.AWARD_OVER_MAX')).count()).toBe(1);
    await expectAccessible(s.page, 'ranking with a refusal');
    await amount(s.page, titleOf(a!.projectId)).fill('4500');
    await s.page.locator(`form[action$="/${a!.id}/laureat"] button`).click();
    await expect.poll(() => s.page.getByText(t('callReviews.notice.awarded')).count()).toBe(1);
    await amount(s.page, titleOf(b!.projectId)).fill('3000');
    await s.page.locator(`form[action$="/${b!.id}/laureat"] button`).click();
    await expect.poll(() => s.page.getByText(t('callReviews.notice.awarded')).count()).toBe(1);
    await shoot(s.page, `ranking-${lang}`);
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('callReviews.ranking.publish') }).click();
    await expect.poll(() => s.page.getByText(t('callReviews.notice.published')).count()).toBe(1);
    await expectAccessible(s.page, 'results (staff)');

    // Anyone reads the results; the winner is told and wears the badge.
    const v = await newPage(h.browser, { locale });
    await v.page.goto(`${h.baseUrl}/appels/${call.slug}/resultats`);
    await expect.poll(() => v.page.getByRole('heading', { name: t('callReviews.results.winners') }).count()).toBe(1);
    await expect.poll(() => v.page.getByText(titleOf(a!.projectId)).count()).toBeGreaterThan(0);
    await expectAccessible(v.page, 'public results');
    await shoot(v.page, `results-${lang}`);
    const winner = await newPage(h.browser, { locale });
    await signInAs(h, winner.page, a!.promoter.email, t);
    await winner.page.goto(`${h.baseUrl}/notifications`);
    await expect.poll(() => winner.page.getByText(t('notifications.kind.call_results.selected', { projectTitle: titleOf(a!.projectId), subjectTitle: `Appel ${call.slug}` })).count()).toBe(1);
    await expectAccessible(winner.page, 'winner notified');
    await winner.page.goto(`${h.baseUrl}/projets/${a!.projectId}`);
    await expect.poll(() => winner.page.locator('.badge-laureate').count()).toBe(1);
    await expectAccessible(winner.page, 'project page with the badge');
    await shoot(winner.page, `project-badge-${lang}`);
    for (const p of [s, j1, j2, v, winner]) await p.context.close();
  });
});
