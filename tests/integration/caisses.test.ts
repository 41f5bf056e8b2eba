import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, uid } from '../helpers/factories.js';
import { caisses } from '../../src/modules/caisses/caisses.tables.js';

type Caisse = { slug: string; name: string; description: string; address: string; website: string | null; territories: { slug: string; name: string; kind: string; rolloutState: string }[] };


let ctx: TestContext;
const s = uid();
let pilot: { id: string; slug: string };
let waitlist: { id: string; slug: string };
let served: { slug: string; name: string };
let lonely: { slug: string; name: string };

beforeAll(async () => {
  ctx = await createTestApp();
  pilot = await createTerritory(ctx, { state: 'pilot', nameFr: `Quartier pilote ${s}`, nameEn: `Pilot neighbourhood ${s}` });
  waitlist = await createTerritory(ctx, { state: 'waitlist', nameFr: `Quartier en attente ${s}`, nameEn: `Waiting neighbourhood ${s}` });
  served = await createCaisse(ctx, { territoryIds: [pilot.id, waitlist.id], name: `Caisse du Quartier ${s}` });
  await ctx.database.db
    .update(caisses)
    .set({ descriptionFr: 'La caisse de proximité du quartier.', descriptionEn: 'The neighbourhood’s local caisse.', address: '12 rue Principale, Montréal', website: 'https://caisse.example.test/', requiresApproval: true })
    .where(eq(caisses.slug, served.slug));
  lonely = await createCaisse(ctx, { name: `<script>alert(1)</script> Caisse ${s}` });
});
afterAll(() => ctx.close());

describe('caisses API', () => {
  it('lists the caisses with the territories they serve and their rollout state', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/caisses' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Caisse[]; nextCursor: null }>();
    expect(body.nextCursor).toBeNull();
    const mine = body.items.find((c) => c.slug === served.slug)!;
    expect(mine).toMatchObject({ name: served.name, description: 'La caisse de proximité du quartier.', address: '12 rue Principale, Montréal', website: 'https://caisse.example.test/' });
    expect(mine.territories).toEqual(expect.arrayContaining([
      { slug: pilot.slug, name: `Quartier pilote ${s}`, kind: 'neighbourhood', rolloutState: 'pilot' },
      { slug: waitlist.slug, name: `Quartier en attente ${s}`, kind: 'neighbourhood', rolloutState: 'waitlist' },
    ]));
    expect(mine).not.toHaveProperty('requiresApproval');
    expect(body.items.find((c) => c.slug === lonely.slug)!.territories).toEqual([]);
  });

  it('shows one caisse in the request locale', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/caisses/${served.slug}?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: served.slug, description: 'The neighbourhood’s local caisse.' });
    expect(res.json().territories.map((x: { name: string }) => x.name).sort()).toEqual([`Pilot neighbourhood ${s}`, `Waiting neighbourhood ${s}`]);
  });

  it('answers 404 CAISSE_NOT_FOUND in the request language', async () => {
    const fr = await ctx.app.inject({ method: 'GET', url: `/api/v1/caisses/inconnue-${s}` });
    expect(fr.statusCode).toBe(404);
    expect(fr.json().error).toMatchObject({ code: 'CAISSE_NOT_FOUND', message: 'Cette caisse est introuvable.' });
    const en = await ctx.app.inject({ method: 'GET', url: `/api/v1/caisses/inconnue-${s}`, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('This caisse cannot be found.');
  });
});

describe('caisse pages', () => {
  it('lists the caisses with the territories they serve and their states', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/caisses' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<a href="\/caisses" aria-current="page">/);
    expect(res.body).toContain(`<a href="/caisses/${served.slug}">${served.name}</a>`);
    expect(res.body).toMatch(new RegExp(`href="/territoires/${pilot.slug}">Quartier pilote ${s}</a> <span class="badge badge-pilot">Projet pilote</span>`));
    expect(res.body).toContain('Cette caisse ne dessert encore aucun territoire.');
  });

  it('escapes a caisse name instead of running it', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/caisses' });
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script> Caisse');
  });

  it('shows a caisse’s address, website and territories, in English too', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/caisses/${served.slug}`, headers: { 'accept-language': 'en-CA' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1>${served.name}</h1>`);
    expect(res.body).toContain('12 rue Principale, Montréal');
    expect(res.body).toContain('href="https://caisse.example.test/"');
    expect(res.body).toContain('Territories served');
    expect(res.body).toMatch(new RegExp(`Waiting neighbourhood ${s}</a> <span class="badge badge-waitlist">Waitlist</span>`));
  });

  it('answers an unknown caisse with a 404 page in the visitor’s language', async () => {
    const fr = await ctx.app.inject({ method: 'GET', url: `/caisses/inconnue-${s}` });
    expect(fr.statusCode).toBe(404);
    expect(fr.body).toContain('Cette caisse est introuvable.');
    const en = await ctx.app.inject({ method: 'GET', url: `/caisses/inconnue-${s}?lang=en` });
    expect(en.body).toContain('This caisse cannot be found.');
  });
});
