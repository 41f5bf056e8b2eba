/**
 * Journeys 2 and 3 (product.md): a promoter publishes a project with four needs; a neighbour
 * pledges 4 hours; a partner business pledges the loan "on its honour"; the promoter accepts both
 * and both sides confirm the hours were given; the need shows its progress and impact moves.
 * In French and English, with an axe check on every page reached.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createOrganisation, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import type { T } from '../../src/platform/i18n/i18n.js';

const h = useBrowserHarness();

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

async function addNeed(page: Page, fields: Record<string, string>, kind: string, t: T) {
  await page.getByRole('link', { name: t('projects.edit.addNeed') }).first().click();
  await page.locator(`input[name="kind"][value="${kind}"]`).check();
  for (const [name, value] of Object.entries(fields)) {
    const radio = page.locator(`input[type="radio"][name="${name}"][value="${value}"]`);
    if ((await radio.count()) > 0) await radio.check();
    else await page.locator(`[name="${name}"]`).fill(value);
  }
  await page.getByRole('button', { name: t('needs.form.submitNew') }).click();
  await page.waitForURL('**/modifier**').catch(async (err: Error) => {
    throw new Error(`${err.message}\n${page.url()}\n${(await page.textContent('main'))?.slice(0, 1500)}`);
  });
}

async function pledge(page: Page, projectUrl: string, needTitle: string, quantity: string, t: T, onBehalfOf?: string) {
  await page.goto(projectUrl);
  await page.getByRole('link', { name: t('needs.helpFor', { title: needTitle }) }).click();
  await expectAccessible(page, 'pledge form');
  await page.locator('input[name="quantity"]').fill(quantity);
  await page.locator('input[name="startDate"]').fill(inAWeek());
  if (onBehalfOf) await page.getByLabel(t('pledges.form.asOrganisation', { name: onBehalfOf })).check();
  await page.getByRole('button', { name: t('pledges.form.submit') }).click();
  await expect.poll(() => page.textContent('h1')).toBe(t('pledges.confirm.title'));
  await expectAccessible(page, 'pledge confirmation');
  await page.getByRole('button', { name: t('pledges.confirm.confirm') }).click();
  await page.waitForURL('**/moi/contributions**');
}

