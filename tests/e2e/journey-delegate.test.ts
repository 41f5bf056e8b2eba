/**
 * Journey (issue 8, "Done means"): a member applies as delegate of their caisse; the caisse's staff
 * approve from the registration dashboard; the person sees the decision, wears the badge and
 * reaches the projects to accompany. In French and English, axe on every page reached,
 * screenshots at desktop width and 390 px (/tmp/journey-delegate-*.png).
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createProject, createTerritory, createUser, uid } from '../helpers/factories.js';
import { createCampaign } from '../integration/delegates.fixtures.js';

const h = useBrowserHarness();

describe.each(JOURNEY_LOCALES)('delegate journey (%s)', (lang, locale, t) => {
  it('a member applies, staff approve, the delegate wears the badge and finds projects to accompany', async () => {
    const territory = await createTerritory(h.ctx, { nameFr: `Quartier ${uid().slice(0, 4)}`, nameEn: `Neighbourhood ${uid().slice(0, 4)}` });
    const caisse = await createCaisse(h.ctx, { territoryIds: [territory.id], name: lang === 'fr' ? 'Caisse des Érables' : 'Maple Caisse' });
    await createCampaign(h.ctx, caisse.id);
    const member = await createUser(h.ctx, { territoryId: territory.id, locale: lang, displayName: lang === 'fr' ? 'Mathilde Membre' : 'Mary Member' });
    const staff = await createUser(h.ctx, { locale: lang, role: { role: 'staff', caisseId: caisse.id } });
    const project = await createProject(h.ctx, { promoterId: staff.id, territoryId: territory.id, title: lang === 'fr' ? 'Bibliothèque de rue' : 'Street library' });
    const motivation = lang === 'fr' ? 'Je connais tous les organismes du quartier et j’aime rassembler les gens.' : 'I know every group in the neighbourhood and love bringing people together.';

    // The member applies.
    const m = await newPage(h.browser, { locale });
    await signInAs(h, m.page, member.email, t);
    await m.page.goto(`${h.baseUrl}/caisses/${caisse.slug}/delegues`);
    await expect.poll(() => m.page.textContent('h1')).toBe(t('delegates.title', { caisse: caisse.name }));
    await expectAccessible(m.page, 'delegate registration');
    await m.page.getByLabel(startsWith(t('delegates.form.territory'))).selectOption(territory.slug);
    await m.page.getByLabel(startsWith(t('delegates.form.motivation'))).fill(motivation);
    await m.page.getByLabel(startsWith(t('delegates.form.availability'))).fill(lang === 'fr' ? 'Deux soirs par mois' : 'Two evenings a month');
    await m.page.getByRole('button', { name: t('delegates.form.submit') }).click();
    await expect.poll(() => m.page.getByText(t('delegates.notice.applied')).count()).toBe(1);
    await expect.poll(() => m.page.getByText(t('delegates.status.pending'), { exact: true }).count()).toBe(1);
    await expectAccessible(m.page, 'application sent');
    await m.page.setViewportSize({ width: 390, height: 800 });
    await m.page.screenshot({ path: `/tmp/journey-delegate-applied-${lang}-390.png`, fullPage: true });

    // The caisse's staff approve it from the registration dashboard, confirming first.
    const s = await newPage(h.browser, { locale });
    await signInAs(h, s.page, staff.email, t);
    await s.page.goto(`${h.baseUrl}/caisses/${caisse.slug}/espace`);
    await expectAccessible(s.page, 'caisse space');
    await s.page.getByRole('link', { name: t('caisseSpace.delegates.manage') }).click();
    await expect.poll(() => s.page.textContent('h1')).toBe(t('delegates.staff.title', { caisse: caisse.name }));
    await expect.poll(() => s.page.getByText(motivation).count()).toBe(1);
    await expectAccessible(s.page, 'registration dashboard');
    await s.page.screenshot({ path: `/tmp/journey-delegate-dashboard-${lang}.png`, fullPage: true });
    s.page.once('dialog', (dialog) => void dialog.accept());
    await s.page.getByLabel(t('delegates.staff.approve')).check();
    await s.page.getByLabel(t('delegates.staff.message')).fill(lang === 'fr' ? 'Bienvenue dans l’équipe!' : 'Welcome to the team!');
    await s.page.getByRole('button', { name: t('delegates.staff.submit') }).click();
    await expect.poll(() => s.page.getByText(t('delegates.notice.decided')).count()).toBe(1);
    await expect.poll(() => s.page.getByText(t('delegates.staff.noPending')).count()).toBe(1);
    await expectAccessible(s.page, 'decision recorded');

    // The delegate sees the decision, the badge on their page and the projects to accompany.
    await m.page.goto(`${h.baseUrl}/caisses/${caisse.slug}/delegues`);
    await expect.poll(() => m.page.getByText(t('delegates.status.approved'), { exact: true }).count()).toBe(1);
    await m.page.goto(`${h.baseUrl}/membres/${member.handle}`);
    await expect.poll(() => m.page.getByText(t('delegates.badge', { caisse: caisse.name })).count()).toBe(1);
    await expectAccessible(m.page, 'person page with badge');
    await m.page.goto(`${h.baseUrl}/caisses/${caisse.slug}`);
    await expect.poll(() => m.page.getByRole('link', { name: member.displayName }).count()).toBe(1);
    await expectAccessible(m.page, 'caisse page with its delegate');
    await m.page.goto(`${h.baseUrl}/caisses/${caisse.slug}/delegues/projets`);
    await expect.poll(() => m.page.getByRole('link', { name: project.title }).count()).toBeGreaterThan(0);
    await expectAccessible(m.page, 'projects to accompany');
    await m.page.screenshot({ path: `/tmp/journey-delegate-accompany-${lang}-390.png`, fullPage: true });
    await m.context.close();
    await s.context.close();
  });
});
