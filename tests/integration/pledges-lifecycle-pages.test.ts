/** A pledge’s moves through the HTML forms, and who sees a pledge and its lists (the API moves: pledges-lifecycle.test.ts). */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createCaisse, createNeed, createOrganisation, createProject, visitor } from '../helpers/factories.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { api, caisseId, ctx, htmlPost, inDays, move, page, person, row, scenario, territoryId, usePledgesApp } from './pledges-lifecycle.fixtures.js';

usePledgesApp();

describe('the same moves through the HTML forms', () => {
  it('accepts from the inbox, confirms from both sides, and comes back with a notice', async () => {
    const { promoter, supporter, pledgeId, need } = await scenario();
    const inbox = await page(promoter.s, '/moi/engagements-recus');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('À répondre');
    expect(inbox.body).toContain(need.title);
    expect(inbox.body).toContain(`action="/engagements/${pledgeId}/transition"`);
    const accepted = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'accepted', returnTo: '/moi/engagements-recus' });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/moi/engagements-recus?fait=accepted');
    expect((await page(promoter.s, accepted.headers.location!)).body).toContain('Engagement accepté.');
    const mine = await page(supporter.s, '/moi/contributions');
    expect(mine.body).toContain('Confirmer que l’aide a eu lieu');
    expect((await htmlPost(supporter.s, `/engagements/${pledgeId}/transition`, { to: 'fulfilled', returnTo: '/moi/contributions' })).headers.location).toBe('/moi/contributions?fait=fulfil_requested');
    expect((await page(supporter.s, '/moi/contributions')).body).toContain('Vous avez confirmé que l’aide a eu lieu; l’équipe doit confirmer à son tour.');
    const last = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'fulfilled', returnTo: `/engagements/${pledgeId}` });
    expect(last.headers.location).toBe(`/engagements/${pledgeId}?fait=fulfilled`);
    expect((await row(pledgeId)).status).toBe('fulfilled');
  });

  it('declines with a reason from a form', async () => {
    const { promoter, pledgeId } = await scenario();
    const res = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'declined', reason: 'Complet', returnTo: '/moi/engagements-recus' });
    expect(res.statusCode).toBe(303);
    expect(await row(pledgeId)).toMatchObject({ status: 'declined', reason: 'Complet' });
  });

  it('re-shows the pledge with the error when a withdrawal has no reason, then withdraws', async () => {
    const { supporter, pledgeId } = await scenario();
    const mine = await page(supporter.s, '/moi/contributions');
    expect(mine.body).toContain('data-confirm="Retirer cet engagement? L’équipe du projet en sera avisée."');
    const bad = await htmlPost(supporter.s, `/engagements/${pledgeId}/transition`, { to: 'withdrawn', reason: '', returnTo: '/moi/contributions' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dites en quelques mots pourquoi vous retirez votre engagement.');
    expect(bad.body).toContain('aria-invalid="true"');
    expect((await row(pledgeId)).status).toBe('proposed');
    const ok = await htmlPost(supporter.s, `/engagements/${pledgeId}/transition`, { to: 'withdrawn', reason: 'Empêchement', returnTo: '/moi/contributions' });
    expect(ok.headers.location).toBe('/moi/contributions?fait=withdrawn');
    expect((await page(supporter.s, ok.headers.location!)).body).toContain('Votre engagement est retiré.');
  });

  it('never follows a returnTo off the site', async () => {
    const { promoter, pledgeId } = await scenario();
    const res = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'accepted', returnTo: '//evil.example/' });
    expect(res.headers.location).toBe(`/engagements/${pledgeId}?fait=accepted`);
  });
});

