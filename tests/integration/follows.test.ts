import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createOrganisation, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { follows } from '../../src/modules/social/social.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import type { ProfilePrivacy } from '../../src/modules/auth/auth.domain.js';

let ctx: TestContext;
let territoryId: string;
let territorySlug: string;
type Session = { cookie: string; csrf: string };
const OPEN: ProfilePrivacy = { photo: 'public', bio: 'public', skills: 'members', interests: 'members', territory: 'members', links: 'public' };

beforeAll(async () => {
  ctx = await createTestApp();
  const t = await createTerritory(ctx);
  territoryId = t.id;
  territorySlug = t.slug;
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers }, ...(payload ? { payload } : {}) });
const htmlPost = (s: Session, url: string, data: Record<string, string>, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, headers: { ...FORM, cookie: s.cookie, ...headers }, payload: form({ _csrf: s.csrf, ...data }) });

async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}
const rowsFor = async (followerId: string, targetId: string) => ctx.database.db.select().from(follows).where(and(eq(follows.followerId, followerId), eq(follows.targetId, targetId)));

describe('following and unfollowing', () => {
  it('is idempotent both ways: 201 then 200, 204 then 204', async () => {
    const promoter = await person();
    const fan = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId });
    const first = await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'project', targetId: project.id });
    expect([first.statusCode, first.json()]).toEqual([201, { targetType: 'project', targetId: project.id, following: true, followers: 1 }]);
    const again = await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'project', targetId: project.id });
    expect([again.statusCode, again.json().followers]).toEqual([200, 1]);
    expect(await rowsFor(fan.user.id, project.id)).toHaveLength(1);
    expect((await api(fan.s, 'DELETE', '/api/v1/follows', { targetType: 'project', targetId: project.id })).statusCode).toBe(204);
    expect(await rowsFor(fan.user.id, project.id)).toHaveLength(0);
    expect((await api(fan.s, 'DELETE', `/api/v1/follows?targetType=project&targetId=${project.id}`)).statusCode).toBe(204);
  });

  it('accepts a handle or a slug and stores the id', async () => {
    const fan = await person();
    const other = await person();
    const org = await createOrganisation(ctx, {});
    expect((await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'user', targetId: other.user.handle })).json().targetId).toBe(other.user.id);
    expect((await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'organisation', targetId: org.slug })).json().targetId).toBe(org.id);
    expect((await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'territory', targetId: territorySlug })).json().targetId).toBe(territoryId);
    const mine = (await api(fan.s, 'GET', '/api/v1/follows/following')).json().items as { targetType: string; targetId: string; url: string }[];
    expect(mine.map((f) => [f.targetType, f.targetId, f.url])).toEqual([
      ['territory', territoryId, `/territoires/${territorySlug}`],
      ['organisation', org.id, `/organisations/${org.slug}`],
      ['user', other.user.id, `/membres/${other.user.handle}`],
    ]);
  });

  it('refuses what is missing or invisible, oneself, and visitors', async () => {
    const promoter = await person();
    const fan = await person();
    const draft = await createProject(ctx, { promoterId: promoter.user.id, territoryId, status: 'draft' });
    const hidden = await createProject(ctx, { promoterId: promoter.user.id, territoryId });
    await ctx.database.db.update(projects).set({ hiddenAt: new Date(), hiddenReason: 'spam' }).where(eq(projects.id, hidden.id));
    for (const [type, id] of [['project', 'nope'], ['project', draft.id], ['project', hidden.id], ['user', 'personne-inconnue'], ['organisation', 'org-inconnue'], ['territory', 'nulle-part'], ['board', 'nope']] as const) {
      const res = await api(fan.s, 'POST', '/api/v1/follows', { targetType: type, targetId: id });
      expect([type, id, res.statusCode, res.json().error.code]).toEqual([type, id, 404, 'FOLLOW_TARGET_NOT_FOUND']);
    }
    // the team may see (and follow) its own draft
    expect((await api(promoter.s, 'POST', '/api/v1/follows', { targetType: 'project', targetId: draft.id })).statusCode).toBe(201);
    const self = await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'user', targetId: fan.user.id });
    expect([self.statusCode, self.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api(null, 'POST', '/api/v1/follows', { targetType: 'territory', targetId: territoryId }, { authorization: 'Bearer nope' })).statusCode).toBe(401);
    expect((await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'planet', targetId: 'x' })).statusCode).toBe(400);
  });
});

