import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createOrganisation, createTerritory, createUser, FORM, form, signIn, uid } from '../helpers/factories.js';
import { charters } from '../../src/modules/organisations/partners.tables.js';
import { organisationMembers, organisations } from '../../src/modules/organisations/organisations.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import { listPartnerOrganisationsFor } from '../../src/modules/organisations/organisations.service.js';

let ctx: TestContext;
let territory: Awaited<ReturnType<typeof createTerritory>>;
type Session = { cookie: string; csrf: string };

beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx, { nameFr: 'Villeray', nameEn: 'Villeray' });
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });

async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId: territory.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

const orgRow = async (slug: string) => (await ctx.database.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!;

describe('creating and editing an organisation', () => {
  it('creates one through the API with its creator as owner, and logs it', async () => {
    const { user, s } = await person();
    const name = `Café du Coin ${uid()}`;
    const res = await api(s, 'POST', '/api/v1/organisations', { name, kind: 'business', description: 'Un café de quartier.', website: 'https://example.org/cafe', territory: territory.slug });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name, kind: 'business', partner: false, partnerSince: null, territory: { slug: territory.slug, name: 'Villeray' }, members: [{ handle: user.handle, role: 'owner' }] });
    expect(body.slug).toMatch(/^cafe-du-coin-/);
    const row = await orgRow(body.slug);
    expect(row.createdBy).toBe(user.id);
    const members = await ctx.database.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, row.id));
    expect(members.map((m) => [m.userId, m.role])).toEqual([[user.id, 'owner']]);
    const logged = await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, row.id));
    expect(logged.map((l) => l.action)).toEqual(['organisation.create']);
  });

  it('refuses a javascript: website and an unknown kind, in each reader’s language, and writes nothing', async () => {
    const { s } = await person();
    const name = `Piège ${uid()}`;
    const fr = await api(s, 'POST', '/api/v1/organisations', { name, kind: 'cult', website: 'javascript:alert(1)' });
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error.details.fields).toEqual({ kind: 'Choisissez une option de la liste.', website: 'Entrez une adresse web complète commençant par https://.' });
    const english = await person({ locale: 'en' });
    const en = await api(english.s, 'POST', '/api/v1/organisations', { name, kind: 'business', website: 'ftp://example.org' });
    expect(en.json().error.details.fields).toEqual({ website: 'Enter a full web address starting with https://.' });
    expect(await ctx.database.db.select().from(organisations).where(eq(organisations.name, name))).toEqual([]);
  });

  it('creates from the HTML form and lands on the profile; a failed form keeps the values', async () => {
    const { s } = await person();
    const name = `Vélo-Coop ${uid()}`;
    const bad = await ctx.app.inject({ method: 'POST', url: '/organisations/nouvelle', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, name, kind: '', description: 'Des vélos-cargos.' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Des vélos-cargos.');
    expect(bad.body).toContain('Choisissez une option de la liste.');
    const res = await ctx.app.inject({ method: 'POST', url: '/organisations/nouvelle', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, name, kind: 'cooperative', description: 'Des vélos-cargos.', website: '', territory: territory.slug }) });
    expect(res.statusCode).toBe(303);
    const page = await ctx.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${name}</h1>`);
    expect(page.body).toContain('Signer la charte d’honneur');
  });

  it('lets only representatives (or admins) edit', async () => {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id });
    const stranger = await person();
    const refused = await api(stranger.s, 'PATCH', `/api/v1/organisations/${org.slug}`, { description: 'Piraté' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'NOT_REPRESENTATIVE']);
    const member = await person();
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    expect((await api(member.s, 'PATCH', `/api/v1/organisations/${org.slug}`, { description: 'Membre' })).statusCode).toBe(403);
    const ok = await api(rep.s, 'PATCH', `/api/v1/organisations/${org.slug}`, { description: 'Nouvelle présentation' });
    expect([ok.statusCode, ok.json().description]).toEqual([200, 'Nouvelle présentation']);
    const admin = await person({ role: { role: 'admin' } });
    expect((await api(admin.s, 'PATCH', `/api/v1/organisations/${org.slug}`, { kind: 'community' })).json().kind).toBe('community');
    expect((await orgRow(org.slug)).description).toBe('Nouvelle présentation');
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}/modifier`, headers: { cookie: stranger.s.cookie } });
    expect(page.statusCode).toBe(403);
  });
});

