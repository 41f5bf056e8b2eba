/**
 * An organisation becomes a partner and pledges "sur l'honneur" (issue 8's "done means"): its
 * representative reads the caisse's charter in both languages, signs it (with a confirmation), sees
 * the partner badge, declares a standing capacity, then pledges to a project need on the
 * organisation's behalf drawing on that capacity. French and English, axe on every page reached.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createNeed, createOrganisation, createProject, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { caisses, caisseTerritories } from '../../src/modules/caisses/caisses.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { seedCharters } from '../../src/seed/charters.js';

const h = useBrowserHarness();
beforeAll(() => seedCharters(h.ctx.app.deps));

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe.each(JOURNEY_LOCALES)('partner journey (%s)', (lang, locale, t) => {
  it('signs the caisse’s charter, declares a capacity and pledges on the organisation’s honour', async () => {
    const db = h.ctx.database.db;
    const villeray = (await territoriesRepository.findBySlug(db, 'villeray'))!;
    const caisseId = (await db.select().from(caisseTerritories).where(eq(caisseTerritories.territoryId, villeray.id)))[0]!.caisseId;
    const caisse = (await db.select().from(caisses).where(eq(caisses.id, caisseId)))[0]!;
    const rep = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const name = lang === 'fr' ? `Quincaillerie Jarry ${uid().slice(0, 4)}` : `Jarry Hardware ${uid().slice(0, 4)}`;
    const org = await createOrganisation(h.ctx, { representativeId: rep.id, name, territoryId: villeray.id, kind: 'business' });
    const promoter = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: villeray.id, caisseId, title: lang === 'fr' ? `Ruelle verte ${uid().slice(0, 4)}` : `Green alley ${uid().slice(0, 4)}` });
    const need = await createNeed(h.ctx, { projectId: project.id, kind: 'volunteering', quantity: 10, title: lang === 'fr' ? 'Bras pour planter' : 'Hands to plant' });

    const { page } = await newPage(h.browser, { locale });
    page.setDefaultTimeout(10_000);
    page.on('dialog', (d) => void d.accept());
    await signInAs(h, page, rep.email, t);

    // The charter of the caisse serving Villeray, in the reader's language and the other one.
    await page.goto(`${h.baseUrl}/organisations/${org.slug}`);
    await page.getByRole('link', { name: t('organisations.profile.signCharter') }).click();
    await expect.poll(() => page.textContent('h1')).toBe(t('partners.charter.title'));
    const card = page.locator(`#charte-${caisse.slug}`);
    await card.locator('summary').click();
    await expectAccessible(page, 'charter page');
    await card.getByLabel(t('organisations.charter.commitment', { organisation: name })).check();
    await card.getByRole('button', { name: t('partners.charter.signFor', { caisse: caisse.name }) }).click();
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain(t('partners.charter.signedNotice'));

    // The badge on its page.
    await page.goto(`${h.baseUrl}/organisations/${org.slug}`);
    expect(await page.locator('#org-partnerships + ul .badge-partner').first().textContent()).toContain(caisse.name);
    await expectAccessible(page, 'organisation page (partner)');

    // A standing capacity: 10 hours a month.
    await page.goto(`${h.baseUrl}/organisations/${org.slug}/capacites`);
    await page.getByLabel(startsWith(t('organisations.fields.kind'))).selectOption('hours');
    await page.getByLabel(startsWith(t('partners.capacities.amount'))).fill('10');
    await page.getByLabel(startsWith(t('partners.capacities.labelFr'))).fill('Aide à la plantation');
    await page.getByLabel(startsWith(t('partners.capacities.labelEn'))).fill('Planting help');
    await page.getByRole('button', { name: t('partners.capacities.declare') }).click();
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain(t('partners.capacities.declaredNotice'));
    await expectAccessible(page, 'capacities page');

    // Pledging "sur l'honneur": as the organisation, drawing on the capacity.
    await page.goto(`${h.baseUrl}/besoins/${need.id}/engagement`);
    await page.locator('input[name="quantity"]').fill('3');
    await page.locator('input[name="startDate"]').fill(inAWeek());
    await page.getByLabel(t('pledges.form.asOrganisation', { name })).check();
    await page.getByLabel(startsWith(t('partners.capacities.pledgeLabel'))).selectOption({ index: 1 });
    await expectAccessible(page, 'pledge form (organisation)');
    await page.getByRole('button', { name: t('pledges.form.submit') }).click();
    await expect.poll(() => page.textContent('h1')).toBe(t('pledges.confirm.title'));
    expect(await page.textContent('main')).toContain(t('pledges.onBehalf', { organisation: name }));
    await page.getByRole('button', { name: t('pledges.confirm.confirm') }).click();
    await page.waitForURL('**/moi/contributions**');
    const row = (await db.select().from(pledges).where(eq(pledges.needId, need.id)))[0]!;
    expect(row).toMatchObject({ organisationId: org.id, onHonour: true, quantity: 3, supporterId: rep.id });
    expect(row.capacityId).not.toBeNull();

    // The pledge shows on the organisation's page with the honour badge.
    await page.goto(`${h.baseUrl}/organisations/${org.slug}`);
    expect(await page.locator('#org-pledges + ul').textContent()).toContain(t('partners.profile.pledgeLine', { need: need.title, project: project.title }));
    await expectAccessible(page, 'organisation page (pledges)');
  });
});