describe.each(JOURNEY_LOCALES)('mutual-aid journey (%s)', (lang, locale, t) => {
  it('publishes a project with four needs, receives two pledges, and counts the help once both sides confirm', async () => {
    const villeray = (await territoriesRepository.findBySlug(h.ctx.database.db, 'villeray'))!;
    const promoter = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const neighbour = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const partnerRep = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const partner = await createOrganisation(h.ctx, { representativeId: partnerRep.id, partner: true, name: `Café du Coin ${uid().slice(0, 4)}` });
    const title = lang === 'fr' ? `Vélo-cargo solidaire ${uid().slice(0, 4)}` : `Shared cargo bike ${uid().slice(0, 4)}`;
    const hoursNeed = lang === 'fr' ? 'Bénévoles pour les livraisons' : 'Volunteers for deliveries';
    const loanNeed = lang === 'fr' ? 'Prêt pour le vélo' : 'Loan for the bike';

    // Journey 2: the promoter publishes.
    const promo = await newPage(h.browser, { locale });
    await signInAs(h, promo.page, promoter.email, t);
    await promo.page.goto(`${h.baseUrl}/projets/nouveau`);
    await expectAccessible(promo.page, 'new project');
    await promo.page.getByLabel(startsWith(t('projects.fields.title'))).fill(title);
    await promo.page.getByLabel(startsWith(t('projects.fields.summary'))).fill(lang === 'fr' ? 'Livrer les paniers du marché aux aînés.' : 'Deliver market baskets to seniors.');
    await promo.page.locator('select[name="category"]').selectOption('mobility');
    await promo.page.locator('select[name="territory"]').selectOption('villeray');
    await promo.page.getByRole('button', { name: t('projects.create.submit') }).click();
    await promo.page.waitForURL('**/modifier**');
    await expectAccessible(promo.page, 'edit project');
    await addNeed(promo.page, { title: hoursNeed, quantity: '10' }, 'volunteering', t);
    await addNeed(promo.page, { title: loanNeed, quantity: '2000', loanTermMonths: '12', loanRateBps: '0' }, 'loan', t);
    await addNeed(promo.page, { title: lang === 'fr' ? 'Un vélo-cargo prêté' : 'A lent cargo bike', quantity: '1', materialMode: 'lend', returnDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) }, 'material', t);
    await addNeed(promo.page, { title: lang === 'fr' ? 'Tenue de livres' : 'Bookkeeping', quantity: '6', skills: lang === 'fr' ? 'tenue de livres' : 'bookkeeping' }, 'expertise', t);
    await promo.page.getByRole('button', { name: t('projects.transition.to.published') }).click();
    await promo.page.waitForLoadState();
    const projectUrl = promo.page.url().replace(/\/modifier.*$/, '');
    await promo.page.goto(projectUrl);
    expect(await promo.page.textContent('main')).toContain(t('projects.status.published'));
    await expectAccessible(promo.page, 'project page');

    // It appears in the neighbourhood's list.
    const visitor = await newPage(h.browser, { locale });
    await visitor.page.goto(`${h.baseUrl}/territoires/villeray`);
    expect(await visitor.page.textContent('main')).toContain(title);
    await visitor.context.close();

    // Journey 3: a neighbour pledges 4 hours; the partner pledges the loan on its honour.
    const nb = await newPage(h.browser, { locale });
    await signInAs(h, nb.page, neighbour.email, t);
    await pledge(nb.page, projectUrl, hoursNeed, '4', t);
    await expectAccessible(nb.page, 'my contributions');
    const pt = await newPage(h.browser, { locale });
    await signInAs(h, pt.page, partnerRep.email, t);
    await pledge(pt.page, projectUrl, loanNeed, '2000', t, partner.name);

    // The promoter accepts both and confirms the hours were given.
    await promo.page.goto(`${h.baseUrl}/moi/engagements-recus`);
    await expectAccessible(promo.page, 'pledges inbox');
    expect(await promo.page.textContent('main')).toContain(partner.name);
    for (let i = 0; i < 2; i++) {
      await promo.page.getByRole('button', { name: t('pledges.actions.accept') }).first().click();
      await promo.page.waitForLoadState();
    }
    await promo.page.goto(`${h.baseUrl}/moi/engagements-recus`);
    await promo.page.getByRole('button', { name: t('pledges.actions.confirmFulfilled') }).first().click();
    await promo.page.waitForLoadState();

    // The promoter writes to the neighbour about the pledge; the neighbour sees it unread and answers.
    const [pledgeRow] = await h.ctx.database.query<{ id: string }>('SELECT id FROM pledges WHERE supporter_id = $1', [neighbour.id]);
    await promo.page.goto(`${h.baseUrl}/engagements/${pledgeRow!.id}`);
    await promo.page.getByRole('link', { name: t('pledges.detail.write', { name: neighbour.displayName }) }).click();
    await expectAccessible(promo.page, 'new conversation');
    const note = lang === 'fr' ? 'Merci! Rendez-vous samedi 9 h au jardin.' : 'Thank you! See you Saturday 9 am at the garden.';
    await promo.page.getByLabel(startsWith(t('messages.fields.body'))).fill(note);
    await promo.page.getByRole('button', { name: t('messages.send') }).click();
    await promo.page.waitForURL('**/messages/**');
    expect(await promo.page.textContent('main')).toContain(note);
    await nb.page.goto(`${h.baseUrl}/messages`);
    expect(await nb.page.textContent('main')).toContain(t('messages.list.unread', { count: 1 }));
    await expectAccessible(nb.page, 'conversations');
    await nb.page.getByRole('link', { name: new RegExp(promoter.displayName) }).first().click();
    expect(await nb.page.textContent('main')).toContain(note);
    await nb.page.locator('textarea[name="body"]').fill(lang === 'fr' ? 'Parfait, à samedi!' : 'Perfect, see you Saturday!');
    await nb.page.getByRole('button', { name: t('messages.send') }).click();
    await nb.page.waitForLoadState();
    await expectAccessible(nb.page, 'conversation thread');

    // The neighbour confirms too: the pledge is fulfilled.
    await nb.page.goto(`${h.baseUrl}/moi/contributions`);
    await nb.page.getByRole('button', { name: t('pledges.actions.confirmFulfilled') }).first().click();
    await nb.page.waitForLoadState();
    await nb.page.goto(`${h.baseUrl}/moi/contributions`);
    expect(await nb.page.textContent('main')).toContain(t('pledges.status.fulfilled'));

    // The project shows the progress and the impact.
    await visitor.context.close().catch(() => undefined);
    const after = await newPage(h.browser, { locale });
    await after.page.goto(projectUrl);
    const main = (await after.page.textContent('main')) ?? '';
    expect(main).toContain(t('needs.progress', { done: t('needs.qty.hours', { count: 4 }), total: t('needs.qty.hours', { count: 10 }) }));
    expect(main).toContain(t('needs.status.partly_met'));
    expect(main).toContain(partner.name);
    await expectAccessible(after.page, 'project page after help');
    for (const c of [promo, nb, pt, after]) await c.context.close();
  });
});
