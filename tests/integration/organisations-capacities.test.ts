/** Partners’ capacity catalogue and pledging on the organisation’s honour (the rest: organisations-*.test.ts). */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createNeed, createOrganisation, createProject, createUser, FORM, form } from '../helpers/factories.js';
import { organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { capacityUsage } from '../../src/modules/organisations/partners.tables.js';
import { createPledge, transitionPledge } from '../../src/modules/pledges/pledges.service.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';
import { AppError } from '../../src/platform/errors.js';
import { pledges as pledgesTable } from '../../src/modules/pledges/pledges.tables.js';
import { api, asActor, caisse, ctx, other, person, type Session, territory, useOrganisationsApp } from './organisations.fixtures.js';

useOrganisationsApp();

describe('the capacity catalogue', () => {
  async function partnerWithCapacity(amount: number) {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, partner: true });
    const declared = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/capacities`, { kind: 'hours', amount, period: 'month', labelFr: 'Comptabilité', labelEn: 'Accounting' });
    expect(declared.statusCode).toBe(201);
    return { rep, org, capacityId: declared.json<{ id: string }>().id };
  }

  it('is declared by a partner’s representative only, and shows used and remaining', async () => {
    const { org } = await partnerWithCapacity(10);
    const member = await person();
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    expect((await api(member.s, 'POST', `/api/v1/organisations/${org.slug}/capacities`, { kind: 'money', amount: 500000, period: 'year', labelFr: 'Fonds', labelEn: 'Fund' })).statusCode).toBe(403);
    const rep = await person();
    const notPartner = await createOrganisation(ctx, { representativeId: rep.user.id });
    expect((await api(rep.s, 'POST', `/api/v1/organisations/${notPartner.slug}/capacities`, { kind: 'hours', amount: 5, period: 'month', labelFr: 'Aide', labelEn: 'Help' })).json().error.code).toBe('NOT_PARTNER_REPRESENTATIVE');
    const list = (await api(null, 'GET', `/api/v1/organisations/${org.slug}/capacities`)).json();
    expect(list.items).toEqual([expect.objectContaining({ kind: 'hours', unit: 'hours', amount: 10, used: 0, remaining: 10, period: 'month', label: 'Comptabilité', periodKey: localToday(new Date()).slice(0, 7) })]);
  });

  it('is consumed as pledges are fulfilled, never below zero, under 20 parallel fulfilments', async () => {
    const { rep, org, capacityId } = await partnerWithCapacity(10);
    const promoter = await createUser(ctx);
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id, caisseId: caisse.id });
    const deps = ctx.app.deps;
    const repActor = asActor(rep.user);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
      const p = await createPledge(deps, repActor, need.id, { quantity: 1, startDate: localToday(new Date()), endDate: null, message: '', organisationId: org.id, capacityId, showName: false });
      await transitionPledge(deps, asActor(promoter), p.id, { to: 'accepted', reason: '' });
      await transitionPledge(deps, asActor(promoter), p.id, { to: 'fulfilled', reason: '' });
      ids.push(p.id);
    }
    const results = await Promise.allSettled(ids.map((id) => transitionPledge(deps, repActor, id, { to: 'fulfilled', reason: '' })));
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(10);
    expect(refused.map((r) => (r.reason as AppError).code)).toEqual(Array(10).fill('CAPACITY_EXHAUSTED'));
    const [usage] = await ctx.database.db.select().from(capacityUsage).where(eq(capacityUsage.capacityId, capacityId));
    expect(usage!.used).toBe(10);
    const listed = (await api(null, 'GET', `/api/v1/organisations/${org.slug}/capacities`)).json().items[0];
    expect([listed.used, listed.remaining]).toEqual([10, 0]);
    // A new pledge drawing on the exhausted capacity is refused up front.
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
    const again = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: localToday(new Date()), organisationId: org.id, capacityId });
    expect(again.json().error.code).toBe('CAPACITY_EXHAUSTED');
    // The dashboard adds it all up, for the organisation's people and the caisse's staff only.
    const dash = (await api(rep.s, 'GET', `/api/v1/organisations/${org.slug}/dashboard`)).json();
    expect(dash.pledgesByStatus).toMatchObject({ fulfilled: 10, accepted: 10 });
    expect(dash.projects).toEqual([expect.objectContaining({ id: project.id, pledges: 20 })]);
    expect(dash.impact).toMatchObject({ hours: 10, pledges: 10 });
    expect(dash.capacities[0]).toMatchObject({ used: 10, remaining: 0 });
    const stranger = await person();
    expect((await api(stranger.s, 'GET', `/api/v1/organisations/${org.slug}/dashboard`)).statusCode).toBe(403);
    const html = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}/tableau-de-bord`, headers: { cookie: rep.s.cookie } });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Capacités : utilisé et restant');
  });

  it('refuses a capacity of another organisation or in another unit', async () => {
    const { rep, org, capacityId } = await partnerWithCapacity(10);
    const promoter = await createUser(ctx);
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id });
    const money = await createNeed(ctx, { projectId: project.id, kind: 'funding', quantity: 10000 });
    const res = await api(rep.s, 'POST', `/api/v1/needs/${money.id}/pledges`, { quantity: 500, startDate: localToday(new Date()), organisationId: org.id, capacityId });
    expect(res.json().error.code).toBe('CAPACITY_NOT_FOUND');
    const hours = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
    const mine = await api(rep.s, 'POST', `/api/v1/needs/${hours.id}/pledges`, { quantity: 1, startDate: localToday(new Date()), organisationId: null, capacityId });
    expect(mine.json().error.code).toBe('CAPACITY_NOT_FOUND');
  });
});

