import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createOrganisation, createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { type ProfilePrivacy } from '../../src/modules/auth/auth.domain.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { needs } from '../../src/modules/needs/needs.tables.js';
import { type NeedKind } from '../../src/modules/needs/needs.domain.js';
import { projects, projectTeam } from '../../src/modules/projects/projects.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { needsMatchingPerson } from '../../src/modules/matching/matching.service.js';

let ctx: TestContext;
let villeray: Awaited<ReturnType<typeof createTerritory>>;
let parcEx: Awaited<ReturnType<typeof createTerritory>>;
const OPEN: ProfilePrivacy = { photo: 'public', bio: 'public', skills: 'public', interests: 'public', territory: 'public', links: 'public' };
const MEMBERS_SKILLS: ProfilePrivacy = { ...OPEN, skills: 'members' };
const PRIVATE_SKILLS: ProfilePrivacy = { ...OPEN, skills: 'private' };
const HIDDEN_HOME: ProfilePrivacy = { ...OPEN, territory: 'private' };

beforeAll(async () => {
  ctx = await createTestApp();
  villeray = await createTerritory(ctx, { nameFr: 'Villeray', nameEn: 'Villeray' });
  parcEx = await createTerritory(ctx, { nameFr: 'Parc-Extension', nameEn: 'Park Extension' });
});
afterAll(() => ctx.close());

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12));
async function personAt(day: number, o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId: villeray.id, privacy: OPEN, ...o });
  await ctx.database.db.update(users).set({ updatedAt: at(day) }).where(eq(users.id, user.id));
  return user;
}
async function offer(ownerId: string, o: { kind: NeedKind; skills?: string[]; territoryIds?: string[]; status?: 'active' | 'paused'; organisationId?: string; day: number; title?: string }) {
  const id = newId();
  await ctx.database.db.insert(offers).values({ id, ownerId, kind: o.kind, title: o.title ?? `Offre ${uid()}`, skills: o.skills ?? [], territoryIds: o.territoryIds ?? [], status: o.status ?? 'active', organisationId: o.organisationId ?? null, createdAt: at(o.day), updatedAt: at(o.day) });
  return id;
}
type Match = { type: string; score: number; offer: { id: string } | null; person: { handle: string }; reasonText: string; reason: Record<string, unknown> };
const matches = async (needId: string, cookie?: string, lang = 'fr') => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/needs/${needId}/matches?lang=${lang}`, headers: cookie ? { cookie } : {} });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Match[] }>().items;
};
const key = (m: Match) => (m.offer ? `offer:${m.offer.id}` : `person:${m.person.handle}`);

describe('who could help with a need', () => {
  /**
   * Fixture: a product need asking for "Tenue de livres X" and "fiscalité X" in Villeray (X is unique
   * to this test; no other test publishes product offers). Expected scores: kind 40, each shared
   * skill 20, same neighbourhood 25, partner 10.
   */
  async function fixture() {
    const x = uid();
    const skill = `Tenue de livres ${x}`;
    const promoter = await personAt(1, { skills: [`tenue de livres ${x}`] });
    const teammate = await personAt(1, { skills: [`tenue de livres ${x}`] });
    const promoterOrg = await createOrganisation(ctx, { representativeId: promoter.id });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: villeray.id });
    await ctx.database.db.insert(projectTeam).values({ projectId: project.id, userId: teammate.id, role: 'member' });
    await ctx.database.db.update(projects).set({ organisationId: promoterOrg.id }).where(eq(projects.id, project.id));
    const need = await createNeed(ctx, { projectId: project.id, kind: 'product', skills: [skill, `fiscalité ${x}`] });

    const a = await personAt(2, { skills: [`tenue de livres ${x}`] });
    const o1 = await offer(a.id, { kind: 'product', skills: [`tenue de livres ${x}`], territoryIds: [villeray.id], day: 2 }); // 40 + 20 + 25 = 85
    const b = await personAt(3);
    const o2 = await offer(b.id, { kind: 'product', skills: ['comptabilité'], day: 3 }); // 40 + 25 (owner's Villeray, shown) = 65
    const rep = await personAt(3, { territoryId: parcEx.id });
    const partner = await createOrganisation(ctx, { representativeId: rep.id, partner: true, territoryId: parcEx.id, name: `Coop ${x}` });
    const o3 = await offer(rep.id, { kind: 'product', skills: [`FISCALITE ${x}`], organisationId: partner.id, day: 4 }); // 40 + 20 + 10 = 70
    const o4 = await offer(b.id, { kind: 'volunteering', skills: [`TENUE DE LIVRES ${x}`, `Fiscalité ${x}`], territoryIds: [parcEx.id], day: 5 }); // 40 (2 skills)
    const p1 = await personAt(6, { skills: [`tenue de livres ${x}`, `fiscalite ${x}`] }); // 40 + 25 = 65, more recent than o2
    const p2 = await personAt(7, { skills: [`tenue de livres ${x}`], privacy: MEMBERS_SKILLS, territoryId: parcEx.id }); // 20, signed-in viewers only
    const p6 = await personAt(7, { skills: [`tenue de livres ${x}`], privacy: HIDDEN_HOME }); // 20: lives in Villeray but does not show it

    // Never suggested: a paused offer, the team's offers and skills, the project's own organisation,
    // suspended and deleted people, private skills, an offer of another kind without a shared skill.
    await offer(a.id, { kind: 'product', skills: [`tenue de livres ${x}`], status: 'paused', day: 9 });
    await offer(teammate.id, { kind: 'product', day: 9 });
    await offer(promoter.id, { kind: 'product', organisationId: promoterOrg.id, day: 9 });
    const suspended = await personAt(9, { skills: [`tenue de livres ${x}`] });
    await ctx.database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
    await offer(suspended.id, { kind: 'product', day: 9 });
    const deleted = await personAt(9, { skills: [`tenue de livres ${x}`] });
    await ctx.database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id));
    await personAt(9, { skills: [`tenue de livres ${x}`], privacy: PRIVATE_SKILLS });
    await offer(b.id, { kind: 'material', skills: ['peinture'], territoryIds: [villeray.id], day: 9 });
    return { x, need, o1, o2, o3, o4, a, p1, p2, p6, viewer: await personAt(1, { territoryId: parcEx.id }) };
  }
  /** Built once and only read: every product offer in this file belongs to it. */
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    f = await fixture();
  });

  it('ranks offers and people in an exact, repeatable order', async () => {
    const session = await signIn(ctx, f.viewer.email);
    // p2 and p6 tie on score and recency: the smaller id comes first.
    const tie = [f.p2, f.p6].sort((l, r) => (l.id < r.id ? -1 : 1)).map((p) => `person:${p.handle}`);
    const expected = [`offer:${f.o1}`, `offer:${f.o3}`, `person:${f.p1.handle}`, `offer:${f.o2}`, `offer:${f.o4}`, ...tie];
    const first = await matches(f.need.id, session.cookie);
    expect(first.map(key)).toEqual(expected);
    expect(first.map((m) => m.score)).toEqual([85, 70, 65, 65, 40, 20, 20]);
    expect((await matches(f.need.id, session.cookie)).map(key)).toEqual(expected);
  });

  it('explains each match from its parts, in the reader’s language', async () => {
    const [o1, o3, p1] = await matches(f.need.id);
    expect(o1).toMatchObject({ type: 'offer', reason: { kind: 'offer', offerKind: 'product', skills: [`tenue de livres ${f.x}`], territory: { slug: villeray.slug, name: 'Villeray' }, partner: false } });
    expect(o1!.reasonText).toBe(`offre « tenue de livres ${f.x} » dans le quartier Villeray`);
    expect(o3!.reasonText).toBe(`offre « FISCALITE ${f.x} » — partenaire sur l’honneur`);
    expect(p1!.reasonText).toBe(`a la compétence « tenue de livres ${f.x} », dans le quartier Villeray (et 1 autre compétence)`);
    const [en] = await matches(f.need.id, undefined, 'en');
    expect(en!.reasonText).toBe(`offers tenue de livres ${f.x} in Villeray`);
  });

  it('shows people whose skills are for members only to signed-in viewers, and never a hidden neighbourhood', async () => {
    const anonymous = (await matches(f.need.id)).map(key);
    expect(anonymous).not.toContain(`person:${f.p2.handle}`);
    expect(anonymous).toContain(`person:${f.p6.handle}`);
    expect(anonymous).not.toContain(`person:${f.a.handle}`);
    const hidden = (await matches(f.need.id)).find((m) => m.person.handle === f.p6.handle)!;
    expect(hidden.reason.territory).toBeNull();
  });

  it('suggests personal offers for a project that has no organisation', async () => {
    const x = uid();
    const promoter = await personAt(1);
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId: parcEx.id });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'expertise', skills: [`Graphisme ${x}`] });
    const designer = await personAt(2, { territoryId: parcEx.id });
    const poster = await offer(designer.id, { kind: 'service', skills: [`graphisme ${x}`], territoryIds: [parcEx.id], day: 2 });
    const [first] = await matches(need.id);
    expect(first).toMatchObject({ type: 'offer', offer: { id: poster }, score: 45 });
  });

  it('answers NEED_NOT_FOUND for unknown needs and needs of drafts the viewer may not see', async () => {
    const promoter = await createUser(ctx, { territoryId: villeray.id });
    const draft = await createProject(ctx, { promoterId: promoter.id, territoryId: villeray.id, status: 'draft' });
    const need = await createNeed(ctx, { projectId: draft.id, kind: 'expertise' });
    for (const id of [need.id, 'inconnu']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/needs/${id}/matches` });
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'NEED_NOT_FOUND']);
    }
    const own = await signIn(ctx, promoter.email);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/needs/${need.id}/matches`, headers: { cookie: own.cookie } })).statusCode).toBe(200);
  });

  it('has a page listing the same candidates, reachable without JavaScript', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `/besoins/${f.need.id}/qui-peut-aider` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Qui pourrait aider');
    expect(page.body).toContain(`href="/offres/${f.o1}"`);
    expect(page.body).toContain(`/messages/nouveau?a=${f.a.handle}&amp;contexte=need:${f.need.id}`);
    const order = [f.o1, f.o3].map((id) => page.body.indexOf(`/offres/${id}"`));
    expect(order[0]).toBeLessThan(order[1]!);
  });
});

