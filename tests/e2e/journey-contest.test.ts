/**
 * Journey 5 of product.md: "Staff run a participation contest (one entry per fulfilled pledge in
 * October); an auditable draw picks winners anyone can verify." Staff create and publish the
 * contest through the UI; pledges fulfilled in October come from factories; staff run the draw
 * through the UI; the downloaded draw file is verified; a winner claims with the skill-testing
 * question. In French and English, axe on every page reached, screenshots in /tmp/journey-contest-*.png.
 *
 * The app's clock is today's: the contest is created for next October (a contest is published
 * before its period ends), then its period is moved back one year, as if that October had passed.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, tabTo, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createTerritory, createUser, uid } from '../helpers/factories.js';
import { adultMember, fulfilledPledge } from '../integration/contests.fixtures.js';
import { contests } from '../../src/modules/contests/contests.tables.js';
import { verifyDraw, type PublishedDraw } from '../../src/modules/contests/contests.draw.js';

const h = useBrowserHarness();

describe.each(JOURNEY_LOCALES)('contest journey (%s)', (lang, locale, t) => {
  it('staff create and publish a contest, October’s fulfilled pledges earn entries, the draw is verified and a winner claims', async () => {
    const territory = await createTerritory(h.ctx, { nameFr: `Quartier ${uid().slice(0, 4)}`, nameEn: `Neighbourhood ${uid().slice(0, 4)}` });
    const caisse = await createCaisse(h.ctx, { territoryIds: [territory.id], name: lang === 'fr' ? 'Caisse des Cèdres' : 'Cedar Caisse' });
    const staff = await createUser(h.ctx, { locale: lang, role: { role: 'staff', caisseId: caisse.id } });
    const promoter = await createUser(h.ctx, { territoryId: territory.id });
    const nextYear = new Date().getUTCFullYear() + 1;
    const title = lang === 'fr' ? `Octobre de l’entraide ${uid().slice(0, 4)}` : `Mutual aid October ${uid().slice(0, 4)}`;

    // Staff create the contest from the caisse space.
    const s = await newPage(h.browser, { locale });
    await signInAs(h, s.page, staff.email, t);
    await s.page.goto(`${h.baseUrl}/caisses/${caisse.slug}/espace`);
    await s.page.getByRole('link', { name: t('contests.space.create') }).click();
    await expect.poll(() => s.page.textContent('h1')).toBe(t('contests.form.newTitle'));
    await expectAccessible(s.page, 'new contest form');
    await s.page.getByLabel(startsWith(t('contests.form.titleFr'))).fill(title);
    await s.page.getByLabel(startsWith(t('contests.form.titleEn'))).fill(title);
    await s.page.getByLabel(startsWith(t('contests.form.descriptionFr'))).fill('Une participation par engagement réalisé en octobre.');
    await s.page.getByLabel(startsWith(t('contests.form.descriptionEn'))).fill('One entry per pledge fulfilled in October.');
    await s.page.getByLabel(startsWith(t('contests.form.startsOn'))).fill(`${nextYear}-10-01`);
    await s.page.getByLabel(startsWith(t('contests.form.endsOn'))).fill(`${nextYear}-10-31`);
    await s.page.locator('[name="entryRules.pledge_fulfilled"]').fill('1');
    await s.page.getByLabel(startsWith(t('contests.form.capPerPerson'))).fill('5');
    await s.page.locator('[name="prizes.0.nameFr"]').fill('Panier du marché');
    await s.page.locator('[name="prizes.0.nameEn"]').fill('Market basket');
    await s.page.locator('[name="prizes.0.quantity"]').fill('2');
    await s.page.locator('[name="prizes.0.valueDollars"]').fill('75');
    await s.page.getByLabel(startsWith(t('contests.form.drawDate'))).fill(`${nextYear}-11-03`);
    await s.page.getByLabel(startsWith(t('contests.form.drawTime'))).fill('14:00');
    await s.page.getByLabel(startsWith(t('contests.form.drawPlaceFr'))).fill('À la caisse');
    await s.page.getByLabel(startsWith(t('contests.form.drawPlaceEn'))).fill('At the caisse');
    await s.page.getByLabel(startsWith(t('contests.form.skillQuestion'))).fill('(7 × 6) + 8 = ?');
    await s.page.getByLabel(startsWith(t('contests.form.skillAnswer'))).fill('50');
    await s.page.getByLabel(startsWith(t('contests.form.howToldFr'))).fill('Par courriel et dans la plateforme.');
    await s.page.getByLabel(startsWith(t('contests.form.howToldEn'))).fill('By e-mail and in the platform.');
    await s.page.getByRole('button', { name: t('contests.form.save') }).click();
    await expect.poll(() => s.page.getByText(t('contests.notice.created')).count()).toBe(1);
    await expect.poll(() => s.page.textContent('h1')).toBe(title);
    await expectAccessible(s.page, 'draft contest');

    // …and publish it, confirming first: the commitment is public.
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('contests.staff.publish') }).click();
    await expect.poll(() => s.page.getByText(t('contests.notice.published')).count()).toBe(1);
    const commitment = (await s.page.locator('code.contest-hash').first().textContent())!;
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(s.page, 'published contest');
    const slug = s.page.url().split('/concours/')[1]!.split('?')[0]!;

    // October has passed: people fulfilled pledges then (one in September does not count).
    const [row] = await h.ctx.database.db.select().from(contests).where(eq(contests.slug, slug));
    await h.ctx.database.db.update(contests).set({ startsAt: sql`${contests.startsAt} - interval '1 year'`, endsAt: sql`${contests.endsAt} - interval '1 year'`, drawAt: sql`now()` }).where(eq(contests.id, row!.id));
    const october = (d: number) => new Date(`${nextYear - 1}-10-${String(d).padStart(2, '0')}T16:00:00Z`);
    const winner = await adultMember(h.ctx, territory.id, { locale: lang, displayName: lang === 'fr' ? 'Gaëlle Gagnante' : 'Wendy Winner' });
    const other = await adultMember(h.ctx, territory.id);
    await fulfilledPledge(h.ctx, { supporterId: winner.id, promoterId: promoter.id, territoryId: territory.id, at: october(8) });
    await fulfilledPledge(h.ctx, { supporterId: winner.id, promoterId: promoter.id, territoryId: territory.id, at: october(21) });
    await fulfilledPledge(h.ctx, { supporterId: winner.id, promoterId: promoter.id, territoryId: territory.id, at: new Date(`${nextYear - 1}-09-20T16:00:00Z`) });
    await fulfilledPledge(h.ctx, { supporterId: other.id, promoterId: promoter.id, territoryId: territory.id, at: october(14) });

    // The member sees their entries and which actions earned them.
    const m = await newPage(h.browser, { locale });
    await signInAs(h, m.page, winner.email, t);
    await m.page.goto(`${h.baseUrl}/concours/${slug}`);
    await expect.poll(() => m.page.getByText(t('contests.mine.entries', { count: 2 }), { exact: true }).count()).toBe(1);
    await expectAccessible(m.page, 'contest page with my entries');

    // Staff run the draw through the UI, confirming first.
    await s.page.goto(`${h.baseUrl}/concours/${slug}`);
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('contests.staff.draw') }).click();
    await expect.poll(() => s.page.getByText(t('contests.notice.drawn')).count()).toBe(1);
    await expectAccessible(s.page, 'draw page');
    await s.page.screenshot({ path: `/tmp/journey-contest-draw-${lang}.png`, fullPage: true });

    // Anyone downloads the draw file and recomputes it.
    const visitor = await newPage(h.browser, { locale, width: 390 });
    await visitor.page.goto(`${h.baseUrl}/concours/${slug}/tirage`);
    await expectAccessible(visitor.page, 'draw page, visitor');
    const [download] = await Promise.all([visitor.page.waitForEvent('download'), visitor.page.getByRole('link', { name: t('contests.drawPage.fileDraw') }).click()]);
    const draw = JSON.parse(await readFile((await download.path()), 'utf8')) as PublishedDraw;
    expect(draw.commitment).toBe(commitment);
    expect(verifyDraw(draw)).toEqual({ ok: true, problems: [] });
    expect(draw.entryList!.entries.map((e) => e.entries).sort()).toEqual([1, 2]);
    await visitor.page.screenshot({ path: `/tmp/journey-contest-draw-${lang}-390.png`, fullPage: true });

    // The winner (two prizes, two people: both win) claims with the skill-testing question.
    await m.page.goto(`${h.baseUrl}/concours/${slug}`);
    await m.page.getByRole('link', { name: t('contests.mine.claimLink') }).click();
    await expectAccessible(m.page, 'claim page');
    await m.page.getByLabel(startsWith(t('contests.claim.answer'))).fill('48');
    await m.page.getByLabel(t('contests.claim.attest')).check();
    await m.page.getByRole('button', { name: t('contests.claim.submit') }).click();
    await expect.poll(() => m.page.getByText(t('contests.claim.wrong', { count: 2 })).count()).toBeGreaterThan(0);
    await expectAccessible(m.page, 'claim page after a wrong answer');
    // The second try, with the keyboard only.
    await tabTo(m.page, m.page.getByLabel(startsWith(t('contests.claim.answer'))));
    await m.page.keyboard.press('ControlOrMeta+A');
    await m.page.keyboard.type('50');
    const attest = m.page.getByLabel(t('contests.claim.attest'));
    await tabTo(m.page, attest);
    if (!(await attest.isChecked())) await m.page.keyboard.press('Space');
    expect(await attest.isChecked()).toBe(true);
    await tabTo(m.page, m.page.getByRole('button', { name: t('contests.claim.submit') }));
    await m.page.keyboard.press('Enter');
    await expect.poll(() => m.page.getByText(t('contests.claim.done', { prize: lang === 'fr' ? 'Panier du marché' : 'Market basket' })).count()).toBe(1);
    await expectAccessible(m.page, 'prize claimed');
    await m.page.setViewportSize({ width: 390, height: 800 });
    await m.page.screenshot({ path: `/tmp/journey-contest-claimed-${lang}-390.png`, fullPage: true });
    await Promise.all([m.context.close(), s.context.close(), visitor.context.close()]);
  });
});
