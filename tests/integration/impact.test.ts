import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createProject, createTerritory, createUser, signIn } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/http/context.js';
import { createPledge, transitionPledge } from '../../src/modules/pledges/pledges.service.js';
import { impactFor } from '../../src/modules/impact/impact.service.js';
import { impactEntries } from '../../src/modules/pledges/pledges.tables.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';
import type { NeedKind } from '../../src/modules/needs/needs.domain.js';
import { users } from '../../src/modules/auth/auth.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type User = Awaited<ReturnType<typeof createUser>>;
const asActor = (u: User): Actor => ({ id: u.id, handle: u.handle, displayName: u.displayName, email: u.email, locale: u.locale, emailVerified: true, roles: [], via: 'session', sessionIdHash: null, reauthAt: null });
const startDate = localToday(new Date());

/** A pledge taken through the whole loop: proposed, accepted, confirmed by both sides. */
async function fulfil(o: { promoter: User; supporter: User; projectId: string; kind: NeedKind; quantity: number; materialMode?: 'lend' | 'give'; on?: string; until?: string }) {
  const need = await createNeed(ctx, { projectId: o.projectId, kind: o.kind, quantity: o.quantity, materialMode: o.materialMode ?? null });
  const deps = ctx.app.deps;
  const pledge = await createPledge(deps, asActor(o.supporter), need.id, { quantity: o.quantity, startDate: o.on ?? startDate, endDate: o.until ?? null, message: '', organisationId: null, showName: false });
  await transitionPledge(deps, asActor(o.promoter), pledge.id, { to: 'accepted', reason: '' });
  await transitionPledge(deps, asActor(o.promoter), pledge.id, { to: 'fulfilled', reason: '' });
  await transitionPledge(deps, asActor(o.supporter), pledge.id, { to: 'fulfilled', reason: '' });
  return pledge.id;
}

/** A borough with two neighbourhoods, a caisse sponsoring one project in each, and help of every kind. */
async function ledger() {
  const borough = await createTerritory(ctx, { kind: 'borough' });
  const east = await createTerritory(ctx, { parentId: borough.id, nameFr: 'Quartier Est', nameEn: 'East End' });
  const west = await createTerritory(ctx, { parentId: borough.id });
  const caisse = await createCaisse(ctx, { territoryIds: [east.id, west.id] });
  const promoter = await createUser(ctx);
  const [ana, ben] = [await createUser(ctx), await createUser(ctx)];
  const eastProject = await createProject(ctx, { promoterId: promoter.id, territoryId: east.id, caisseId: caisse.id });
  const westProject = await createProject(ctx, { promoterId: promoter.id, territoryId: west.id });
  await fulfil({ promoter, supporter: ana, projectId: eastProject.id, kind: 'volunteering', quantity: 4 });
  await fulfil({ promoter, supporter: ana, projectId: eastProject.id, kind: 'expertise', quantity: 6 });
  await fulfil({ promoter, supporter: ben, projectId: eastProject.id, kind: 'funding', quantity: 50_000 });
  await fulfil({ promoter, supporter: ben, projectId: westProject.id, kind: 'loan', quantity: 200_000 });
  await fulfil({ promoter, supporter: ana, projectId: westProject.id, kind: 'material', quantity: 1, materialMode: 'lend' });
  await fulfil({ promoter, supporter: ana, projectId: westProject.id, kind: 'material', quantity: 2, materialMode: 'give' });
  await fulfil({ promoter, supporter: ben, projectId: westProject.id, kind: 'product', quantity: 3 });
  return { borough, east, west, caisse, eastProject, westProject, ana };
}