describe('needs near a person that match their skills', () => {
  it('lists open, unmet needs of public projects asking for their skills, the nearest first', async () => {
    const x = uid();
    const me = await createUser(ctx, { territoryId: villeray.id, skills: [`Menuiserie ${x}`, 'cuisine'] });
    const promoter = await createUser(ctx, { territoryId: villeray.id });
    const near = await createProject(ctx, { promoterId: promoter.id, territoryId: villeray.id });
    const far = await createProject(ctx, { promoterId: promoter.id, territoryId: parcEx.id });
    const draft = await createProject(ctx, { promoterId: promoter.id, territoryId: villeray.id, status: 'draft' });
    const mine = await createProject(ctx, { promoterId: me.id, territoryId: villeray.id });
    const n1 = await createNeed(ctx, { projectId: near.id, kind: 'volunteering', skills: [`menuiserie ${x}`] });
    const n2 = await createNeed(ctx, { projectId: far.id, kind: 'expertise', skills: [`MENUISERIE ${x}`] });
    const closed = await createNeed(ctx, { projectId: near.id, skills: [`menuiserie ${x}`] });
    await ctx.database.db.update(needs).set({ closedAt: new Date() }).where(eq(needs.id, closed.id));
    await createNeed(ctx, { projectId: draft.id, skills: [`menuiserie ${x}`] });
    await createNeed(ctx, { projectId: mine.id, skills: [`menuiserie ${x}`] });
    const met = await createNeed(ctx, { projectId: near.id, quantity: 4, skills: [`menuiserie ${x}`] });
    await ctx.database.db.insert(pledges).values({ id: newId(), needId: met.id, projectId: near.id, supporterId: promoter.id, quantity: 4, status: 'accepted' });
    await createNeed(ctx, { projectId: near.id, skills: ['plomberie'] });
    const list = await needsMatchingPerson(ctx.app.deps, me.id, 10);
    expect(list.map((n) => n.id)).toEqual([n1.id, n2.id]);
    expect(list[0]).toMatchObject({ score: 45, reason: { kind: 'need', skills: [`menuiserie ${x}`], territory: { slug: villeray.slug } }, project: { id: near.id } });
    expect(list[1]).toMatchObject({ score: 20, reason: { territory: null } });
    expect(await needsMatchingPerson(ctx.app.deps, (await createUser(ctx)).id, 10)).toEqual([]);
  });
});
