import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createOrganisation, createTerritory, createUser, FORM, form, signIn, uid } from '../helpers/factories.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import type { ProfilePrivacy } from '../../src/modules/auth/auth.domain.js';

let ctx: TestContext;
let villeray: Awaited<ReturnType<typeof createTerritory>>;
let parcEx: Awaited<ReturnType<typeof createTerritory>>;
type Session = { cookie: string; csrf: string };
const OPEN: ProfilePrivacy = { photo: 'public', bio: 'public', skills: 'public', interests: 'public', territory: 'public', links: 'public' };

beforeAll(async () => {
  ctx = await createTestApp();
  villeray = await createTerritory(ctx, { nameFr: 'Villeray', nameEn: 'Villeray' });
  parcEx = await createTerritory(ctx, { nameFr: 'Parc-Extension', nameEn: 'Park Extension' });
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });

async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId: villeray.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}
const offerRow = async (id: string) => (await ctx.database.db.select().from(offers).where(eq(offers.id, id)))[0];
const bookkeeping = (o: Record<string, unknown> = {}) => ({ kind: 'expertise', title: `Tenue de livres ${uid()}`, description: 'Pour les OBNL du quartier.', quantity: 4, period: 'month', territories: [parcEx.slug, villeray.slug], skills: ['tenue de livres', 'Tenue de livres', 'comptabilité'], availability: 'Les soirs', ...o });

describe('publishing an offer', () => {
  it('creates an offer through the API with its territories and skills, and logs it', async () => {
    const { user, s } = await person();
    const res = await api(s, 'POST', '/api/v1/offers', bookkeeping());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'expertise', quantity: 4, unit: 'hours', currency: null, period: 'month', status: 'active', skills: ['tenue de livres', 'comptabilité'], owner: { handle: user.handle }, organisation: null, territoriesFromOwner: false });
    expect(body.territories).toEqual([{ slug: parcEx.slug, name: 'Parc-Extension' }, { slug: villeray.slug, name: 'Villeray' }]);
    const row = await offerRow(body.id);
    expect(row).toMatchObject({ ownerId: user.id, territoryIds: [parcEx.id, villeray.id], organisationId: null });
    const logged = await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, body.id));
    expect(logged.map((l) => l.action)).toEqual(['offer.create']);
  });

  it('lists each invalid field in the reader’s language and writes nothing', async () => {
    const { user, s } = await person();
    const fr = await api(s, 'POST', '/api/v1/offers', { kind: 'hugs', title: 'x', territories: ['nulle-part'], period: 'daily' });
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error.details.fields).toEqual({ kind: 'Choisissez une option de la liste.', title: 'Au moins 3 caractères.', period: 'Choisissez une option de la liste.' });
    const unknownPlace = await api(s, 'POST', '/api/v1/offers', bookkeeping({ territories: ['nulle-part'] }));
    expect(unknownPlace.json().error.details.fields).toEqual({ territories: 'Choisissez une option de la liste.' });
    const english = await person({ locale: 'en' });
    const en = await api(english.s, 'POST', '/api/v1/offers', bookkeeping({ quantity: 0, title: '' }));
    expect(en.json().error.details.fields).toEqual({ title: 'This field is required.', quantity: 'The value must be at least 1.' });
    expect(await ctx.database.db.select().from(offers).where(eq(offers.ownerId, user.id))).toEqual([]);
  });

  it('takes dollars in the HTML form, keeps the values of a failed form, and shows the new offer', async () => {
    const { s } = await person();
    const title = `Fonds jeunesse ${uid()}`;
    const bad = await ctx.app.inject({ method: 'POST', url: '/offres/nouvelle', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, kind: '', title, quantity: '500', period: 'year' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(`value="${title}"`);
    const res = await ctx.app.inject({ method: 'POST', url: '/offres/nouvelle', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, kind: 'funding', title, quantity: '500', period: 'year', skills: '', availability: '', description: '' }) });
    expect(res.statusCode).toBe(303);
    const id = /^\/offres\/([^?]+)\?fait=publiee$/.exec(res.headers.location!)![1]!;
    expect((await offerRow(id))!.quantity).toBe(50_000);
    const page = await ctx.app.inject({ method: 'GET', url: res.headers.location! });
    expect(page.body).toContain('Offre publiée. Merci!');
    expect(page.body.replace(/[\u00a0\u202f]/g, ' ')).toContain('500,00 $ par année');
  });

  it('escapes markup in titles and descriptions', async () => {
    const { s } = await person();
    const res = await api(s, 'POST', '/api/v1/offers', bookkeeping({ title: '<script>alert(1)</script> aide', description: '<img src=x onerror=alert(1)>' }));
    const page = await ctx.app.inject({ method: 'GET', url: `/offres/${res.json().id}` });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('<h1>&lt;script>alert(1)&lt;/script> aide</h1>');
  });
});