describe('members', () => {
  it('lets a representative add people by handle; plain members are listed only inside the organisation', async () => {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id });
    const newcomer = await createUser(ctx, { displayName: 'Nadia Membre' });
    const second = await createUser(ctx, { displayName: 'Rémi Représentant' });
    expect((await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/members`, { handle: newcomer.handle })).statusCode).toBe(200);
    const res = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/members`, { handle: second.handle, role: 'representative' });
    expect(res.json().members.map((m: { handle: string; role: string }) => [m.handle, m.role])).toEqual(
      expect.arrayContaining([[newcomer.handle, 'member'], [second.handle, 'representative'], [rep.user.handle, 'representative']]),
    );
    const roles = await ctx.database.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(roles).toHaveLength(3);
    const outside = (await api(null, 'GET', `/api/v1/organisations/${org.slug}`)).json();
    expect(outside.members.map((m: { handle: string }) => m.handle).sort()).toEqual([rep.user.handle, second.handle].sort());
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}` });
    expect(page.body).toContain(`href="/membres/${second.handle}"`);
    expect(page.body).not.toContain('Nadia Membre');
    expect(page.body).toContain('et 1 autre membre');
  });

  it('refuses unknown handles and people who are not representatives', async () => {
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id });
    const unknown = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/members`, { handle: 'personne-inexistante' });
    expect(unknown.json().error.details.fields).toEqual({ handle: 'Aucune personne ne porte cet identifiant.' });
    const other = await person();
    const refused = await api(other.s, 'POST', `/api/v1/organisations/${org.slug}/members`, { handle: other.user.handle, role: 'representative' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'NOT_REPRESENTATIVE']);
    expect(await ctx.database.db.select().from(organisationMembers).where(and(eq(organisationMembers.organisationId, org.id), eq(organisationMembers.userId, other.user.id)))).toEqual([]);
  });
});