describe('the impact ledger', () => {
  it('adds up fulfilled help of a territory and the neighbourhoods under it, counting people once', async () => {
    const { borough, east } = await ledger();
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?territory=${borough.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ hours: 10, fundedCents: 50_000, lentCents: 200_000, itemsLent: 1, itemsGiven: 5, people: 2, pledges: 7, projects: 2, currency: 'CAD', planned: { hours: 0, fundedCents: 0, lentCents: 0, itemsLent: 0, itemsGiven: 0, pledges: 0 } });
    const eastOnly = (await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?territory=${east.slug}` })).json();
    expect(eastOnly).toMatchObject({ hours: 10, fundedCents: 50_000, lentCents: 0, people: 2, pledges: 3, projects: 1 });
  });

  it('filters by sponsoring caisse and by period', async () => {
    const { borough, caisse } = await ledger();
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?caisse=${caisse.slug}` })).json()).toMatchObject({ hours: 10, fundedCents: 50_000, pledges: 3, projects: 1 });
    const today = localToday(new Date());
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?territory=${borough.slug}&from=${today}&to=${today}` })).json().pledges).toBe(7);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?territory=${borough.slug}&to=2020-01-31` })).json()).toMatchObject({ pledges: 0, hours: 0, people: 0 });
    const reversed = await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?from=2026-02-01&to=2026-01-01&lang=en` });
    expect([reversed.statusCode, reversed.json().error.details.fields.to]).toEqual([400, 'The end date must come after the start date.']);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/impact?territory=nulle-part' })).json().error.code).toBe('TERRITORY_NOT_FOUND');
  });

  it('exports the same figures as CSV, one row per territory', async () => {
    const { borough, east, west } = await ledger();
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/impact.csv?territory=${borough.slug}&lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('territory,territory_name,hours,funded_cents,lent_cents,items_lent,items_given,people,pledges,projects,planned_hours,planned_funded_cents,planned_lent_cents,planned_items_lent,planned_items_given,planned_pledges');
    expect(lines.slice(1).sort()).toEqual([`${east.slug},East End,10,50000,0,0,0,2,3,1,0,0,0,0,0,0`, `${west.slug},${west.nameEn},0,0,200000,1,5,2,4,1,0,0,0,0,0,0`].sort());
  });

  it('gives a project page its own figures, and keeps help counted after the supporter leaves', async () => {
    const { westProject, ana } = await ledger();
    const figures = { hours: 0, fundedCents: 0, lentCents: 200_000, itemsLent: 1, itemsGiven: 5, people: 2, pledges: 4, projects: 1, planned: { hours: 0, fundedCents: 0, lentCents: 0, itemsLent: 0, itemsGiven: 0, pledges: 0 } };
    expect(await impactFor(ctx.app.deps, { projectId: westProject.id })).toEqual(figures);
    await ctx.database.db.delete(users).where(eq(users.id, ana.id));
    expect(await impactFor(ctx.app.deps, { projectId: westProject.id })).toEqual(figures);
    const keys = await ctx.database.db.select({ key: impactEntries.supporterKey }).from(impactEntries).where(eq(impactEntries.projectId, westProject.id));
    expect(new Set(keys.map((k) => k.key)).size).toBe(2);
  });
});

describe('help counted only once its date has come', () => {
  const inDays = (n: number) => {
    const d = new Date(`${startDate}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };

  it('keeps help confirmed ahead of its date out of the figures, shows it as planned (API, CSV, project page, personal page), and counts it on the day', async () => {
    const territory = await createTerritory(ctx, { nameEn: 'Planned Park' });
    const promoter = await createUser(ctx);
    const carla = await createUser(ctx, { locale: 'fr' });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id });
    await fulfil({ promoter, supporter: carla, projectId: project.id, kind: 'volunteering', quantity: 3 });
    const ahead = await fulfil({ promoter, supporter: carla, projectId: project.id, kind: 'volunteering', quantity: 5, on: inDays(2), until: inDays(9) });
    await fulfil({ promoter, supporter: carla, projectId: project.id, kind: 'funding', quantity: 25_000, on: inDays(30) });

    const api = (await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?territory=${territory.slug}` })).json();
    expect(api).toMatchObject({ hours: 3, fundedCents: 0, pledges: 1, people: 1, planned: { hours: 5, fundedCents: 25_000, pledges: 2 } });
    const from = (await ctx.app.inject({ method: 'GET', url: `/api/v1/impact?territory=${territory.slug}&to=${inDays(1)}` })).json();
    expect(from).toMatchObject({ hours: 3, planned: { pledges: 0 } });

    const csv = (await ctx.app.inject({ method: 'GET', url: `/api/v1/impact.csv?territory=${territory.slug}&lang=en` })).body.trimEnd().split('\r\n');
    expect(csv[1]).toBe(`${territory.slug},Planned Park,3,0,0,0,0,1,1,1,5,25000,0,0,0,2`);

    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('3 heures de temps données');
    expect(text).toContain('Prévu');
    expect(text).toContain('5 heures de temps données');
    expect(text).toContain('250,00 $ versés en financement');

    const s = await signIn(ctx, carla.email);
    const mine = await ctx.app.inject({ method: 'GET', url: '/moi/contributions', headers: { cookie: s.cookie } });
    expect(mine.body).toContain('Mon impact');
    expect(mine.body).toContain('impact-planned');
    const meApi = (await ctx.app.inject({ method: 'GET', url: '/api/v1/me/impact', headers: { cookie: s.cookie } })).json();
    expect(meApi).toMatchObject({ hours: 3, pledges: 1, planned: { hours: 5, fundedCents: 25_000, pledges: 2 } });

    // The day comes: the entry's date is now in the past.
    await ctx.database.db.update(impactEntries).set({ occurredAt: new Date(Date.now() - 60_000) }).where(eq(impactEntries.pledgeId, ahead));
    expect(await impactFor(ctx.app.deps, { projectId: project.id })).toMatchObject({ hours: 8, pledges: 2, planned: { hours: 0, fundedCents: 25_000, pledges: 1 } });
  });
});