describe('pledging on its honour where the partnership applies', () => {
  it('is offered and accepted only for a partner of a caisse serving the project’s territory', async () => {
    const rep = await person();
    const elsewhere = await createOrganisation(ctx, { representativeId: rep.user.id, partnerOf: [other.id], name: 'Atelier Ailleurs' });
    const promoter = await createUser(ctx);
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id, caisseId: caisse.id });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
    const page = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: rep.s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`value="${elsewhere.id}"`);
    const body = { quantity: 1, startDate: localToday(new Date()), organisationId: elsewhere.id };
    const refused = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, body);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'PARTNER_OUTSIDE_TERRITORY']);
    expect(refused.json().error.message).toContain('dessert le territoire de ce projet');
    const here = await createOrganisation(ctx, { representativeId: rep.user.id, partnerOf: [caisse.id], name: 'Atelier Ici' });
    const offered = await ctx.app.inject({ method: 'GET', url: `/besoins/${need.id}/engagement`, headers: { cookie: rep.s.cookie } });
    expect(offered.body).toContain(`value="${here.id}"`);
    expect(offered.body).not.toContain(`value="${elsewhere.id}"`);
    const ok = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { ...body, organisationId: here.id });
    expect([ok.statusCode, ok.json().onHonour]).toEqual([201, true]);
  });

  it('keeps the pledge as it was and says so on its page when the capacity ran out at fulfilment', async () => {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, partnerOf: [caisse.id] });
    const declared = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/capacities`, { kind: 'hours', amount: 2, period: 'month', labelFr: 'Aide', labelEn: 'Help' });
    const capacityId = declared.json<{ id: string }>().id;
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, caisseId: caisse.id });
    const ids: string[] = [];
    for (const quantity of [2, 1]) {
      const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 5 });
      const p = await createPledge(ctx.app.deps, asActor(rep.user), need.id, { quantity, startDate: localToday(new Date()), endDate: null, message: '', organisationId: org.id, capacityId, showName: false });
      await transitionPledge(ctx.app.deps, asActor(promoter.user), p.id, { to: 'accepted', reason: '' });
      await transitionPledge(ctx.app.deps, asActor(promoter.user), p.id, { to: 'fulfilled', reason: '' });
      ids.push(p.id);
    }
    await transitionPledge(ctx.app.deps, asActor(rep.user), ids[0]!, { to: 'fulfilled', reason: '' });
    const before = (await ctx.database.db.select().from(pledgesTable).where(eq(pledgesTable.id, ids[1]!)))[0]!;
    const post = (s: Session) => ctx.app.inject({ method: 'POST', url: `/engagements/${ids[1]}/transition`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, to: 'fulfilled', returnTo: '/moi/contributions' }) });
    const res = await post(rep.s);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('La capacité de l’organisme pour cette période est épuisée');
    expect(res.body).toContain('role="alert"');
    const after = (await ctx.database.db.select().from(pledgesTable).where(eq(pledgesTable.id, ids[1]!)))[0]!;
    expect(after.status).toBe(before.status);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });
});
