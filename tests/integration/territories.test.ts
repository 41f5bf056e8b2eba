import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, FORM, form, signIn, uid, visitor } from '../helpers/factories.js';
import { territoryWaitlist } from '../../src/modules/territories/territories.tables.js';

type Item = { slug: string; name: string; kind: string; parent: string | null; rolloutState: string; caisses: { slug: string; name: string }[]; names: { fr: string; en: string } };


let ctx: TestContext;
const s = uid();
const slugs = { metro: `metro-${s}`, borough: `arr-${s}`, pilot: `pilote-${s}`, waitlist: `attente-${s}`, planned: `prevu-${s}` };
let ids: Record<keyof typeof slugs, string>;
let caisseA: { slug: string; name: string };
let caisseB: { slug: string; name: string };

beforeAll(async () => {
  ctx = await createTestApp();
  const metro = await createTerritory(ctx, { slug: slugs.metro, kind: 'metropolis', state: 'pilot', nameFr: `Métropole ${s}`, nameEn: `Metropolis ${s}` });
  const borough = await createTerritory(ctx, { slug: slugs.borough, kind: 'borough', state: 'pilot', parentId: metro.id, nameFr: `Arrondissement ${s}`, nameEn: `Borough ${s}` });
  const pilot = await createTerritory(ctx, { slug: slugs.pilot, state: 'pilot', parentId: borough.id, nameFr: `Quartier pilote ${s}`, nameEn: `Pilot neighbourhood ${s}` });
  const waitlist = await createTerritory(ctx, { slug: slugs.waitlist, state: 'waitlist', parentId: borough.id, nameFr: `Quartier en attente ${s}`, nameEn: `Waiting neighbourhood ${s}` });
  const planned = await createTerritory(ctx, { slug: slugs.planned, state: 'planned', parentId: borough.id, nameFr: `Quartier prévu ${s}`, nameEn: `Planned neighbourhood ${s}` });
  ids = { metro: metro.id, borough: borough.id, pilot: pilot.id, waitlist: waitlist.id, planned: planned.id };
  caisseA = await createCaisse(ctx, { territoryIds: [pilot.id], name: `Caisse Alpha ${s}` });
  caisseB = await createCaisse(ctx, { territoryIds: [pilot.id, waitlist.id], name: `Caisse Bêta ${s}` });
});
afterAll(() => ctx.close());

const mine = (items: Item[]) => items.filter((i) => Object.values(slugs).includes(i.slug));
const waitlistRows = (territoryId: string, email: string) =>
  ctx.database.db.select().from(territoryWaitlist).where(and(eq(territoryWaitlist.territoryId, territoryId), eq(territoryWaitlist.email, email)));

describe('territories API', () => {
  it('lists every territory with its parent, rollout state and the caisses serving it', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/territories' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Item[]; nextCursor: null }>();
    expect(body.nextCursor).toBeNull();
    const bySlug = new Map(mine(body.items).map((i) => [i.slug, i]));
    expect(bySlug.size).toBe(5);
    expect(bySlug.get(slugs.metro)).toMatchObject({ kind: 'metropolis', parent: null, rolloutState: 'pilot', name: `Métropole ${s}` });
    expect(bySlug.get(slugs.borough)).toMatchObject({ kind: 'borough', parent: slugs.metro });
    expect(bySlug.get(slugs.pilot)).toMatchObject({ parent: slugs.borough, rolloutState: 'pilot', names: { fr: `Quartier pilote ${s}`, en: `Pilot neighbourhood ${s}` } });
    expect(bySlug.get(slugs.pilot)!.caisses.map((c) => c.slug).sort()).toEqual([caisseA.slug, caisseB.slug].sort());
    expect(bySlug.get(slugs.waitlist)).toMatchObject({ rolloutState: 'waitlist', caisses: [{ slug: caisseB.slug, name: caisseB.name }] });
    expect(bySlug.get(slugs.planned)!.caisses).toEqual([]);
  });

  it('names territories in the request locale', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/territories?lang=en' });
    const pilot = mine(res.json<{ items: Item[] }>().items).find((i) => i.slug === slugs.pilot);
    expect(pilot!.name).toBe(`Pilot neighbourhood ${s}`);
  });

  it('filters by kind and rollout state', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/territories?kind=neighbourhood&state=waitlist' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Item[] }>().items;
    expect(mine(items).map((i) => i.slug)).toEqual([slugs.waitlist]);
    expect(items.every((i) => i.kind === 'neighbourhood' && i.rolloutState === 'waitlist')).toBe(true);
  });

  it('refuses an unknown filter value, naming the field', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/territories?state=bientot' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json().error.details.fields)).toEqual(['state']);
  });

  it('shows one territory with its children and caisses', async () => {
    const borough = await ctx.app.inject({ method: 'GET', url: `/api/v1/territories/${slugs.borough}` });
    expect(borough.statusCode).toBe(200);
    expect(borough.json()).toMatchObject({ slug: slugs.borough, parent: slugs.metro, caisses: [] });
    expect(borough.json().children.sort()).toEqual([slugs.pilot, slugs.waitlist, slugs.planned].sort());
    const pilot = await ctx.app.inject({ method: 'GET', url: `/api/v1/territories/${slugs.pilot}` });
    expect(pilot.json()).toMatchObject({ parent: slugs.borough, children: [] });
    expect(pilot.json().caisses).toHaveLength(2);
  });

  it('answers 404 TERRITORY_NOT_FOUND in the request language', async () => {
    const fr = await ctx.app.inject({ method: 'GET', url: `/api/v1/territories/inconnu-${s}` });
    expect(fr.statusCode).toBe(404);
    expect(fr.json().error).toMatchObject({ code: 'TERRITORY_NOT_FOUND', message: 'Ce territoire est introuvable.' });
    const en = await ctx.app.inject({ method: 'GET', url: `/api/v1/territories/inconnu-${s}`, headers: { 'accept-language': 'en-CA,en;q=0.9' } });
    expect(en.json().error.message).toBe('This territory cannot be found.');
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/territories', '/api/v1/territories/{slug}', '/api/v1/territories/{slug}/waitlist']));
  });
});

