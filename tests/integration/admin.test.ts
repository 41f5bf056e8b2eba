import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, FORM, form, signIn, uid, visitor } from '../helpers/factories.js';
import { territories } from '../../src/modules/territories/territories.tables.js';
import { caisses, caisseTerritories } from '../../src/modules/caisses/caisses.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';

type Session = { cookie: string; csrf: string };
let ctx: TestContext;
let t1: { id: string; slug: string };
let t2: { id: string; slug: string };
let caisseA: { id: string; slug: string };
let caisseB: { id: string; slug: string };
const who: Record<'citizen' | 'staffA' | 'moderatorA' | 'admin', Session> = {} as never;
let anon: Session;
let adminId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  t1 = await createTerritory(ctx, { state: 'pilot' });
  t2 = await createTerritory(ctx, { state: 'planned' });
  caisseA = await createCaisse(ctx, { territoryIds: [t1.id] });
  caisseB = await createCaisse(ctx, { territoryIds: [t2.id] });
  const admin = await createUser(ctx, { role: { role: 'admin' } });
  adminId = admin.id;
  who.citizen = await signIn(ctx, (await createUser(ctx)).email);
  who.staffA = await signIn(ctx, (await createUser(ctx, { role: { role: 'staff', caisseId: caisseA.id } })).email);
  who.moderatorA = await signIn(ctx, (await createUser(ctx, { role: { role: 'moderator', caisseId: caisseA.id } })).email);
  who.admin = await signIn(ctx, admin.email);
  anon = await visitor(ctx);
});
afterAll(() => ctx.close());

const api = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const territoryRow = async (id: string) => (await ctx.database.db.select().from(territories).where(eq(territories.id, id)))[0]!;
const caisseRow = async (id: string) => (await ctx.database.db.select().from(caisses).where(eq(caisses.id, id)))[0]!;
const auditOf = (subjectId: string, action: string) => ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, subjectId), eq(auditLog.action, action)));