describe('editing and deleting', () => {
  it('lets only the owner edit, pause and delete their offer', async () => {
    const owner = await person();
    const id = (await api(owner.s, 'POST', '/api/v1/offers', bookkeeping())).json().id;
    const stranger = await person();
    const refused = await api(stranger.s, 'PATCH', `/api/v1/offers/${id}`, { title: 'Volée' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await api(stranger.s, 'DELETE', `/api/v1/offers/${id}`)).statusCode).toBe(403);
    expect((await api(null, 'PATCH', `/api/v1/offers/${id}`, { title: 'Anonyme' })).statusCode).toBe(401);
    const paused = await api(owner.s, 'PATCH', `/api/v1/offers/${id}`, { status: 'paused', skills: ['fiscalité'] });
    expect(paused.json()).toMatchObject({ status: 'paused', skills: ['fiscalité'] });
    expect((await offerRow(id))!.status).toBe('paused');
    const listed = (await api(null, 'GET', '/api/v1/offers?limit=100&kind=expertise')).json().items.map((o: { id: string }) => o.id);
    expect(listed).not.toContain(id);
    const page = await ctx.app.inject({ method: 'GET', url: `/offres/${id}`, headers: { cookie: owner.s.cookie } });
    expect(page.body).toContain('data-confirm="Supprimer définitivement l’offre');
    expect((await ctx.app.inject({ method: 'GET', url: `/offres/${id}/modifier`, headers: { cookie: stranger.s.cookie } })).statusCode).toBe(403);
    const deleted = await ctx.app.inject({ method: 'POST', url: `/offres/${id}/supprimer`, headers: { ...FORM, cookie: owner.s.cookie }, payload: form({ _csrf: owner.s.csrf }) });
    expect([deleted.statusCode, deleted.headers.location]).toEqual([303, '/offres?fait=supprimee']);
    expect(await offerRow(id)).toBeUndefined();
    expect((await api(null, 'GET', `/api/v1/offers/${id}`)).json().error.code).toBe('OFFER_NOT_FOUND');
  });

  it('edits through the HTML form, money shown back in dollars', async () => {
    const owner = await person();
    const id = (await api(owner.s, 'POST', '/api/v1/offers', { kind: 'loan', title: `Prêt sans intérêt ${uid()}`, quantity: 200_000 })).json().id;
    const edit = await ctx.app.inject({ method: 'GET', url: `/offres/${id}/modifier`, headers: { cookie: owner.s.cookie } });
    expect(edit.body).toContain('value="2000"');
    const res = await ctx.app.inject({ method: 'POST', url: `/offres/${id}/modifier`, headers: { ...FORM, cookie: owner.s.cookie }, payload: `${form({ _csrf: owner.s.csrf, kind: 'loan', title: 'Prêt sans intérêt', quantity: '1 500', period: 'once', skills: '', availability: '', description: '', status: 'active' })}&territories=${villeray.slug}` });
    expect(res.statusCode).toBe(303);
    expect(await offerRow(id)).toMatchObject({ quantity: 150_000, territoryIds: [villeray.id] });
  });
});

