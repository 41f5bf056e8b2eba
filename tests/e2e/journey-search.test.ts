/**
 * Search and reporting an offer (issue 10): a neighbour types "eglise" in the search page and finds
 * the "Église" project, offer, organisation and person, each type in its own section; opens the
 * offer and reports it; a moderator of the territory's caisse sees it in the queue. French and
 * English, axe on every page reached, on a desktop and a phone width.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createOrganisation, createProject, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { reports } from '../../src/modules/moderation/moderation.tables.js';
import { newId } from '../../src/db/ids.js';

const h = useBrowserHarness();

describe.each(JOURNEY_LOCALES)('search journey (%s)', (lang, locale, t) => {
  const width = lang === 'fr' ? 1280 : 390; // French on a desktop, English on a phone

  it('"eglise" finds "Église" across types; the offer is reported', async () => {
    const db = h.ctx.database.db;
    const villeray = (await territoriesRepository.findBySlug(db, 'villeray'))!;
    const marker = `q${uid().slice(0, 6)}`;
    const owner = await createUser(h.ctx, { territoryId: villeray.id, locale: lang, displayName: `Éloïse Église ${marker}` });
    const neighbour = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const project = await createProject(h.ctx, { promoterId: owner.id, territoryId: villeray.id, title: `Clocher de l’Église ${marker}` });
    const org = await createOrganisation(h.ctx, { name: `Fabrique de l’Église ${marker}`, territoryId: villeray.id });
    const offerId = newId();
    await db.insert(offers).values({ id: offerId, ownerId: owner.id, kind: 'material', title: `Bancs d’église ${marker}`, description: 'À donner', territoryIds: [villeray.id] });

    const { page } = await newPage(h.browser, { locale, width });
    await signInAs(h, page, neighbour.email, t);
    await page.goto(`${h.baseUrl}/recherche`);
    await expectAccessible(page, 'empty search page');
    await page.getByLabel(t('search.label'), { exact: false }).fill(`eglise ${marker}`);
    await page.getByRole('button', { name: t('search.submit'), exact: true }).click();
    await page.waitForURL(/\/recherche\?q=/);
    for (const type of ['project', 'offer', 'organisation', 'person'] as const) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name: t(`search.types.${type}`) }).count()).toBe(1);
    }
    expect(await page.getByRole('link', { name: project.title }).count()).toBe(1);
    expect(await page.getByRole('link', { name: org.name }).count()).toBe(1);
    expect(await page.getByRole('link', { name: owner.displayName }).count()).toBe(1);
    await expectAccessible(page, 'search results');

    // The offers tab keeps only offers.
    await page.getByRole('navigation', { name: t('search.tabsLabel') }).getByRole('link', { name: t('search.types.offer') }).click();
    await expect.poll(() => page.getByRole('link', { name: project.title }).count()).toBe(0);

    // Open the offer and report it.
    await page.getByRole('link', { name: `Bancs d’église ${marker}` }).click();
    await page.waitForURL(`**/offres/${offerId}`);
    await expectAccessible(page, 'offer page');
    await page.getByRole('link', { name: t('moderation.reportLinkLabel.offer') }).click();
    await page.getByLabel(t('moderation.reasons.spam')).check();
    await expectAccessible(page, 'report form');
    await page.getByRole('button', { name: t('moderation.report.submit') }).click();
    await page.waitForURL(/\/signaler\/merci/);
    await expectAccessible(page, 'report sent');
    const filed = await db.select().from(reports).where(and(eq(reports.targetType, 'offer'), eq(reports.targetId, offerId)));
    expect(filed.map((r) => [r.reporterId, r.territoryId, r.reason])).toEqual([[neighbour.id, villeray.id, 'spam']]);
  });
});
