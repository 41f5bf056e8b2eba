/**
 * Territory rollout, end to end (issue 8's "done means", issue 10's waitlist promise): a visitor
 * joins a waitlisted neighbourhood's waitlist; an admin opens it from the admin page; the rollout
 * job mails each waitlisted address once, through a real loopback SMTP peer, in its language; the
 * mail's signed link leads to sign-up with the neighbourhood chosen. The home page's rollout map is
 * visible, each neighbourhood a named link, with a legend and a table. French and English, axe on
 * every page reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { startSmtpServer, decodeQuotedPrintable } from '../helpers/smtp.js';
import { flushMail } from '../helpers/test-app.js';
import { createTerritory, createUser, uid } from '../helpers/factories.js';
import { rolloutJobs } from '../../src/modules/territories/territories.rollout.jobs.js';
import { rolloutRepository } from '../../src/modules/territories/territories.rollout.repository.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';

const h = useBrowserHarness();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe.each(JOURNEY_LOCALES)('rollout journey (%s)', (lang, locale, t) => {
  it('waitlist → an admin opens the neighbourhood → each address gets one invitation → sign-up with it chosen; the map is accessible', async () => {
    const s = uid().slice(0, 6);
    const name = lang === 'fr' ? `Quartier Saint-Édouard ${s}` : `Saint-Edouard ${s}`;
    const territory = await createTerritory(h.ctx, { state: 'waitlist', nameFr: name, nameEn: name });
    await rolloutRepository.setBoundary(h.ctx.database.db, territory.id, { type: 'Polygon', coordinates: [[[-73.615, 45.541], [-73.600, 45.533], [-73.592, 45.540], [-73.606, 45.548], [-73.615, 45.541]]] });
    const admin = await createUser(h.ctx, { role: { role: 'admin' }, locale: lang });

    // A visitor joins the waitlist from the neighbourhood's page.
    const visitor = await newPage(h.browser, { locale });
    const email = `voisine-${s}@example.test`;
    await visitor.page.goto(`${h.baseUrl}/territoires/${territory.slug}`);
    await visitor.page.getByLabel(startsWith(t('territories.waitlist.email'))).fill(email);
    await visitor.page.getByRole('button', { name: t('territories.waitlist.submit') }).click();
    await expect.poll(() => visitor.page.getByText(t('territories.waitlist.accepted')).count()).toBe(1);
    // A second person, through the API twin.
    const other = `voisin-${s}@example.test`;
    expect((await h.ctx.app.inject({ method: 'POST', url: `/api/v1/territories/${territory.slug}/waitlist?lang=${lang}`, payload: { email: other } })).statusCode).toBe(202);

    // The home page: the rollout map shows it as a named link, with its state; legend and table.
    await visitor.page.goto(`${h.baseUrl}/`);
    const map = visitor.page.locator('svg.rollout-map-svg');
    await expect.poll(() => map.isVisible()).toBe(true);
    const shape = map.getByRole('link', { name: t('territories.map.shapeLabel', { name, state: t('rollout.waitlist') }) });
    expect(await shape.count()).toBe(1);
    expect(await map.getByRole('link', { name: t('territories.map.shapeLabel', { name: 'Villeray', state: t('rollout.pilot') }) }).count()).toBe(1);
    expect(await visitor.page.locator('.rollout-legend li').count()).toBe(4);
    expect(await visitor.page.getByRole('table', { name: t('territories.map.tableCaption') }).getByRole('rowheader', { name }).count()).toBe(1);
    await expectAccessible(visitor.page, 'home page with the rollout map');

    // An admin opens it from the admin page (confirming the dialog).
    const ad = await newPage(h.browser, { locale });
    await signInAs(h, ad.page, admin.email, t);
    await ad.page.goto(`${h.baseUrl}/admin/territoires/${territory.slug}`);
    await expectAccessible(ad.page, 'admin territory page');
    ad.page.on('dialog', (d) => void d.accept());
    await ad.page.getByLabel(t('admin.territories.fields.rolloutState'), { exact: true }).selectOption('pilot');
    await ad.page.getByRole('button', { name: t('admin.territories.changeState') }).click();
    await ad.page.waitForURL(/fait=rollout/);
    expect(await ad.page.locator('#rollout-title + p .badge').textContent()).toBe(t('rollout.pilot'));
    expect(await ad.page.getByRole('cell', { name: `${t('rollout.waitlist')} → ${t('rollout.pilot')}` }).count()).toBe(1);

    // The rollout job runs (twice: the second run finds nobody left), then the mail worker delivers.
    const job = rolloutJobs(h.ctx.app.deps)[0]!;
    await Promise.all([job.handler({}, { id: 'a', name: job.name, retryCount: 0 }), job.handler({}, { id: 'b', name: job.name, retryCount: 0 })]);
    await job.handler({}, { id: 'c', name: job.name, retryCount: 0 });
    await flushMail(h.ctx, smtp.url);
    const mine = smtp.received.filter((m) => m.to[0] === email || m.to[0] === other);
    expect(mine.map((m) => m.to[0]).sort()).toEqual([email, other].sort());
    const body = decodeQuotedPrintable(mine.find((m) => m.to[0] === email)!.raw);
    expect(body).toContain(t('territories.invite.action', { name }));
    const link = /https?:\/\/\S+\/invitation\?\S+/.exec(body.replace(/&amp;/g, '&'))![0];

    // The signed link: sign-up with the neighbourhood chosen.
    await visitor.page.goto(link);
    await visitor.page.waitForURL(/\/inscription\?territoire=/);
    expect(await visitor.page.getByLabel(startsWith(t('auth.fields.territory'))).inputValue()).toBe(territory.slug);
    await expectAccessible(visitor.page, 'sign-up from the invitation');

    // The map now shows it in pilot.
    await visitor.page.goto(`${h.baseUrl}/`);
    expect(await visitor.page.getByRole('link', { name: t('territories.map.shapeLabel', { name, state: t('rollout.pilot') }) }).count()).toBe(1);
    expect((await territoriesRepository.findBySlug(h.ctx.database.db, territory.slug))!.rolloutState).toBe('pilot');
    await visitor.context.close();
    await ad.context.close();
  });
});