describe('authorisation matrix', () => {
  const pages = () => ['/admin', '/admin/territoires', `/admin/territoires/${t1.slug}`, '/admin/caisses', `/admin/caisses/${caisseA.slug}`, '/admin/roles', '/admin/courriels', '/admin/journal'];
  const pagePosts = (): { url: string; body: Record<string, string> }[] => [
    { url: '/admin/territoires', body: { slug: `t-${uid()}`, kind: 'neighbourhood', nameFr: 'Nouveau', nameEn: 'New' } },
    { url: `/admin/territoires/${t1.slug}`, body: { nameFr: 'Pirate', nameEn: 'Pirate' } },
    { url: `/admin/territoires/${t1.slug}/etat`, body: { rolloutState: 'open' } },
    { url: '/admin/caisses', body: { slug: `c-${uid()}`, name: 'Caisse pirate' } },
    { url: `/admin/caisses/${caisseA.slug}`, body: { name: 'Pirate', descriptionFr: 'x', descriptionEn: 'x', address: '', website: '' } },
    { url: '/admin/roles', body: { email: 'someone@example.test', role: 'admin' } },
    { url: '/admin/roles/some-grant/retirer', body: {} },
  ];
  const apiCalls = () => [
    { method: 'POST' as const, url: '/api/v1/territories', payload: { slug: `t-${uid()}`, kind: 'neighbourhood', nameFr: 'Nouveau', nameEn: 'New' } },
    { method: 'PATCH' as const, url: `/api/v1/territories/${t1.slug}`, payload: { rolloutState: 'open' } },
    { method: 'POST' as const, url: '/api/v1/caisses', payload: { slug: `c-${uid()}`, name: 'Caisse pirate' } },
    { method: 'PATCH' as const, url: `/api/v1/caisses/${caisseB.slug}`, payload: { descriptionFr: 'Pirate' } },
    { method: 'GET' as const, url: '/api/v1/admin/roles' },
    { method: 'POST' as const, url: '/api/v1/admin/roles', payload: { email: 'someone@example.test', role: 'admin' } },
    { method: 'DELETE' as const, url: '/api/v1/admin/roles/some-grant' },
    { method: 'GET' as const, url: '/api/v1/admin/outbox' },
    { method: 'GET' as const, url: '/api/v1/admin/audit' },
  ];

  it('sends visitors to sign-in from every admin page and answers 401 to the API', async () => {
    for (const url of pages()) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/connexion?retour=${encodeURIComponent(url)}`);
    }
    for (const { url, body } of pagePosts()) {
      const res = await ctx.app.inject({ method: 'POST', url, headers: { ...FORM, cookie: anon.cookie }, payload: form({ _csrf: anon.csrf, ...body }) });
      expect(res.statusCode, url).toBe(401);
    }
    for (const call of apiCalls()) {
      const res = await ctx.app.inject(call);
      expect(res.statusCode, call.url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each(['citizen', 'staffA', 'moderatorA'] as const)('refuses every admin page and API call to a %s with 403 and writes nothing', async (name) => {
    const s = who[name];
    for (const url of pages()) expect((await ctx.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } })).statusCode, url).toBe(403);
    for (const { url, body } of pagePosts()) {
      const res = await ctx.app.inject({ method: 'POST', url, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, ...body }) });
      expect(res.statusCode, url).toBe(403);
    }
    for (const call of apiCalls()) {
      const res = await ctx.app.inject({ ...call, headers: api(s) });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await territoryRow(t1.id)).rolloutState).toBe('pilot');
    expect((await territoryRow(t1.id)).nameFr).not.toBe('Pirate');
    expect((await caisseRow(caisseB.id)).descriptionFr).not.toBe('Pirate');
  });

  it('opens every admin page and read API to an admin', async () => {
    for (const url of pages()) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie: who.admin.cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('aria-current="page"');
    }
    for (const url of ['/api/v1/admin/roles', '/api/v1/admin/outbox', '/api/v1/admin/audit']) {
      expect((await ctx.app.inject({ method: 'GET', url, headers: api(who.admin) })).statusCode, url).toBe(200);
    }
  });

  it('lets caisse staff edit their own caisse’s details, but not another caisse, its name or its territories', async () => {
    const s = api(who.staffA);
    const other = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/caisses/${caisseB.slug}`, headers: s, payload: { descriptionFr: 'Intrusion' } });
    expect(other.statusCode).toBe(403);
    const own = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/caisses/${caisseA.slug}`, headers: s, payload: { descriptionFr: 'Notre caisse', address: '10 rue Rachel', website: 'https://caisse.example', requiresApproval: true } });
    expect(own.statusCode).toBe(200);
    expect(own.json().caisse).toMatchObject({ descriptions: { fr: 'Notre caisse' }, address: '10 rue Rachel', website: 'https://caisse.example', requiresApproval: true, territories: [t1.slug] });
    expect((await caisseRow(caisseA.id)).descriptionFr).toBe('Notre caisse');
    expect(await auditOf(caisseA.id, 'caisse.update')).toHaveLength(1);
    const served = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/caisses/${caisseA.slug}`, headers: s, payload: { descriptionFr: 'Et plus', territories: [t1.slug, t2.slug] } });
    expect(served.statusCode).toBe(403);
    const renamed = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/caisses/${caisseA.slug}`, headers: s, payload: { name: 'Autre nom' } });
    expect(renamed.statusCode).toBe(403);
    const links = await ctx.database.db.select().from(caisseTerritories).where(eq(caisseTerritories.caisseId, caisseA.id));
    expect(links.map((l) => l.territoryId)).toEqual([t1.id]);
    expect((await caisseRow(caisseA.id)).descriptionFr).toBe('Notre caisse');
  });
});

describe('territory rollout and editing', () => {
  it('changes the rollout state from the list form, asks for confirmation, and audits from → to', async () => {
    const territory = await createTerritory(ctx, { state: 'waitlist' });
    const list = await ctx.app.inject({ method: 'GET', url: '/admin/territoires', headers: { cookie: who.admin.cookie } });
    expect(list.body).toMatch(new RegExp(`action="/admin/territoires/${territory.slug}/etat"[^>]*data-confirm="[^"]+"`));
    const res = await ctx.app.inject({ method: 'POST', url: `/admin/territoires/${territory.slug}/etat`, headers: { ...FORM, cookie: who.admin.cookie }, payload: form({ _csrf: who.admin.csrf, rolloutState: 'pilot' }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/territoires?fait=rollout');
    expect((await territoryRow(territory.id)).rolloutState).toBe('pilot');
    const [entry] = await auditOf(territory.id, 'territory.rollout');
    expect(entry).toMatchObject({ actorId: adminId, subjectType: 'territory', data: { from: 'waitlist', to: 'pilot' } });
    const back = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/territories/${territory.slug}`, headers: api(who.admin), payload: { rolloutState: 'planned' } });
    expect(back.statusCode).toBe(200);
    expect(back.json().territory.rolloutState).toBe('planned');
    expect((await auditOf(territory.id, 'territory.rollout')).map((e) => e.data).sort((a, b) => String(a.to).localeCompare(String(b.to)))).toEqual([{ from: 'waitlist', to: 'pilot' }, { from: 'pilot', to: 'planned' }]);
  });

  it('edits names, descriptions, parent and position, and refuses a parent below the territory itself', async () => {
    const parent = await createTerritory(ctx, { kind: 'borough' });
    const child = await createTerritory(ctx, { parentId: parent.id });
    const res = await ctx.app.inject({
      method: 'POST', url: `/admin/territoires/${parent.slug}`, headers: { ...FORM, cookie: who.admin.cookie },
      payload: form({ _csrf: who.admin.csrf, nameFr: 'Nouveau nom', nameEn: 'New name', descriptionFr: 'Desc', descriptionEn: 'Desc en', parent: '', position: '4' }),
    });
    expect(res.statusCode).toBe(303);
    expect(await territoryRow(parent.id)).toMatchObject({ nameFr: 'Nouveau nom', nameEn: 'New name', descriptionEn: 'Desc en', position: 4, parentId: null });
    const cycle = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/territories/${parent.slug}`, headers: api(who.admin), payload: { parent: child.slug } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details.fields.parent).toContain('ne peut pas être placé sous lui-même');
    expect((await territoryRow(parent.id)).parentId).toBeNull();
  });

  it('creates a territory from the form and audits it', async () => {
    const slug = `nouveau-${uid()}`;
    const res = await ctx.app.inject({ method: 'POST', url: '/admin/territoires', headers: { ...FORM, cookie: who.admin.cookie }, payload: form({ _csrf: who.admin.csrf, slug, kind: 'neighbourhood', parent: t1.slug, nameFr: 'Mile-End', nameEn: 'Mile End', descriptionFr: '', descriptionEn: '', rolloutState: 'waitlist', position: '' }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/territoires/${slug}?fait=created`);
    const [row] = await ctx.database.db.select().from(territories).where(eq(territories.slug, slug));
    expect(row).toMatchObject({ parentId: t1.id, nameEn: 'Mile End', rolloutState: 'waitlist', position: 0 });
    expect(await auditOf(row!.id, 'territory.create')).toHaveLength(1);
  });

  it('lists each invalid field of a new territory and writes nothing', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/territories', headers: api(who.admin), payload: { slug: 'Pas Bon!', kind: 'village', nameFr: '', nameEn: 'x', parent: 'inexistant-zz' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual({ slug: 'Lettres minuscules, chiffres et traits d’union seulement.', kind: 'Choisissez une option de la liste.', nameFr: 'Ce champ est obligatoire.', nameEn: 'Au moins 2 caractères.' });
    const page = await ctx.app.inject({ method: 'POST', url: '/admin/territoires', headers: { ...FORM, cookie: who.admin.cookie }, payload: form({ _csrf: who.admin.csrf, slug: 'Pas Bon!', kind: 'neighbourhood', nameFr: 'Gardé ici', nameEn: '' }) });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('value="Gardé ici"');
    expect(page.body).toMatch(/id="slug"[^>]*aria-invalid="true"/);
    expect(page.body).toContain('Lettres minuscules, chiffres et traits d’union seulement.');
    expect(await ctx.database.db.select().from(territories).where(eq(territories.nameFr, 'Gardé ici'))).toHaveLength(0);
  });

  it('answers SLUG_TAKEN when the slug is already used, in the API and on the form', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/territories', headers: api(who.admin), payload: { slug: t1.slug, kind: 'neighbourhood', nameFr: 'Doublon', nameEn: 'Duplicate' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SLUG_TAKEN');
    const page = await ctx.app.inject({ method: 'POST', url: '/admin/territoires', headers: { ...FORM, cookie: who.admin.cookie }, payload: form({ _csrf: who.admin.csrf, slug: t1.slug, kind: 'neighbourhood', nameFr: 'Doublon', nameEn: 'Duplicate' }) });
    expect(page.statusCode).toBe(409);
    expect(page.body).toMatch(/id="slug-error"[^>]*>Cet identifiant d’adresse est déjà utilisé/);
    expect(await ctx.database.db.select().from(territories).where(eq(territories.nameFr, 'Doublon'))).toHaveLength(0);
  });
});

describe('caisses', () => {
  it('creates a caisse with its territories, and refuses a javascript: website', async () => {
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/caisses', headers: api(who.admin), payload: { slug: `c-${uid()}`, name: 'Caisse test', website: 'javascript:alert(1)' } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.details.fields)).toEqual(['website']);
    const slug = `caisse-${uid()}`;
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/caisses', headers: api(who.admin), payload: { slug, name: 'Caisse du Mile-End', website: 'https://mile-end.example', territories: [t1.slug, t2.slug] } });
    expect(res.statusCode).toBe(201);
    expect(res.json().caisse).toMatchObject({ slug, requiresApproval: false, territories: [t1.slug, t2.slug].sort() });
    expect(await auditOf(res.json().caisse.id, 'caisse.create')).toHaveLength(1);
    const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/caisses', headers: api(who.admin), payload: { slug, name: 'Doublon' } });
    expect(again.statusCode).toBe(409);
  });

  it('lets an admin change the served territories from the edit form, audited from → to', async () => {
    const caisse = await createCaisse(ctx, { territoryIds: [t1.id] });
    const res = await ctx.app.inject({
      method: 'POST', url: `/admin/caisses/${caisse.slug}`, headers: { ...FORM, cookie: who.admin.cookie },
      payload: `${form({ _csrf: who.admin.csrf, name: 'Caisse renommée', descriptionFr: 'Fr', descriptionEn: 'En', address: '', website: '', requiresApproval: 'on' })}&territories=${t2.slug}`,
    });
    expect(res.statusCode).toBe(303);
    expect(await caisseRow(caisse.id)).toMatchObject({ name: 'Caisse renommée', requiresApproval: true, website: null });
    const [entry] = await auditOf(caisse.id, 'caisse.territories');
    expect(entry!.data).toEqual({ from: [t1.slug], to: [t2.slug] });
  });
});
