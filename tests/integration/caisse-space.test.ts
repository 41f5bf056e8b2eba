import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createOrganisation, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { projects, projectTransitions } from '../../src/modules/projects/projects.tables.js';
import { partnerships } from '../../src/modules/organisations/partners.tables.js';

let ctx: TestContext;
type Session = { cookie: string; csrf: string };
let here: { id: string; slug: string };
let caisse: { id: string; slug: string };
let other: { id: string; slug: string };
let staff: Session;
let promoterId: string;

const api = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const post = (s: Session, url: string, body: Record<string, string>) => ctx.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, ...body }) });

beforeAll(async () => {
  ctx = await createTestApp();
  here = await createTerritory(ctx);
  const there = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [here.id] });
  other = await createCaisse(ctx, { territoryIds: [there.id] });
  staff = await signIn(ctx, (await createUser(ctx, { displayName: 'Sophie Staff', role: { role: 'staff', caisseId: caisse.id } })).email);
  promoterId = (await createUser(ctx, { territoryId: here.id, displayName: 'Paula Promotrice' })).id;
});
afterAll(() => ctx.close());

describe('the caisse staff space', () => {
  it('lists the territory’s submitted projects, approves one and sends another back with a message', async () => {
    const one = await createProject(ctx, { promoterId, territoryId: here.id, status: 'submitted', title: 'Ruelle verte à approuver' });
    const two = await createProject(ctx, { promoterId, territoryId: here.id, status: 'submitted', title: 'Jardin à compléter' });
    const space = (await api(staff, 'GET', `/api/v1/caisses/${caisse.slug}/space`)).json();
    expect(space.approvals.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([one.id, two.id]));
    expect((await post(staff, `/caisses/${caisse.slug}/espace/projets/${one.id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(303);
    const missing = await post(staff, `/caisses/${caisse.slug}/espace/projets/${two.id}/decision`, { decision: 'return', note: '' });
    expect(missing.statusCode).toBe(400);
    expect((await post(staff, `/caisses/${caisse.slug}/espace/projets/${two.id}/decision`, { decision: 'return', note: 'Ajoutez un budget.' })).statusCode).toBe(303);
    const rows = await ctx.database.db.select({ id: projects.id, status: projects.status }).from(projects).where(eq(projects.promoterId, promoterId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toMatchObject({ [one.id]: 'published', [two.id]: 'draft' });
    const [back] = await ctx.database.db.select().from(projectTransitions).where(eq(projectTransitions.projectId, two.id));
    expect(back?.note).toBe('Ajoutez un budget.');
    const after = (await api(staff, 'GET', `/api/v1/caisses/${caisse.slug}/space`)).json();
    expect(after.approvals.map((p: { id: string }) => p.id)).not.toContain(one.id);
  });

  it('shows pledges unanswered for 7 days (not fresher ones), needs with no offer, open reports and partners', async () => {
    const project = await createProject(ctx, { promoterId, territoryId: here.id, title: 'Cuisine collective' });
    const pledged = await createNeed(ctx, { projectId: project.id, title: 'Cuisinier·ère bénévole' });
    const lonely = await createNeed(ctx, { projectId: project.id, title: 'Four à prêter', kind: 'material' });
    const supporter = await createUser(ctx, { displayName: 'Sam Soutien' });
    const old = new Date(Date.now() - 8 * 86_400_000);
    const stale = newId();
    const fresh = newId();
    await ctx.database.db.insert(pledges).values([
      { id: stale, needId: pledged.id, projectId: project.id, supporterId: supporter.id, quantity: 2, createdAt: old },
      { id: fresh, needId: pledged.id, projectId: project.id, supporterId: supporter.id, quantity: 1 },
    ]);
    const reporter = await signIn(ctx, (await createUser(ctx, { territoryId: here.id })).email);
    expect((await api(reporter, 'POST', '/api/v1/reports', { targetType: 'project', targetId: project.id, reason: 'spam' })).statusCode).toBe(201);
    const partner = await createOrganisation(ctx, { name: 'Coop du Coin', kind: 'cooperative' });
    const suspended = await createOrganisation(ctx, { name: 'Ancien Partenaire' });
    await ctx.database.db.insert(partnerships).values([{ organisationId: partner.id, caisseId: caisse.id }, { organisationId: suspended.id, caisseId: caisse.id, status: 'suspended' }]);

    const space = (await api(staff, 'GET', `/api/v1/caisses/${caisse.slug}/space`)).json();
    expect(space.unansweredPledges.map((p: { id: string }) => p.id)).toEqual([stale]);
    expect(space.unmatchedNeeds.map((n: { id: string }) => n.id)).toContain(lonely.id);
    expect(space.unmatchedNeeds.map((n: { id: string }) => n.id)).not.toContain(pledged.id);
    expect(space.reports).toEqual([expect.objectContaining({ territory: expect.objectContaining({ slug: here.slug }), open: 1 })]);
    expect(space.partners.map((p: { name: string }) => p.name)).toEqual(['Coop du Coin']);
    const html = (await ctx.app.inject({ method: 'GET', url: `/caisses/${caisse.slug}/espace`, headers: { cookie: staff.cookie } })).body;
    expect(html).toContain('Sam Soutien');
    expect(html).toContain('Four à prêter');

    // Caisse staff moderate their own territory: the report is in their queue.
    const queue = (await api(staff, 'GET', '/api/v1/moderation/reports')).json().items;
    expect(queue.map((r: { target: { id: string } | null }) => r.target?.id)).toContain(project.id);

    // The other caisse's space shows none of it.
    const admin = await signIn(ctx, (await createUser(ctx, { role: { role: 'admin' } })).email);
    const elsewhere = (await api(admin, 'GET', `/api/v1/caisses/${other.slug}/space`)).json();
    expect([elsewhere.unansweredPledges, elsewhere.unmatchedNeeds, elsewhere.partners]).toEqual([[], [], []]);
  });

  it('shows the public caisse page with its team, sponsored projects and partners', async () => {
    const sponsored = await createProject(ctx, { promoterId, territoryId: here.id, caisseId: caisse.id, title: 'Parrainé par la caisse' });
    await createProject(ctx, { promoterId, territoryId: here.id, caisseId: caisse.id, status: 'draft', title: 'Brouillon non public' });
    const body = (await api(null, 'GET', `/api/v1/caisses/${caisse.slug}`)).json();
    expect(body.staff.map((p: { displayName: string }) => p.displayName)).toEqual(['Sophie Staff']);
    expect(body.sponsoredProjects.map((p: { id: string }) => p.id)).toEqual([sponsored.id]);
    expect(JSON.stringify(body)).not.toMatch(/@example\.test|Brouillon non public/);
    const html = (await ctx.app.inject({ method: 'GET', url: `/caisses/${caisse.slug}` })).body;
    expect(html).toContain('Parrainé par la caisse');
    expect(html).toContain('Sophie Staff');
    expect(html).not.toContain(`/caisses/${caisse.slug}/espace"`);
    expect((await ctx.app.inject({ method: 'GET', url: `/caisses/${caisse.slug}`, headers: { cookie: staff.cookie } })).body).toContain(`/caisses/${caisse.slug}/espace"`);
  });
});