describe('organisations’ standing capacity', () => {
  it('lets a representative declare an offer in the organisation’s name, which its other representatives may edit', async () => {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, partner: true, territoryId: villeray.id, name: `Vélo-Coop ${uid()}` });
    const res = await api(rep.s, 'POST', '/api/v1/offers', { kind: 'material', title: 'Prêt d’un vélo-cargo', quantity: 1, period: 'week', organisation: org.slug });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organisation: { slug: org.slug, partner: true }, territories: [{ slug: villeray.slug }], territoriesFromOwner: true });
    const id = res.json().id;
    expect((await offerRow(id))!.organisationId).toBe(org.id);
    const colleague = await person();
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: colleague.user.id, role: 'representative' });
    expect((await api(colleague.s, 'PATCH', `/api/v1/offers/${id}`, { quantity: 2 })).json().quantity).toBe(2);
    const profile = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}` });
    expect(profile.body).toContain('Prêt d’un vélo-cargo');
  });

  it('refuses capacity from people who do not represent the organisation', async () => {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id });
    const member = await person();
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    const res = await api(member.s, 'POST', '/api/v1/offers', { kind: 'service', title: 'Impression', organisation: org.slug });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'NOT_REPRESENTATIVE']);
    expect(await ctx.database.db.select().from(offers).where(eq(offers.organisationId, org.id))).toEqual([]);
  });
});

describe('the list of offers', () => {
  it('filters by kind, words and territory served (an empty list serves the owner’s, if they show it)', async () => {
    const mark = uid();
    const open = await person({ privacy: OPEN, territoryId: parcEx.id });
    const secret = await person({ territoryId: parcEx.id });
    const a = (await api(open.s, 'POST', '/api/v1/offers', { kind: 'volunteering', title: `Aide aux devoirs ${mark}` })).json().id;
    const b = (await api(secret.s, 'POST', '/api/v1/offers', { kind: 'volunteering', title: `Cuisine collective ${mark}` })).json().id;
    const c = (await api(secret.s, 'POST', '/api/v1/offers', { kind: 'volunteering', title: `Jardinage ${mark}`, territories: [parcEx.slug] })).json().id;
    const ids = async (query: string) => (await api(null, 'GET', `/api/v1/offers?q=${mark}&${query}`)).json<{ items: { id: string }[] }>().items.map((o) => o.id);
    expect(await ids('')).toEqual([c, b, a]);
    expect(await ids(`territory=${parcEx.slug}`)).toEqual([c, a]);
    expect(await ids('kind=expertise')).toEqual([]);
    const secretView = (await api(null, 'GET', `/api/v1/offers/${b}`)).json();
    expect(secretView.territories).toEqual([]);
    const first = (await api(null, 'GET', `/api/v1/offers?q=${mark}&limit=2`)).json();
    const next = (await api(null, 'GET', `/api/v1/offers?q=${mark}&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...next.items].map((o: { id: string }) => o.id)).toEqual([c, b, a]);
    expect(next.nextCursor).toBeNull();
  });

  it('shows cards with the amount, and an empty state with a way out', async () => {
    const { s } = await person();
    const title = `Réparation de vélos ${uid()}`;
    await api(s, 'POST', '/api/v1/offers', { kind: 'volunteering', title, quantity: 3, period: 'week' });
    const page = await ctx.app.inject({ method: 'GET', url: `/offres?q=${encodeURIComponent(title)}` });
    expect(page.body).toContain(title);
    expect(page.body).toContain('3 h par semaine');
    const empty = await ctx.app.inject({ method: 'GET', url: '/offres?q=zzz-rien-du-tout' });
    expect(empty.body).toContain('Aucune offre ne correspond pour le moment.');
    expect(empty.body).toContain('Effacer les filtres');
    const en = await ctx.app.inject({ method: 'GET', url: `/offres?lang=en&q=${encodeURIComponent(title)}` });
    expect(en.body).toContain('3 h a week');
  });
});
