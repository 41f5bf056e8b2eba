import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createOrganisation, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { organisations, organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { activities } from '../../src/modules/social/social.tables.js';
import { reports } from '../../src/modules/moderation/moderation.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';

let ctx: TestContext;
let territory: { id: string; slug: string };
type Session = { cookie: string; csrf: string };
type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };
let moderator: Person;
let moderatorElsewhere: Person;

const api = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const page = (s: Session | null, url: string) => ctx.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId: territory.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}
const report = (p: Person, targetType: string, targetId: string) => api(p.s, 'POST', '/api/v1/reports', { targetType, targetId, reason: 'spam', details: '' });
const act = (p: Person, body: Record<string, unknown>) => api(p.s, 'POST', '/api/v1/moderation/actions', body);

beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
  const elsewhere = await createTerritory(ctx);
  const caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  const other = await createCaisse(ctx, { territoryIds: [elsewhere.id] });
  moderator = await person({ role: { role: 'moderator', caisseId: caisse.id } });
  moderatorElsewhere = await person({ role: { role: 'moderator', caisseId: other.id } });
});
afterAll(() => ctx.close());

describe('a reported offer, hidden then restored', () => {
  it('disappears from the list, search, page, API and feed for others; its owner and moderators still see it', async () => {
    const owner = await person();
    const reporter = await person();
    const word = `zorbloffre${uid()}`;
    const created = await api(owner.s, 'POST', '/api/v1/offers', { kind: 'expertise', title: `Offre ${word}`, description: 'Des heures de comptabilité', quantity: 4, period: 'month', territories: [territory.slug], skills: [] });
    expect(created.statusCode, created.body).toBe(201);
    const offerId = created.json().id as string;

    // The page offers a report link to others, not to the owner.
    expect((await page(reporter.s, `/offres/${offerId}`)).body).toContain(`/signaler?type=offer&amp;id=${offerId}`);
    expect((await page(owner.s, `/offres/${offerId}`)).body).not.toContain('/signaler?type=offer');
    expect((await report(owner, 'offer', offerId)).statusCode).toBe(404);
    const filed = await report(reporter, 'offer', offerId);
    expect(filed.statusCode, filed.body).toBe(201);
    const [row] = await ctx.database.db.select().from(reports).where(and(eq(reports.targetType, 'offer'), eq(reports.targetId, offerId)));
    expect(row!.territoryId).toBe(territory.id);
    const queue = await api(moderator.s, 'GET', '/api/v1/moderation/reports');
    expect(queue.body).toContain(offerId);
    const queuePage = await page(moderator.s, '/moderation');
    expect(queuePage.statusCode).toBe(200);
    expect(queuePage.body).toContain(`/offres/${offerId}`);

    expect((await act(moderatorElsewhere, { action: 'hide', targetType: 'offer', targetId: offerId, reason: 'Pourriel' })).statusCode).toBe(403);
    const hidden = await act(moderator, { action: 'hide', targetType: 'offer', targetId: offerId, reason: 'Pourriel' });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect((await ctx.database.db.select().from(offers).where(eq(offers.id, offerId)))[0]!.hiddenAt).not.toBeNull();

    for (const s of [reporter.s, null]) {
      expect((await api(s, 'GET', `/api/v1/offers/${offerId}`)).statusCode).toBe(404);
      expect((await page(s, `/offres/${offerId}`)).statusCode).toBe(404);
      expect((await api(s, 'GET', `/api/v1/offers?q=${word}`)).json().items).toEqual([]);
      expect((await page(s, `/offres?q=${word}`)).body).not.toContain(offerId);
    }
    const feedRows = await ctx.database.db.select().from(activities).where(and(eq(activities.subjectType, 'offer'), eq(activities.subjectId, offerId)));
    expect(feedRows.length).toBeGreaterThan(0);
    expect(feedRows.every((a) => a.hiddenAt !== null)).toBe(true);

    const mine = await page(owner.s, `/offres/${offerId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Pourriel');
    expect((await page(moderator.s, `/offres/${offerId}`)).statusCode).toBe(200);
    const told = await ctx.database.db.select().from(notifications).where(and(eq(notifications.userId, owner.user.id), eq(notifications.kind, 'moderation.hidden')));
    expect(told).toHaveLength(1);
    expect(told[0]!.url).toBe(`/offres/${offerId}`);

    expect((await act(moderator, { action: 'restore', targetType: 'offer', targetId: offerId, reason: 'Erreur' })).statusCode).toBe(201);
    expect((await api(null, 'GET', `/api/v1/offers/${offerId}`)).statusCode).toBe(200);
    expect((await api(null, 'GET', `/api/v1/offers?q=${word}`)).json().items.map((o: { id: string }) => o.id)).toEqual([offerId]);
  });
});

describe('a reported organisation, hidden then restored', () => {
  it('is gone from the list, search and its page for others, with its offers; its members and moderators see it with the reason', async () => {
    const representative = await person();
    const member = await person();
    const reporter = await person();
    const word = `zorblorg${uid()}`;
    const org = await createOrganisation(ctx, { representativeId: representative.user.id, name: `Coop ${word}`, territoryId: territory.id });
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    const offer = await api(representative.s, 'POST', '/api/v1/offers', { kind: 'material', title: `Vélo ${word}`, description: '', period: 'once', territories: [territory.slug], skills: [], organisation: org.slug });
    expect(offer.statusCode, offer.body).toBe(201);

    expect((await page(reporter.s, `/organisations/${org.slug}`)).body).toContain(`/signaler?type=organisation&amp;id=${org.id}`);
    expect((await report(reporter, 'organisation', org.id)).statusCode).toBe(201);
    expect((await report(member, 'organisation', org.id)).statusCode).toBe(404);
    expect((await act(member, { action: 'hide', targetType: 'organisation', targetId: org.id, reason: 'x' })).statusCode).toBe(403);
    const hidden = await act(moderator, { action: 'hide', targetType: 'organisation', targetId: org.id, reason: 'Fausse entreprise' });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect((await ctx.database.db.select().from(organisations).where(eq(organisations.id, org.id)))[0]!.hiddenAt).not.toBeNull();

    for (const s of [reporter.s, null]) {
      expect((await api(s, 'GET', `/api/v1/organisations/${org.slug}`)).statusCode).toBe(404);
      expect((await page(s, `/organisations/${org.slug}`)).statusCode).toBe(404);
      expect((await api(s, 'GET', `/api/v1/organisations?q=${word}`)).json().items).toEqual([]);
      expect((await api(s, 'GET', `/api/v1/offers?q=${word}`)).json().items).toEqual([]);
    }
    for (const p of [representative, member, moderator]) {
      const seen = await page(p.s, `/organisations/${org.slug}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.body).toContain('Fausse entreprise');
    }
    expect((await act(moderator, { action: 'restore', targetType: 'organisation', targetId: org.id, reason: 'Vérifiée' })).statusCode).toBe(201);
    expect((await api(null, 'GET', `/api/v1/organisations?q=${word}`)).json().items).toHaveLength(1);
  });
});

describe('offers and organisations search ignores accents', () => {
  it('finds “Église” when someone types “eglise”, and “eglise” when someone types “ÉGLISE”', async () => {
    const owner = await person();
    const word = uid();
    const org = await createOrganisation(ctx, { name: `Église Saint-Édouard ${word}` });
    const created = await api(owner.s, 'POST', '/api/v1/offers', { kind: 'material', title: `Salle de l’église ${word}`, description: '', period: 'once', territories: [territory.slug], skills: [] });
    expect(created.statusCode).toBe(201);
    expect((await api(null, 'GET', `/api/v1/organisations?q=${encodeURIComponent(`eglise saint-edouard ${word}`)}`)).json().items.map((o: { slug: string }) => o.slug)).toEqual([org.slug]);
    expect((await api(null, 'GET', `/api/v1/offers?q=${encodeURIComponent(`L’ÉGLISE ${word}`)}`)).json().items.map((o: { id: string }) => o.id)).toEqual([created.json().id]);
  });
});