describe('territory pages', () => {
  it('shows the hierarchy metropolis → borough → neighbourhoods with their states', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/territoires' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<a href="\/territoires" aria-current="page">/);
    expect(res.body).toMatch(new RegExp(`href="/territoires/${slugs.metro}"[^]*?<ul>[^]*?href="/territoires/${slugs.borough}"[^]*?<ul>[^]*?href="/territoires/${slugs.pilot}"`));
    expect(res.body).toMatch(new RegExp(`Quartier en attente ${s}</a><span class="muted">Quartier</span><span class="badge badge-waitlist">Liste d’attente</span>`));
  });

  it('explains a pilot neighbourhood, with its breadcrumb, caisses and a sign-up link', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/territoires/${slugs.pilot}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1>Quartier pilote ${s}</h1>`);
    expect(res.body).toMatch(new RegExp(`href="/territoires/${slugs.metro}">Métropole ${s}</a>[^]*href="/territoires/${slugs.borough}">Arrondissement ${s}</a>`));
    expect(res.body).toContain('En projet pilote : inscrivez-vous et participez dès maintenant.');
    expect(res.body).toContain(`href="/inscription?territoire=${slugs.pilot}"`);
    expect(res.body).toContain(caisseA.name);
    expect(res.body).not.toContain('liste-attente');
  });

  it('offers a signed-in person their page instead of sign-up', async () => {
    const user = await createUser(ctx, { territoryId: ids.pilot });
    const probe = await ctx.app.inject({ method: "GET", url: "/connexion" }); console.log("PROBE", probe.statusCode, probe.body.slice(0, 300));
    const { cookie } = await signIn(ctx, user.email);
    const res = await ctx.app.inject({ method: 'GET', url: `/territoires/${slugs.pilot}`, headers: { cookie } });
    expect(res.body).toContain('href="/moi"');
    expect(res.body).not.toContain('/inscription?territoire=');
  });

  it('shows the waitlist form of a territory not open yet, in English too', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/territoires/${slugs.waitlist}?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Next wave: join the waitlist');
    expect(res.body).toContain(`action="/territoires/${slugs.waitlist}/liste-attente"`);
    expect(res.body).toContain('name="_csrf"');
  });

  it('answers an unknown territory with a 404 page in the visitor’s language', async () => {
    const fr = await ctx.app.inject({ method: 'GET', url: `/territoires/inconnu-${s}` });
    expect(fr.statusCode).toBe(404);
    expect(fr.body).toContain('Ce territoire est introuvable.');
    const en = await ctx.app.inject({ method: 'GET', url: `/territoires/inconnu-${s}?lang=en` });
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('This territory cannot be found.');
  });
});

describe('waitlist', () => {
  it('accepts an address once: posted twice it gives the same 202 and keeps one row', async () => {
    const email = `voisine-${uid()}@example.test`;
    const first = await ctx.app.inject({ method: 'POST', url: `/api/v1/territories/${slugs.waitlist}/waitlist`, payload: { email } });
    const second = await ctx.app.inject({ method: 'POST', url: `/api/v1/territories/${slugs.waitlist}/waitlist`, payload: { email: email.toUpperCase() } });
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.json()).toEqual(first.json());
    expect(first.json().message).toContain('liste d’attente');
    const rows = await waitlistRows(ids.waitlist, email);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.locale).toBe('fr');
  });

  it('also takes names for a planned territory', async () => {
    const email = `prevu-${uid()}@example.test`;
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/territories/${slugs.planned}/waitlist?lang=en`, payload: { email } });
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toContain('waitlist');
    expect((await waitlistRows(ids.planned, email))[0]!.locale).toBe('en');
  });

  it('refuses an invalid address with the field’s message and writes nothing', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/territories/${slugs.waitlist}/waitlist`, payload: { email: 'pas-un-courriel' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.email).toBe('Entrez une adresse courriel valide, par exemple nom@exemple.ca.');
    expect(await waitlistRows(ids.waitlist, 'pas-un-courriel')).toHaveLength(0);
  });

  it('refuses a territory already open with 409 TERRITORY_OPEN', async () => {
    const email = `tard-${uid()}@example.test`;
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/territories/${slugs.pilot}/waitlist`, payload: { email } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'TERRITORY_OPEN', message: 'Ce territoire est déjà ouvert : inscrivez-vous directement, sans liste d’attente.' });
    expect(await waitlistRows(ids.pilot, email)).toHaveLength(0);
  });

  it('answers 404 for an unknown territory', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/territories/inconnu-${s}/waitlist`, payload: { email: `x-${uid()}@example.test` } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TERRITORY_NOT_FOUND');
  });

  it('re-renders the HTML form with the error and the value kept, then confirms a valid address', async () => {
    const v = await visitor(ctx, `/territoires/${slugs.waitlist}`);
    const bad = await ctx.app.inject({ method: 'POST', url: `/territoires/${slugs.waitlist}/liste-attente`, headers: { ...FORM, cookie: v.cookie }, payload: form({ _csrf: v.csrf, email: 'voisin-at-exemple' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="voisin-at-exemple"');
    expect(bad.body).toContain('aria-invalid="true"');
    expect(bad.body).toContain('Entrez une adresse courriel valide');

    const email = `formulaire-${uid()}@example.test`;
    const ok = await ctx.app.inject({ method: 'POST', url: `/territoires/${slugs.waitlist}/liste-attente`, headers: { ...FORM, cookie: v.cookie }, payload: form({ _csrf: v.csrf, email }) });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/territoires/${slugs.waitlist}?liste=merci#liste-attente`);
    expect(await waitlistRows(ids.waitlist, email)).toHaveLength(1);
    const page = await ctx.app.inject({ method: 'GET', url: ok.headers.location!.split('#')[0]!, headers: { cookie: v.cookie } });
    expect(page.body).toMatch(/role="status"[^>]*>Merci! Cette adresse est inscrite à la liste d’attente/);
  });

  it('sends a reload of the form’s address back to the territory page, changing nothing', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/territoires/${slugs.waitlist}/liste-attente` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/territoires/${slugs.waitlist}#liste-attente`);
  });

  it('refuses the HTML form without its CSRF token', async () => {
    const v = await visitor(ctx, `/territoires/${slugs.waitlist}`);
    const email = `sans-jeton-${uid()}@example.test`;
    const res = await ctx.app.inject({ method: 'POST', url: `/territoires/${slugs.waitlist}/liste-attente`, headers: { ...FORM, cookie: v.cookie }, payload: form({ email }) });
    expect(res.statusCode).toBe(403);
    expect(await waitlistRows(ids.waitlist, email)).toHaveLength(0);
  });
});

describe('waitlist rate limit', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestApp({ rateLimits: true });
  });
  afterAll(() => limited.close());

  it('answers 429 with Retry-After after 10 sign-ups from one address, other addresses unaffected', async () => {
    const territory = await createTerritory(limited, { state: 'waitlist' });
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const post = (remoteAddress: string) =>
      limited.app.inject({ method: 'POST', url: `/api/v1/territories/${territory.slug}/waitlist`, remoteAddress, payload: { email: `flot-${uid()}@example.test` } });
    for (let i = 0; i < 10; i++) expect((await post(ip)).statusCode).toBe(202);
    const blocked = await post(ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(`192.0.2.${Math.floor(Math.random() * 250)}`)).statusCode).toBe(202);
  });
});
