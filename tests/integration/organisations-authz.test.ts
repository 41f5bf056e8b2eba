import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, signIn } from '../helpers/factories.js';
import { eq, inArray } from 'drizzle-orm';
import { organisationMembers, organisations } from '../../src/modules/organisations/organisations.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { charters } from '../../src/modules/organisations/partners.tables.js';

/**
 * Authorisation matrix of organisation and partnership routes: for each route, which of seven
 * actors may act (anything but 401/403) and which are refused (403).
 */
type Who = 'nonMember' | 'member' | 'representative' | 'owner' | 'staffHere' | 'staffElsewhere' | 'admin';
const EVERYONE: Who[] = ['nonMember', 'member', 'representative', 'owner', 'staffHere', 'staffElsewhere', 'admin'];
type Session = { cookie: string; csrf: string };

let ctx: TestContext;
let slug: string;
let caisseHere: string;
const sessions = new Map<Who, Session>();
const handles = new Map<Who, string>();
let bystander = '';

beforeAll(async () => {
  ctx = await createTestApp();
  const territory = await createTerritory(ctx);
  const here = await createCaisse(ctx, { territoryIds: [territory.id] });
  const elsewhere = await createCaisse(ctx);
  caisseHere = here.slug;
  await ctx.database.db.insert(charters).values([{ caisseId: here.id, version: 1, textFr: 'Charte.', textEn: 'Charter.' }]);
  const roles: Partial<Record<Who, { role: 'staff' | 'admin'; caisseId?: string | null }>> = { staffHere: { role: 'staff', caisseId: here.id }, staffElsewhere: { role: 'staff', caisseId: elsewhere.id }, admin: { role: 'admin' } };
  for (const who of EVERYONE) {
    const user = await createUser(ctx, { territoryId: territory.id, ...(roles[who] ? { role: roles[who] } : {}) });
    sessions.set(who, await signIn(ctx, user.email));
    handles.set(who, user.handle);
  }
  bystander = (await createUser(ctx)).handle;
  const owner = sessions.get('owner')!;
  const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf }, payload: { name: 'Matrice Coop', kind: 'cooperative' } });
  slug = created.json<{ slug: string }>().slug;
  const orgId = (await ctx.database.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
  const ids = await ctx.database.db.select().from(users).where(inArray(users.handle, [handles.get('member')!, handles.get('representative')!]));
  for (const u of ids) await ctx.database.db.insert(organisationMembers).values({ organisationId: orgId, userId: u.id, role: u.handle === handles.get('member') ? 'member' : 'representative' });
  const signed = await ctx.app.inject({ method: 'POST', url: `/api/v1/organisations/${slug}/charter`, headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf }, payload: { caisse: caisseHere, accept: true } });
  expect(signed.statusCode).toBe(200);
});
afterAll(() => ctx.close());

type Route = { name: string; method: 'GET' | 'POST' | 'PATCH'; url: () => string; body?: () => object; allowed: Who[] };
const routes: Route[] = [
  { name: 'edit the organisation', method: 'PATCH', url: () => `/api/v1/organisations/${slug}`, body: () => ({ description: 'Mise à jour' }), allowed: ['representative', 'owner', 'admin'] },
  { name: 'add a member', method: 'POST', url: () => `/api/v1/organisations/${slug}/members`, body: () => ({ handle: bystander, role: 'member' }), allowed: ['representative', 'owner'] },
  { name: 'invite by e-mail', method: 'POST', url: () => `/api/v1/organisations/${slug}/invitations`, body: () => ({ email: 'invitee@example.test' }), allowed: ['representative', 'owner'] },
  { name: 'sign a charter', method: 'POST', url: () => `/api/v1/organisations/${slug}/charter`, body: () => ({ caisse: caisseHere, accept: true }), allowed: ['representative', 'owner'] },
  { name: 'declare a capacity', method: 'POST', url: () => `/api/v1/organisations/${slug}/capacities`, body: () => ({ kind: 'hours', amount: 5, period: 'month', labelFr: 'Aide', labelEn: 'Help' }), allowed: ['representative', 'owner'] },
  { name: 'transfer ownership', method: 'POST', url: () => `/api/v1/organisations/${slug}/transfer`, body: () => ({ handle: 'personne-inconnue', confirm: true }), allowed: ['owner'] },
  { name: 'see the partner dashboard', method: 'GET', url: () => `/api/v1/organisations/${slug}/dashboard`, allowed: ['member', 'representative', 'owner', 'staffHere', 'admin'] },
  { name: 'suspend or reinstate the partnership', method: 'PATCH', url: () => `/api/v1/organisations/${slug}/partnerships/${caisseHere}`, body: () => ({ status: 'active' }), allowed: ['staffHere', 'admin'] },
  { name: 'open the dashboard page', method: 'GET', url: () => `/organisations/${slug}/tableau-de-bord`, allowed: ['member', 'representative', 'owner', 'staffHere', 'admin'] },
];

describe('authorisation matrix: organisations and partnerships', () => {
  for (const route of routes) {
    it(`${route.name}: ${route.allowed.join(', ')} only`, async () => {
      const outcome: Record<string, boolean> = {};
      for (const who of EVERYONE) {
        const s = sessions.get(who)!;
        const res = await ctx.app.inject({ method: route.method, url: route.url(), headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(route.body ? { payload: route.body() } : {}) });
        outcome[who] = res.statusCode !== 401 && res.statusCode !== 403;
        if (!outcome[who]) expect(res.statusCode).toBe(403);
      }
      expect(outcome).toEqual(Object.fromEntries(EVERYONE.map((w) => [w, route.allowed.includes(w)])));
    });
  }

  it('refuses anonymous visitors every write and the dashboard', async () => {
    for (const route of routes) {
      const res = await ctx.app.inject({ method: route.method, url: route.url(), ...(route.body ? { payload: route.body() } : {}) });
      expect([401, 403, 303], `${route.name}`).toContain(res.statusCode);
    }
  });
});