describe('who sees a pledge', () => {
  it('shows its page to the supporter, the team, the territory’s caisse staff and admins; 404 to anyone else', async () => {
    const { promoter, member, supporter, pledgeId, need } = await scenario();
    const staff = await person({ role: { role: 'staff', caisseId } });
    const admin = await person({ role: { role: 'admin' } });
    for (const who of [promoter, member, supporter, staff, admin]) {
      const res = await page(who.s, `/engagements/${pledgeId}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`Engagement : ${need.title}`);
    }
    const otherCaisse = await createCaisse(ctx);
    const staffElsewhere = await person({ role: { role: 'staff', caisseId: otherCaisse.id } });
    const stranger = await person();
    for (const who of [stranger, staffElsewhere]) {
      expect((await page(who.s, `/engagements/${pledgeId}`)).statusCode).toBe(404);
      expect((await api(who.s, 'GET', `/api/v1/pledges/${pledgeId}`)).json().error.code).toBe('PLEDGE_NOT_FOUND');
    }
    const v = await visitor(ctx);
    expect((await ctx.app.inject({ method: 'GET', url: `/engagements/${pledgeId}`, headers: { cookie: v.cookie } })).statusCode).toBe(303);
  });

  it('shows the history and the on-honour flag on the pledge page', async () => {
    const promoter = await person();
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, partner: true, name: 'Boulangerie Guillaume' });
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId, caisseId });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'loan', quantity: 200_000 });
    const created = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 200_000, startDate: inDays(5), organisationId: org.id });
    await move(promoter.s, created.json().id, 'accepted');
    const res = await page(promoter.s, `/engagements/${created.json().id}`);
    expect(res.body).toContain('Sur l’honneur');
    expect(res.body).toContain('Au nom de Boulangerie Guillaume, sur l’honneur.');
    expect(res.body).toContain(`${rep.user.displayName} a proposé l’engagement.`);
    expect(res.body).toContain(`${promoter.user.displayName} a accepté l’engagement.`);
  });

  it('lists all of a project’s pledges to its team, accepted ones to others, named only as supporters chose', async () => {
    const { promoter, project, need, pledgeId } = await scenario({ showName: false });
    const named = await person({ displayName: 'Nommée Publiquement' });
    const namedPledge = (await api(named.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 2, startDate: inDays(4), showName: true })).json().id as string;
    const gone = await person({ displayName: 'Compte Supprimé' });
    const gonePledge = (await api(gone.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(4), showName: true })).json().id as string;
    for (const id of [pledgeId, namedPledge, gonePledge]) await move(promoter.s, id, 'accepted');
    await ctx.database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone.user.id));
    const extra = await person();
    await api(extra.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(4) });

    const team = (await api(promoter.s, 'GET', `/api/v1/projects/${project.id}/pledges`)).json();
    expect(team.items).toHaveLength(4);
    const publicView = (await api(null, 'GET', `/api/v1/projects/${project.id}/pledges`)).json();
    expect(publicView.items.map((p: { id: string }) => p.id).sort()).toEqual([pledgeId, namedPledge, gonePledge].sort());
    const byId = new Map(publicView.items.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(namedPledge)).toMatchObject({ supporter: { displayName: 'Nommée Publiquement' }, message: null });
    expect(byId.get(pledgeId)).toMatchObject({ supporter: null });
    expect(byId.get(gonePledge)).toMatchObject({ supporter: null });
    expect((await api(null, 'GET', `/api/v1/projects/${project.id}/pledges?status=proposed`)).json().items).toHaveLength(0);
  });

  it('filters my pledges by status and lists the ones I received', async () => {
    const { promoter, supporter, pledgeId } = await scenario();
    expect((await api(supporter.s, 'GET', '/api/v1/me/pledges?status=proposed')).json().items.map((p: { id: string }) => p.id)).toEqual([pledgeId]);
    expect((await api(supporter.s, 'GET', '/api/v1/me/pledges?status=accepted')).json().items).toHaveLength(0);
    const received = (await api(promoter.s, 'GET', '/api/v1/me/pledges?scope=received')).json();
    expect(received.items[0]).toMatchObject({ id: pledgeId, can: { accept: true, decline: true } });
    const other = await scenario();
    const second = (await api(supporter.s, 'POST', `/api/v1/needs/${other.need.id}/pledges`, { quantity: 1, startDate: inDays(2) })).json().id as string;
    const first = (await api(supporter.s, 'GET', '/api/v1/me/pledges?limit=1')).json();
    expect(first.items.map((p: { id: string }) => p.id)).toEqual([second]);
    const next = (await api(supporter.s, 'GET', `/api/v1/me/pledges?limit=1&cursor=${first.nextCursor}`)).json();
    expect([next.items.map((p: { id: string }) => p.id), next.nextCursor]).toEqual([[pledgeId], null]);
  });
});