describe('followers', () => {
  it('counts everyone but lists only people whose profile is not entirely private', async () => {
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId });
    const open = await person({ privacy: OPEN, displayName: 'Léa Ouverte' });
    const closed = await person({ displayName: 'Paul Discret' });
    for (const p of [open, closed]) expect((await api(p.s, 'POST', '/api/v1/follows', { targetType: 'project', targetId: project.id })).statusCode).toBe(201);
    const res = await api(null, 'GET', `/api/v1/follows/followers?targetType=project&targetId=${project.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().items.map((f: { handle: string }) => f.handle)).toEqual([open.user.handle]);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(['displayName', 'followedAt', 'handle', 'photoUrl']);
  });

  it('pages followers with a cursor', async () => {
    const star = await person();
    const fans = [];
    for (let i = 0; i < 3; i++) fans.push(await person({ privacy: OPEN }));
    for (const f of fans) await api(f.s, 'POST', '/api/v1/follows', { targetType: 'user', targetId: star.user.id });
    const p1 = (await api(null, 'GET', `/api/v1/follows/followers?targetType=user&targetId=${star.user.id}&limit=2`)).json();
    const p2 = (await api(null, 'GET', `/api/v1/follows/followers?targetType=user&targetId=${star.user.id}&limit=2&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((f: { handle: string }) => f.handle).sort()).toEqual(fans.map((f) => f.user.handle).sort());
    expect(p2.nextCursor).toBeNull();
  });
});

describe('the follow button (HTML, with and without htmx)', () => {
  it('follows from the project page without JavaScript and comes back', async () => {
    const promoter = await person();
    const fan = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId, title: 'Ruelle verte Saint-Denis' });
    const before = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: fan.s.cookie } });
    expect(before.body).toContain('action="/suivre"');
    expect(before.body).toContain('aria-label="Suivre Ruelle verte Saint-Denis"');
    const res = await htmlPost(fan.s, '/suivre', { targetType: 'project', targetId: project.id, returnTo: `/projets/${project.id}` });
    expect([res.statusCode, res.headers.location]).toEqual([303, `/projets/${project.id}`]);
    const after = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}`, headers: { cookie: fan.s.cookie } });
    expect(after.body).toContain('action="/suivre/retirer"');
    expect(after.body).toContain('1 abonné·e');
  });

  it('swaps the button with htmx and never redirects off-site', async () => {
    const fan = await person();
    const other = await person();
    const res = await htmlPost(fan.s, '/suivre', { targetType: 'user', targetId: other.user.id, returnTo: '//evil.example' }, { 'hx-request': 'true' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<form[^>]+class="follow"/);
    expect(res.body).toContain('Ne plus suivre');
    expect(res.body).toContain(`Vous suivez maintenant ${other.user.displayName}.`);
    expect(res.body).toContain('name="returnTo" value="/fil"');
    const off = await htmlPost(fan.s, '/suivre/retirer', { targetType: 'user', targetId: other.user.id, returnTo: 'https://evil.example/' });
    expect([off.statusCode, off.headers.location]).toEqual([303, '/fil']);
    expect(await rowsFor(fan.user.id, other.user.id)).toHaveLength(0);
  });

  it('shows visitors a sign-in link and signed-in people the button on person, organisation and territory pages', async () => {
    const other = await person({ privacy: OPEN });
    const org = await createOrganisation(ctx, {});
    const visitorPage = await ctx.app.inject({ method: 'GET', url: `/membres/${other.user.handle}` });
    expect(visitorPage.body).toContain(`/connexion?retour=${encodeURIComponent(`/membres/${other.user.handle}`)}`);
    const fan = await person();
    for (const url of [`/membres/${other.user.handle}`, `/organisations/${org.slug}`, `/territoires/${territorySlug}`]) {
      const page = await ctx.app.inject({ method: 'GET', url, headers: { cookie: fan.s.cookie } });
      expect([url, page.statusCode, page.body.includes('action="/suivre"')]).toEqual([url, 200, true]);
    }
    const own = await ctx.app.inject({ method: 'GET', url: `/membres/${fan.user.handle}`, headers: { cookie: fan.s.cookie } });
    expect(own.body).not.toContain('action="/suivre"');
  });

  it('speaks English', async () => {
    const fan = await person({ locale: 'en' });
    const org = await createOrganisation(ctx, { name: 'Food Co-op' });
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}`, headers: { cookie: fan.s.cookie } });
    expect(page.body).toContain('aria-label="Follow Food Co-op"');
    expect(page.body).toContain('No followers');
    const missing = await api(fan.s, 'POST', '/api/v1/follows', { targetType: 'project', targetId: 'nope' });
    expect(missing.json().error.message).toBe('What you want to follow cannot be found.');
  });
});
