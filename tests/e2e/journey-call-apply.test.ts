/**
 * Journey (issue 9, product.md journey 4, first half): caisse staff create a call for projects with
 * a deadline and three questions (adding rows with the "add a question" button), publish it; a
 * promoter applies with their project, then edits the application. French and English, axe on every
 * page reached, screenshots at desktop width and 390 px (/tmp/shots/calls/journey-*.png).
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, mainNavLink, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createProject, createTerritory, createUser, uid } from '../helpers/factories.js';
import { toMontrealLocal } from '../../src/modules/calls/calls.dates.js';

const h = useBrowserHarness();
const DAY = 86_400_000;

describe.each(JOURNEY_LOCALES)('call for projects journey (%s)', (lang, locale, t) => {
  it('staff open a call with three questions; a promoter applies and edits the application', async () => {
    const territory = await createTerritory(h.ctx, { nameFr: `Quartier ${uid().slice(0, 4)}`, nameEn: `Neighbourhood ${uid().slice(0, 4)}` });
    const caisse = await createCaisse(h.ctx, { territoryIds: [territory.id], name: lang === 'fr' ? 'Caisse des Ruelles' : 'Alley Caisse' });
    const staff = await createUser(h.ctx, { locale: lang, role: { role: 'staff', caisseId: caisse.id } });
    const promoter = await createUser(h.ctx, { territoryId: territory.id, locale: lang });
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: territory.id, title: lang === 'fr' ? `Ruelle des Lilas ${uid().slice(0, 4)}` : `Lilac Alley ${uid().slice(0, 4)}` });
    const title = lang === 'fr' ? `Verdir nos ruelles ${uid().slice(0, 4)}` : `Greener alleys ${uid().slice(0, 4)}`;
    const labels = lang === 'fr' ? ['Que ferez-vous dans la ruelle?', 'Combien de ménages participent?', 'Accord de l’arrondissement?'] : ['What will you do in the alley?', 'How many households take part?', 'Borough approval?'];

    // Staff create the call from the list, adding two question rows.
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
    await s.page.locator('[name="criteria.0.label"]').fill(lang === 'fr' ? 'Impact' : 'Impact');
    await s.page.locator('[name="criteria.0.weight"]').fill('3');
    await expectAccessible(s.page, 'new call form with three questions');
    await s.page.getByRole('button', { name: t('calls.form.save') }).click();
    await expect.poll(() => s.page.getByText(t('calls.notice.created')).count()).toBe(1);
    await expectAccessible(s.page, 'draft call');

    // They publish it (confirming first): it opens at once.
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('calls.detail.publish') }).click();
    await expect.poll(() => s.page.getByText(t('calls.notice.moved')).count()).toBe(1);
    await expect.poll(() => s.page.getByText(`${t('calls.phase.open')} ${t('calls.detail.current')}`).count()).toBe(1);
    const callUrl = s.page.url().split('?')[0]!;
    await s.page.screenshot({ path: `/tmp/shots/calls/journey-call-open-${lang}.png`, fullPage: true });

    // The promoter finds it and applies.
    const p = await newPage(h.browser, { locale });
    await signInAs(h, p.page, promoter.email, t);
    await p.page.goto(callUrl);
    await expectAccessible(p.page, 'call page');
    await p.page.getByRole('link', { name: t('calls.detail.apply') }).click();
    await expect.poll(() => p.page.textContent('h1')).toBe(t('calls.apply.title', { call: title }));
    await expectAccessible(p.page, 'application form');
    await p.page.getByLabel(startsWith(t('calls.apply.project'))).selectOption(project.id);
    await p.page.getByRole('button', { name: t('calls.apply.submit') }).click();
    await expect.poll(() => p.page.locator('#error-summary').count()).toBe(1);
    await expectAccessible(p.page, 'application form with errors');
    await p.page.getByLabel(startsWith(t('calls.apply.requested'))).fill('3500');
    await p.page.getByLabel(startsWith(labels[0]!)).fill(lang === 'fr' ? 'Douze bacs de vivaces et deux bancs.' : 'Twelve planters and two benches.');
    await p.page.getByLabel(startsWith(labels[1]!)).fill('24');
    await p.page.getByLabel(startsWith(labels[2]!)).selectOption(lang === 'fr' ? 'Oui' : 'Yes');
    await p.page.getByRole('button', { name: t('calls.apply.submit') }).click();
    await expect.poll(() => p.page.getByText(t('calls.notice.submitted')).count()).toBe(1);
    await expect.poll(() => p.page.getByText(t('calls.apply.status', { status: t('calls.appStatus.submitted') }), { exact: false }).count()).toBe(1);
    await expectAccessible(p.page, 'call page with my application');

    // They edit it before the deadline.
    await p.page.getByRole('link', { name: t('calls.detail.edit') }).click();
    await expect.poll(() => p.page.textContent('h1')).toBe(t('calls.apply.editTitle', { call: title }));
    await expectAccessible(p.page, 'application edit form');
    await p.page.getByLabel(startsWith(labels[1]!)).fill('30');
    await p.page.getByRole('button', { name: t('calls.apply.submit') }).click();
    await expect.poll(() => p.page.getByText(t('calls.notice.submitted')).count()).toBe(1);
    await p.page.setViewportSize({ width: 390, height: 800 });
    await p.page.screenshot({ path: `/tmp/shots/calls/journey-applied-${lang}-390.png`, fullPage: true });

    // Staff see the application in the call's list.
    await s.page.goto(`${callUrl}/candidatures`);
    await expect.poll(() => s.page.getByRole('link', { name: project.title }).count()).toBe(1);
    await expectAccessible(s.page, 'staff applications list');
    await s.context.close();
    await p.context.close();
  });
});
