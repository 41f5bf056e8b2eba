/**
 * "My applications" on /moi: a promoter finds their applications to calls (the call, the project, the
 * status, the deadline) and opens the one still editable. French and English, axe on every page, a
 * look at 1280 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createProject, createTerritory, createUser } from '../helpers/factories.js';
import { createCallFixture } from '../integration/calls.fixtures.js';
import { newId } from '../../src/db/ids.js';
import { callApplications } from '../../src/modules/calls/calls.tables.js';

const h = useBrowserHarness();
const SHOTS = '/tmp/shots/opened';

describe.each(JOURNEY_LOCALES)('my applications journey (%s)', (lang, locale, t) => {
  it('lists my applications on /moi and opens the editable one', async () => {
    const home = await createTerritory(h.ctx, { kind: 'neighbourhood' });
    const caisse = await createCaisse(h.ctx, { territoryIds: [home.id] });
    const me = await createUser(h.ctx, { territoryId: home.id, locale: lang });
    const open = await createCallFixture(h.ctx, { caisseId: caisse.id, territoryIds: [home.id] });
    const past = await createCallFixture(h.ctx, { caisseId: caisse.id, territoryIds: [home.id], phase: 'results' });
    const garden = await createProject(h.ctx, { promoterId: me.id, territoryId: home.id, title: lang === 'fr' ? 'Jardin de la ruelle Boyer' : 'Boyer alley garden' });
    const fridge = await createProject(h.ctx, { promoterId: me.id, territoryId: home.id, title: lang === 'fr' ? 'Frigo partagé' : 'Shared fridge' });
    const draftId = newId();
    await h.ctx.database.db.insert(callApplications).values([
      { id: draftId, callId: open.id, projectId: garden.id, applicantId: me.id, status: 'draft', requestedCents: 200_000 },
      { id: newId(), callId: past.id, projectId: fridge.id, applicantId: me.id, status: 'selected', requestedCents: 300_000, submittedAt: new Date(Date.now() - 86_400_000), createdAt: new Date(Date.now() - 86_400_000) },
    ]);

    const { context, page } = await newPage(h.browser, { locale });
    await signInAs(h, page, me.email, t);
    const section = page.locator('#mes-candidatures');
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(t('me.applications.title'));
    const items = section.locator('li.my-application');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain(t('calls.appStatus.draft'));
    expect(await items.nth(1).textContent()).toContain(t('calls.appStatus.selected'));
    expect(await items.nth(1).textContent()).toContain(t('me.applications.closed'));
    await expectAccessible(page, 'my page with my applications');
    if (process.env.SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/moi-${lang}-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/moi-${lang}-390.png`, fullPage: true });
      await expectAccessible(page, 'my page with my applications at 390 px');
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // The list's own page (where "older applications" lead) reads the same.
    await page.goto(`${h.baseUrl}/moi/candidatures`);
    expect(await page.textContent('h1')).toBe(t('me.applications.title'));
    await expect.poll(() => page.locator('li.my-application').count()).toBe(2);
    await expectAccessible(page, 'my applications page');
    await page.goto(`${h.baseUrl}/moi`);

    await section.getByRole('link', { name: t('me.applications.editLabel', { project: garden.title, call: `Appel ${open.slug}` }) }).click();
    await page.waitForURL(`**/appels/${open.slug}/candidature?id=${draftId}`);
    await expectAccessible(page, 'editing my application');

    // Someone without applications is pointed to the open calls.
    const { context: other, page: empty } = await newPage(h.browser, { locale });
    await signInAs(h, empty, (await createUser(h.ctx, { territoryId: home.id, locale: lang })).email, t);
    expect(await empty.locator('#mes-candidatures').textContent()).toContain(t('me.applications.empty'));
    await empty.locator('#mes-candidatures').getByRole('link', { name: t('me.applications.browse') }).click();
    await empty.waitForURL('**/appels?when=open');
    await other.close();
    await context.close();
  });
});
