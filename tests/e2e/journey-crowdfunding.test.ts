/**
 * Journey (issue 9, crowdfunding links): a promoter links a La Ruche campaign to their project and
 * reports the amount raised; staff of the caisse serving the territory confirm it and commit
 * matchfunding; the project page shows the campaign card, the caisse's share and the amount on the
 * funding need; when the all-or-nothing campaign ends below its goal, a clear notice replaces the
 * counted amounts. In French and English, axe on every page reached; screenshots at 1280 and 390 px
 * in /tmp/shots/crowdfunding/.
 */
import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createNeed, createProject, createTerritory, createUser, uid } from '../helpers/factories.js';
import { crowdfundingCampaigns } from '../../src/modules/crowdfunding/crowdfunding.tables.js';
import { settleDueCampaigns } from '../../src/modules/crowdfunding/crowdfunding.settle.service.js';

const h = useBrowserHarness();
const SHOTS = '/tmp/shots/crowdfunding';
mkdirSync(SHOTS, { recursive: true });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.each(JOURNEY_LOCALES)('crowdfunding journey (%s)', (lang, locale, t) => {
  it('a promoter links a campaign and reports an amount, staff confirm it and match it, and a failed campaign says so', async () => {
    const territory = await createTerritory(h.ctx, { nameFr: `Quartier ${uid().slice(0, 4)}`, nameEn: `Neighbourhood ${uid().slice(0, 4)}` });
    const caisse = await createCaisse(h.ctx, { territoryIds: [territory.id], name: lang === 'fr' ? 'Caisse des Ruelles' : 'Laneways Caisse' });
    const promoter = await createUser(h.ctx, { territoryId: territory.id, locale: lang, displayName: lang === 'fr' ? 'Paule Promotrice' : 'Paula Promoter' });
    const staff = await createUser(h.ctx, { locale: lang, role: { role: 'staff', caisseId: caisse.id }, displayName: lang === 'fr' ? 'Simon Conseiller' : 'Sam Adviser' });
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: territory.id, caisseId: caisse.id, title: lang === 'fr' ? 'Serre de ruelle' : 'Laneway greenhouse' });
    await createNeed(h.ctx, { projectId: project.id, kind: 'funding', quantity: 400_000, title: lang === 'fr' ? 'Structure de la serre' : 'Greenhouse frame' });

    // The promoter links the campaign: a wrong address first (kept, explained), then the right one.
    const p = await newPage(h.browser, { locale });
    await signInAs(h, p.page, promoter.email, t);
    await p.page.goto(`${h.baseUrl}/projets/${project.id}`);
    await p.page.getByRole('link', { name: t('crowdfunding.linkCta') }).click();
    await expect.poll(() => p.page.textContent('h1')).toContain(t('crowdfunding.form.title'));
    await expectAccessible(p.page, 'campaign form');
    await p.page.getByLabel(startsWith(t('crowdfunding.form.url'))).fill('laruchequebec.com/serre');
    await p.page.getByLabel(startsWith(t('crowdfunding.form.goal'))).fill('0');
    await p.page.getByLabel(startsWith(t('crowdfunding.form.endsOn'))).fill(inDays(20));
    await p.page.getByRole('button', { name: t('crowdfunding.form.save') }).click();
    await expect.poll(() => p.page.locator('.error-summary').count()).toBe(1);
    await expect.poll(() => p.page.locator('#url-error').textContent()).toBe(t('crowdfunding.validation.url'));
    await expect.poll(() => p.page.locator('#goalCents-error').textContent()).toBe(t('crowdfunding.validation.goal'));
    await expect.poll(() => p.page.getByLabel(startsWith(t('crowdfunding.form.url'))).inputValue()).toBe('laruchequebec.com/serre');
    await expectAccessible(p.page, 'campaign form with errors');
    await p.page.getByLabel(startsWith(t('crowdfunding.form.url'))).fill('https://laruchequebec.com/fr/projets/serre-de-ruelle');
    await p.page.getByLabel(startsWith(t('crowdfunding.form.goal'))).fill('4000');
    await p.page.getByRole('button', { name: t('crowdfunding.form.save') }).click();
    await expect.poll(() => p.page.getByText(t('crowdfunding.form.saved')).count()).toBe(1);

    // …and reports the amount shown on La Ruche.
    await p.page.getByLabel(startsWith(t('crowdfunding.snapshot.raised'))).fill('1500');
    await p.page.getByLabel(startsWith(t('crowdfunding.snapshot.backers'))).fill('42');
    await p.page.getByRole('button', { name: t('crowdfunding.snapshot.submit') }).click();
    await expect.poll(() => p.page.getByText(t('crowdfunding.snapshot.submitted')).count()).toBe(1);
    await expect.poll(() => p.page.getByText(t('crowdfunding.snapshot.status.pending'), { exact: true }).count()).toBe(1);
    await expectAccessible(p.page, 'campaign page with a pending amount');
    await p.page.screenshot({ path: `${SHOTS}/journey-campaign-form-${lang}-1280.png`, fullPage: true });

    // Staff of the serving caisse find it in their space, confirm it, and commit matchfunding.
    const s = await newPage(h.browser, { locale });
    await signInAs(h, s.page, staff.email, t);
    await s.page.goto(`${h.baseUrl}/caisses/${caisse.slug}/espace`);
    await expect.poll(() => s.page.getByRole('heading', { name: t('crowdfunding.space.title') }).count()).toBe(1);
    await s.page.getByRole('link', { name: project.title }).first().click();
    await expect.poll(() => s.page.textContent('h1')).toBe(t('crowdfunding.confirm.title', { project: project.title }));
    await expectAccessible(s.page, 'staff confirmation page');
    await s.page.screenshot({ path: `${SHOTS}/journey-confirm-${lang}-1280.png`, fullPage: true });
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: startsWith(t('crowdfunding.confirm.confirm')) }).click();
    await expect.poll(() => s.page.getByText(t('crowdfunding.confirm.done')).count()).toBe(1);
    await expect.poll(() => s.page.getByText(t('crowdfunding.snapshot.status.confirmed'), { exact: true }).count()).toBe(1);
    await expectAccessible(s.page, 'amount confirmed');
    await s.page.goto(`${h.baseUrl}/projets/${project.id}/campagne/financement`);
    await expectAccessible(s.page, 'matchfunding form');
    await s.page.getByLabel(startsWith(t('crowdfunding.matchForm.cap'))).fill('2500');
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByRole('button', { name: t('crowdfunding.matchForm.save') }).click();
    await expect.poll(() => s.page.getByText(t('crowdfunding.matchForm.saved')).count()).toBe(1);

    // Everyone sees the campaign card, the caisse's share and the money on the funding need.
    const v = await newPage(h.browser, { locale });
    await v.page.goto(`${h.baseUrl}/projets/${project.id}`);
    await expect.poll(() => v.page.getByRole('link', { name: t('crowdfunding.externalLabel', { platform: 'La Ruche' }) }).getAttribute('rel')).toBe('noopener noreferrer external');
    await expect.poll(() => v.page.locator('.campaign-match').textContent()).toContain(caisse.name);
    await expect.poll(() => v.page.locator('.need-campaign-share').count()).toBe(1);
    await expectAccessible(v.page, 'project page with its campaign');
    await v.page.screenshot({ path: `${SHOTS}/journey-project-${lang}-1280.png`, fullPage: true });
    await v.page.setViewportSize({ width: 390, height: 800 });
    await v.page.screenshot({ path: `${SHOTS}/journey-project-${lang}-390.png`, fullPage: true });

    // The all-or-nothing campaign ends below its goal: nothing counts any more, and the page says so.
    await h.ctx.database.db.update(crowdfundingCampaigns).set({ endsAt: new Date(Date.now() - 60_000) }).where(eq(crowdfundingCampaigns.projectId, project.id));
    await settleDueCampaigns(h.ctx.app.deps);
    await v.page.reload();
    await expect.poll(() => v.page.getByText(t('crowdfunding.failedNotice')).count()).toBe(1);
    await expect.poll(() => v.page.locator('.need-campaign-share').count()).toBe(0);
    await expectAccessible(v.page, 'project page with a failed campaign');
    await v.page.screenshot({ path: `${SHOTS}/journey-failed-${lang}-390.png`, fullPage: true });
    await p.page.goto(`${h.baseUrl}/notifications`);
    await expect.poll(() => p.page.getByText(t('notifications.kind.crowdfunding.failed', { subjectTitle: project.title })).count()).toBe(1);
    await p.context.close();
    await s.context.close();
    await v.context.close();
  });
});
