/**
 * Journey 4 of product.md (issue 9), in one continuous run through the pages: caisse staff create a
 * call for projects with a deadline, three questions and two weighted criteria, seat two delegates on
 * the jury and publish it; promoters apply (one through the form — fixing an error, then editing
 * before the deadline —, one with the keyboard only, and a third through the API twin); a delegate declares a conflict of
 * interest; staff close submissions; the jury scores; staff move to results, are refused an award
 * over the per-project maximum, award two projects and publish; anyone reads the results; the
 * winner is notified and wears the "lauréat" badge, the other applicant is told too.
 * Only the people (staff, delegates, promoters and their projects) are set up in the database.
 * French and English, axe on every page reached, screenshots at 1280 and 390 px under /tmp/shots/calls/.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expectAccessible, JOURNEY_LOCALES, mainNavLink, newPage, signInAs, startsWith, tabTo, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { createDelegate } from '../integration/call-reviews.fixtures.js';
import { toMontrealLocal } from '../../src/modules/calls/calls.dates.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { callApplications, callQuestions, calls } from '../../src/modules/calls/calls.tables.js';

const h = useBrowserHarness();
const DAY = 86_400_000;
const SHOTS = '/tmp/shots/calls';
mkdirSync(SHOTS, { recursive: true });

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.each(JOURNEY_LOCALES)('call for projects, from the call to the winners (%s)', (lang, locale, t) => {
  it('staff open a call with three questions; promoters apply; delegates on the jury score; results are published; winners are notified', async () => {
    const s4 = uid().slice(0, 4);
    const territory = await createTerritory(h.ctx, { nameFr: `Quartier ${s4}`, nameEn: `Neighbourhood ${s4}` });
    const caisse = await createCaisse(h.ctx, { territoryIds: [territory.id], name: lang === 'fr' ? 'Caisse des Ruelles' : 'Alley Caisse' });
    const staff = await createUser(h.ctx, { locale: lang, role: { role: 'staff', caisseId: caisse.id } });
    const d1 = await createDelegate(h.ctx, caisse.id, territory.id);
    const d2 = await createDelegate(h.ctx, caisse.id, territory.id);
    const names = lang === 'fr' ? ['Ruelle des Lilas', 'Jardin Fabre', 'Frigo des Érables'] : ['Lilac Alley', 'Fabre Garden', 'Maple Fridge'];
    const promoters = await Promise.all(names.map(async (name) => {
      const user = await createUser(h.ctx, { territoryId: territory.id, locale: lang });
      const project = await createProject(h.ctx, { promoterId: user.id, territoryId: territory.id, title: `${name} ${s4}` });
      return { user, project };
    }));
    // The delegates read the platform in the journey's language (their own setting wins over the browser's).
    for (const d of [d1, d2]) await h.ctx.database.db.update(users).set({ locale: lang }).where(eq(users.id, d.id));
    const [pa, pb, pc] = promoters as [typeof promoters[0], typeof promoters[0], typeof promoters[0]];
    const title = lang === 'fr' ? `Verdir nos ruelles ${s4}` : `Greener alleys ${s4}`;
    const labels = lang === 'fr' ? ['Que ferez-vous dans la ruelle?', 'Combien de ménages participent?', 'Accord de l’arrondissement?'] : ['What will you do in the alley?', 'How many households take part?', 'Borough approval?'];
    const yes = lang === 'fr' ? 'Oui' : 'Yes';
    const criteria = lang === 'fr' ? ['Retombées pour le quartier', 'Faisabilité'] : ['Benefits for the neighbourhood', 'Feasibility'];

    // Staff create the call from the list: three questions, two weighted criteria.
    const s = await newPage(h.browser, { locale });
    await signInAs(h, s.page, staff.email, t);
    await (await mainNavLink(s.page, t, t('calls.nav'))).click();
    await expect.poll(() => s.page.textContent('h1')).toBe(t('calls.list.title'));
    await s.page.getByRole('link', { name: t('calls.list.create') }).click();
    await expect.poll(() => s.page.textContent('h1')).toBe(t('calls.form.createTitle'));
    await expectAccessible(s.page, 'new call form');
    await s.page.getByLabel(startsWith(t('calls.form.title'))).fill(title);
    await s.page.getByLabel(startsWith(t('calls.form.theme'))).fill(lang === 'fr' ? 'Verdissement' : 'Greening');
    await s.page.getByLabel(lang === 'fr' ? territory.nameFr : territory.nameEn).check();
    await s.page.getByLabel(startsWith(t('calls.form.budget'))).fill('20000');
    await s.page.getByLabel(startsWith(t('calls.form.maxPerProject'))).fill('5000');
    await s.page.getByLabel(startsWith(t('calls.form.opensAt'))).fill(toMontrealLocal(new Date(Date.now() - 3_600_000)));
    await s.page.getByLabel(startsWith(t('calls.form.submissionsCloseAt'))).fill(toMontrealLocal(new Date(Date.now() + 14 * DAY)));
    for (const n of [1, 2]) {
      await s.page.getByRole('button', { name: t('calls.form.addQuestion') }).click();
      await expect.poll(() => s.page.locator(`[name="questions.${n}.label"]`).count()).toBe(1);
    }
    await s.page.locator('[name="questions.0.label"]').fill(labels[0]!);
    await s.page.locator('[name="questions.1.kind"]').selectOption('number');
    await s.page.locator('[name="questions.1.label"]').fill(labels[1]!);
    await s.page.locator('[name="questions.2.kind"]').selectOption('choice');
    await s.page.locator('[name="questions.2.label"]').fill(labels[2]!);
    await s.page.locator('[name="questions.2.choices"]').fill(lang === 'fr' ? 'Oui\nNon' : 'Yes\nNo');
    await s.page.getByRole('button', { name: t('calls.form.addCriterion') }).click();
    await expect.poll(() => s.page.locator('[name="criteria.1.label"]').count()).toBe(1);
    await s.page.locator('[name="criteria.0.label"]').fill(criteria[0]!);
    await s.page.locator('[name="criteria.0.weight"]').fill('3');
    await s.page.locator('[name="criteria.1.label"]').fill(criteria[1]!);
    await s.page.locator('[name="criteria.1.weight"]').fill('1');
    await expectAccessible(s.page, 'new call form with three questions and two criteria');
    await s.page.getByRole('button', { name: t('calls.form.save') }).click();
    await expect.poll(() => s.page.getByText(t('calls.notice.created')).count()).toBe(1);
    await expectAccessible(s.page, 'draft call');
    const callUrl = s.page.url().split('?')[0]!;
    const slug = callUrl.split('/').pop()!;

    // They seat both delegates on the jury while it is a draft, then publish it (confirming): it opens at once.
    await s.page.getByRole('link', { name: t('callReviews.links.jury') }).click();
    await expect.poll(() => s.page.textContent('h1')).toBe(t('callReviews.jury.title'));
    await expectAccessible(s.page, 'jury (staff)');
    for (const d of [d1, d2]) {
      await s.page.getByLabel(startsWith(t('callReviews.jury.person'))).selectOption(d.handle);
      await s.page.getByRole('button', { name: t('callReviews.jury.add') }).click();
      await expect.poll(() => s.page.getByText(t('callReviews.notice.added')).count()).toBe(1);
    }
    await expect.poll(() => s.page.getByRole('link', { name: d2.displayName }).count()).toBe(1);
    await shoot(s.page, `jury-staff-${lang}`);
    await s.page.goto(callUrl);
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('calls.detail.publish') }).click();
    await expect.poll(() => s.page.getByText(t('calls.notice.moved')).count()).toBe(1);
    await expect.poll(() => s.page.getByText(`${t('calls.phase.open')} ${t('calls.detail.current')}`).count()).toBe(1);
    await shoot(s.page, `call-open-${lang}`);

    // The first promoter finds it in the list and applies: a missing answer is refused with a clear message, then fixed.
    const a = await newPage(h.browser, { locale });
    await signInAs(h, a.page, pa.user.email, t);
    await (await mainNavLink(a.page, t, t('calls.nav'))).click();
    await a.page.getByRole('link', { name: title }).click();
    await expectAccessible(a.page, 'call page');
    await a.page.getByRole('link', { name: t('calls.detail.apply') }).click();
    await expect.poll(() => a.page.textContent('h1')).toBe(t('calls.apply.title', { call: title }));
    await expectAccessible(a.page, 'application form');
    await a.page.getByLabel(startsWith(t('calls.apply.project'))).selectOption(pa.project.id);
    await a.page.getByRole('button', { name: t('calls.apply.submit') }).click();
    await expect.poll(() => a.page.locator('#error-summary').count()).toBe(1);
    await expectAccessible(a.page, 'application form with errors');
    const apply = async (page: Page, answers: [string, string, string], requested: string) => {
      await page.getByLabel(startsWith(t('calls.apply.requested'))).fill(requested);
      await page.getByLabel(startsWith(labels[0]!)).fill(answers[0]);
      await page.getByLabel(startsWith(labels[1]!)).fill(answers[1]);
      await page.getByLabel(startsWith(labels[2]!)).selectOption(answers[2]);
      await page.getByRole('button', { name: t('calls.apply.submit') }).click();
      await expect.poll(() => page.getByText(t('calls.notice.submitted')).count()).toBe(1);
    };
    const planters = lang === 'fr' ? 'Douze bacs de vivaces et deux bancs.' : 'Twelve planters and two benches.';
    await apply(a.page, [planters, '24', yes], '4500');
    await expect.poll(() => a.page.getByText(t('calls.apply.status', { status: t('calls.appStatus.submitted') }), { exact: false }).count()).toBe(1);
    await expectAccessible(a.page, 'call page with my application');
    // They edit it before the deadline.
    await a.page.getByRole('link', { name: t('calls.detail.edit') }).click();
    await expect.poll(() => a.page.textContent('h1')).toBe(t('calls.apply.editTitle', { call: title }));
    await expectAccessible(a.page, 'application edit form');
    await a.page.getByLabel(startsWith(labels[1]!)).fill('30');
    await a.page.getByRole('button', { name: t('calls.apply.submit') }).click();
    await expect.poll(() => a.page.getByText(t('calls.notice.submitted')).count()).toBe(1);
    await shoot(a.page, `applied-${lang}`);

    // The second promoter applies with the keyboard only, the third through the API twin.
    const b = await newPage(h.browser, { locale });
    await signInAs(h, b.page, pb.user.email, t);
    await b.page.goto(callUrl);
    await tabTo(b.page, b.page.getByRole('link', { name: t('calls.detail.apply') }));
    await b.page.keyboard.press('Enter');
    await expect.poll(() => b.page.textContent('h1')).toBe(t('calls.apply.title', { call: title }));
    const key = async (label: string, keys: string[]) => {
      await tabTo(b.page, b.page.getByLabel(startsWith(label)));
      for (const k of keys) await b.page.keyboard.press(k);
    };
    const garden = lang === 'fr' ? 'Un jardin partagé au bout de la ruelle.' : 'A shared garden at the end of the alley.';
    await key(t('calls.apply.project'), ['ArrowDown']);
    await key(t('calls.apply.requested'), []);
    await b.page.keyboard.type('3000');
    await key(labels[0]!, []);
    await b.page.keyboard.type(garden);
    await key(labels[1]!, []);
    await b.page.keyboard.type('12');
    await key(labels[2]!, ['ArrowDown']);
    expect([await b.page.getByLabel(startsWith(t('calls.apply.project'))).inputValue(), await b.page.getByLabel(startsWith(labels[2]!)).inputValue()]).toEqual([pb.project.id, yes]);
    await tabTo(b.page, b.page.getByRole('button', { name: t('calls.apply.submit') }));
    await b.page.keyboard.press('Enter');
    await expect.poll(() => b.page.getByText(t('calls.notice.submitted')).count()).toBe(1);
    const call = (await h.ctx.database.db.select().from(calls).where(eq(calls.slug, slug)))[0]!;
    const questions = await h.ctx.database.db.select().from(callQuestions).where(eq(callQuestions.callId, call.id)).orderBy(asc(callQuestions.position));
    const session = await signIn(h.ctx, pc.user.email);
    const viaApi = await h.ctx.app.inject({
      method: 'POST', url: `/api/v1/calls/${call.id}/applications`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { project: pc.project.id, requestedCents: 250_000, submit: true, answers: { [questions[0]!.id]: lang === 'fr' ? 'Un frigo partagé.' : 'A shared fridge.', [questions[1]!.id]: 8, [questions[2]!.id]: yes } },
    });
    expect(viaApi.statusCode).toBe(201);
    const appOf = async (projectId: string) => (await h.ctx.database.db.select({ id: callApplications.id }).from(callApplications).where(and(eq(callApplications.callId, call.id), eq(callApplications.projectId, projectId))))[0]!.id;
    const [appA, appB, appC] = [await appOf(pa.project.id), await appOf(pb.project.id), await appOf(pc.project.id)];

    // Staff see the three applications.
    await s.page.goto(callUrl);
    await s.page.getByRole('link', { name: t('calls.detail.applications', { count: 3 }) }).click();
    await expect.poll(() => s.page.getByRole('link', { name: pa.project.title }).count()).toBe(1);
    await expectAccessible(s.page, 'staff applications list');

    // The second delegate sits on the first project's committee: they declare the conflict (a reason is required).
    const j2 = await newPage(h.browser, { locale });
    await signInAs(h, j2.page, d2.email, t);
    await j2.page.goto(`${h.baseUrl}/appels/${slug}/jury`);
    await j2.page.getByRole('link', { name: t('callReviews.queue.conflictsLink') }).click();
    await expectAccessible(j2.page, 'conflicts form');
    await j2.page.locator(`#conflict-${appA}`).check();
    j2.page.once('dialog', (dialog) => void dialog.accept());
    await j2.page.getByRole('button', { name: t('callReviews.conflicts.submit') }).click();
    await expect.poll(() => j2.page.getByText(t('callReviews.validation.reason')).count()).toBeGreaterThan(0);
    await expectAccessible(j2.page, 'conflicts form with an error');
    await j2.page.locator(`#reason-${appA}`).fill(lang === 'fr' ? 'Je siège au comité de ce projet.' : 'I sit on this project’s committee.');
    j2.page.once('dialog', (dialog) => void dialog.accept());
    await j2.page.getByRole('button', { name: t('callReviews.conflicts.submit') }).click();
    await expect.poll(() => j2.page.getByText(t('callReviews.notice.conflicts')).count()).toBe(1);

    // Staff close submissions early from the call page (confirming); promoters can no longer edit.
    await s.page.goto(callUrl);
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('calls.detail.move', { phase: t('calls.phase.review') }) }).click();
    await expect.poll(() => s.page.getByText(`${t('calls.phase.review')} ${t('calls.detail.current')}`).count()).toBe(1);
    await a.page.goto(callUrl);
    expect(await a.page.getByRole('link', { name: t('calls.detail.edit') }).count()).toBe(0);

    // The jury scores from its queue.
    const j1 = await newPage(h.browser, { locale });
    await signInAs(h, j1.page, d1.email, t);
    const score = async (page: Page, project: string, values: [number, number], note = '') => {
      await page.goto(`${h.baseUrl}/appels/${slug}/jury`);
      await page.getByRole('link', { name: t('callReviews.queue.openLabel', { project }) }).click();
      await page.getByLabel(startsWith(criteria[0]!)).fill(String(values[0]));
      await page.getByLabel(startsWith(criteria[1]!)).fill(String(values[1]));
      if (note) await page.getByLabel(startsWith(t('callReviews.evaluation.note'))).fill(note);
      await page.getByRole('button', { name: t('callReviews.evaluation.save') }).click();
      await expect.poll(() => page.getByText(t('callReviews.notice.saved')).count()).toBe(1);
    };
    await j1.page.goto(`${h.baseUrl}/appels/${slug}/jury`);
    await expect.poll(() => j1.page.getByText(t('callReviews.queue.progress', { reviewed: 0, total: 3 })).count()).toBe(1);
    await expectAccessible(j1.page, 'review queue');
    await j1.page.getByRole('link', { name: t('callReviews.queue.openLabel', { project: pa.project.title }) }).click();
    await expect.poll(() => j1.page.getByText(planters).count()).toBe(1);
    await expectAccessible(j1.page, 'scoring form');
    await shoot(j1.page, `evaluation-${lang}`);
    await score(j1.page, pa.project.title, [9, 8], lang === 'fr' ? 'Très solide.' : 'Very solid.');
    await score(j1.page, pb.project.title, [7, 6]);
    await score(j1.page, pc.project.title, [3, 4]);
    await j1.page.goto(`${h.baseUrl}/appels/${slug}/jury`);
    await expect.poll(() => j1.page.getByText(t('callReviews.queue.progress', { reviewed: 3, total: 3 })).count()).toBe(1);
    await j2.page.goto(`${h.baseUrl}/appels/${slug}/jury`);
    await expect.poll(() => j2.page.getByText(t('callReviews.queue.conflict')).count()).toBe(1);
    await expectAccessible(j2.page, 'queue with a conflict');
    expect(await j2.page.getByRole('link', { name: t('callReviews.queue.openLabel', { project: pa.project.title }) }).count()).toBe(0);
    await score(j2.page, pb.project.title, [8, 8]);
    await score(j2.page, pc.project.title, [4, 3]);

    // Staff move to results, read the ranking, are refused an award over the maximum, award two and publish.
    await s.page.goto(callUrl);
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('calls.detail.move', { phase: t('calls.phase.results') }) }).click();
    await expect.poll(() => s.page.getByText(`${t('calls.phase.results')} ${t('calls.detail.current')}`).count()).toBe(1);
    await s.page.getByRole('link', { name: t('callReviews.links.ranking') }).first().click();
    await expect.poll(() => s.page.textContent('h1')).toBe(t('callReviews.ranking.title'));
    await expectAccessible(s.page, 'ranking');
    const amount = (title: string) => s.page.getByLabel(t('callReviews.ranking.amount', { project: title }));
    await amount(pa.project.title).fill('6000');
    await s.page.locator(`form[action$="/${appA}/laureat"] button`).click();
    await expect.poll(() => s.page.getByText(t('errors.AWARD_OVER_MAX')).count()).toBe(1);
    await expectAccessible(s.page, 'ranking with a refusal');
    await amount(pa.project.title).fill('4500');
    await s.page.locator(`form[action$="/${appA}/laureat"] button`).click();
    await expect.poll(() => s.page.getByText(t('callReviews.notice.awarded')).count()).toBe(1);
    await amount(pb.project.title).fill('3000');
    await s.page.locator(`form[action$="/${appB}/laureat"] button`).click();
    await expect.poll(() => s.page.getByText(t('callReviews.notice.awarded')).count()).toBe(1);
    await shoot(s.page, `ranking-${lang}`);
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('callReviews.ranking.publish') }).click();
    await expect.poll(() => s.page.getByText(t('callReviews.notice.published')).count()).toBe(1);
    await expectAccessible(s.page, 'results (staff)');

    // Anyone reads the results from the call page.
    const v = await newPage(h.browser, { locale });
    await v.page.goto(callUrl);
    await v.page.getByRole('link', { name: t('callReviews.links.results') }).first().click();
    await expect.poll(() => v.page.getByRole('heading', { name: t('callReviews.results.winners') }).count()).toBe(1);
    await expect.poll(() => v.page.getByText(pa.project.title).count()).toBeGreaterThan(0);
    await expectAccessible(v.page, 'public results');
    await shoot(v.page, `results-${lang}`);

    // The winner is notified and wears the badge; the third applicant is told too.
    await a.page.goto(`${h.baseUrl}/notifications`);
    await expect.poll(() => a.page.getByText(t('notifications.kind.call_results.selected', { projectTitle: pa.project.title, subjectTitle: title })).count()).toBe(1);
    await expectAccessible(a.page, 'winner notified');
    await a.page.goto(`${h.baseUrl}/projets/${pa.project.id}`);
    await expect.poll(() => a.page.locator('.badge-laureate').count()).toBe(1);
    await expectAccessible(a.page, 'project page with the badge');
    await shoot(a.page, `project-badge-${lang}`);
    const c = await newPage(h.browser, { locale });
    await signInAs(h, c.page, pc.user.email, t);
    await c.page.goto(`${h.baseUrl}/notifications`);
    await expect.poll(() => c.page.getByText(t('notifications.kind.call_results.not_selected', { projectTitle: pc.project.title, subjectTitle: title })).count()).toBe(1);
    expect(appC).toBeTruthy();
    for (const p of [s, a, b, j1, j2, v, c]) await p.context.close();
  });
});