describe('the honour charter', () => {
  async function caisseWithCharter() {
    const caisse = await createCaisse(ctx, { territoryIds: [territory.id], name: `Caisse ${uid()}` });
    await ctx.database.db.insert(charters).values({ caisseId: caisse.id, version: 1, textFr: 'Nous tenons parole.', textEn: 'We keep our word.' });
    return caisse;
  }

  it('makes the organisation a partner when a representative signs, logs it, and shows the badge with its date', async () => {
    const caisse = await caisseWithCharter();
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, name: `Café Partenaire ${uid()}` });
    const res = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/charter`, { caisse: caisse.slug, accept: true });
    expect(res.statusCode).toBe(200);
    const row = await orgRow(org.slug);
    expect(row).toMatchObject({ charterSignedBy: rep.user.id, charterVersion: `${caisse.slug}-v1` });
    expect(row.charterSignedAt).toBeInstanceOf(Date);
    const logged = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, org.id), eq(auditLog.action, 'organisation.charter.sign')));
    expect(logged).toHaveLength(1);
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}` });
    expect(page.body).toContain('Partenaire sur l’honneur depuis le');
    const list = await ctx.app.inject({ method: 'GET', url: `/organisations?partner=true&q=${encodeURIComponent(org.name)}` });
    expect(list.body).toContain(org.name);
    expect(list.body).toContain('badge-partner');
    expect(await listPartnerOrganisationsFor(ctx.app.deps, rep.user.id)).toEqual([{ id: org.id, slug: org.slug, name: org.name }]);
    const again = await api(rep.s, 'POST', `/api/v1/organisations/${org.slug}/charter`, { caisse: caisse.slug, accept: true });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CHARTER_ALREADY_SIGNED']);
  });

  it('is signed only by representatives and only with the box ticked', async () => {
    const caisse = await caisseWithCharter();
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id });
    const member = await person();
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    const admin = await person({ role: { role: 'admin' } });
    for (const s of [member.s, admin.s]) {
      const res = await api(s, 'POST', `/api/v1/organisations/${org.slug}/charter`, { caisse: caisse.slug, accept: true });
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'NOT_REPRESENTATIVE']);
    }
    const unticked = await ctx.app.inject({ method: 'POST', url: `/organisations/${org.slug}/charte`, headers: { ...FORM, cookie: rep.s.cookie }, payload: form({ _csrf: rep.s.csrf, caisse: caisse.slug }) });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain('Cochez la case pour prendre l’engagement au nom de l’organisme.');
    expect((await orgRow(org.slug)).charterSignedAt).toBeNull();
    expect(await listPartnerOrganisationsFor(ctx.app.deps, rep.user.id)).toEqual([]);
    const signed = await ctx.app.inject({ method: 'POST', url: `/organisations/${org.slug}/charte`, headers: { ...FORM, cookie: rep.s.cookie }, payload: form({ _csrf: rep.s.csrf, caisse: caisse.slug, accept: 'on' }) });
    expect([signed.statusCode, signed.headers.location]).toEqual([303, `/organisations/${org.slug}/charte?fait=signee#charte-${caisse.slug}`]);
    expect((await orgRow(org.slug)).charterSignedAt).not.toBeNull();
  });

  it('shows each caisse’s charter in both languages with a confirmed sign form for representatives only', async () => {
    const caisse = await caisseWithCharter();
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id });
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}/charte`, headers: { cookie: rep.s.cookie } });
    expect(page.body).toContain(`Je m’engage, au nom de ${org.name}, à honorer le soutien que nous promettons`);
    expect(page.body).toContain('<p>Nous tenons parole.</p>');
    expect(page.body).toContain('<p>We keep our word.</p>');
    expect(page.body).toContain('lang="en-CA"');
    expect(page.body).toContain(`value="${caisse.slug}"`);
    expect(page.body).toContain('data-confirm=');
    const visitorPage = await ctx.app.inject({ method: 'GET', url: `/organisations/${org.slug}/charte` });
    expect(visitorPage.body).not.toContain('name="accept"');
    expect(visitorPage.body).toContain('Seule la personne propriétaire ou représentante de l’organisme peut signer');
  });
});

describe('the directory', () => {
  it('pages through organisations newest first and answers 404 for an unknown slug', async () => {
    const mark = `Répertoire ${uid()}`;
    // A second apart: "newest first" must not depend on two inserts landing in different clock ticks.
    for (let i = 0; i < 3; i++) await createOrganisation(ctx, { name: `${mark} ${i}`, createdAt: new Date(Date.now() - (3 - i) * 1000) });
    const first = (await api(null, 'GET', `/api/v1/organisations?limit=2&q=${encodeURIComponent(mark)}`)).json();
    expect(first.items.map((o: { name: string }) => o.name)).toEqual([`${mark} 2`, `${mark} 1`]);
    const second = (await api(null, 'GET', `/api/v1/organisations?limit=2&q=${encodeURIComponent(mark)}&cursor=${first.nextCursor}`)).json();
    expect([second.items.map((o: { name: string }) => o.name), second.nextCursor]).toEqual([[`${mark} 0`], null]);
    const missing = await api(null, 'GET', '/api/v1/organisations/nexiste-pas');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'ORGANISATION_NOT_FOUND']);
    expect((await ctx.app.inject({ method: 'GET', url: '/organisations/nexiste-pas' })).statusCode).toBe(404);
  });
});
