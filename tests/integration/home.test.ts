import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';


let ctx: TestContext;
const s = uid();
const officer = `Camille Gardienne ${s} — vie-privee@example.test`;
let pilot: { id: string; slug: string };
let open: { id: string; slug: string };
let waitlist: { slug: string };
let planned: { slug: string };
let borough: { slug: string };
let caisse: { slug: string; name: string };

beforeAll(async () => {
  ctx = await createTestApp({ privacyOfficer: officer });
  borough = await createTerritory(ctx, { kind: 'borough', state: 'pilot', nameFr: `Arrondissement ${s}`, nameEn: `Borough ${s}` });
  pilot = await createTerritory(ctx, { state: 'pilot', nameFr: `Quartier pilote ${s}`, nameEn: `Pilot neighbourhood ${s}` });
  open = await createTerritory(ctx, { state: 'open', nameFr: `Quartier ouvert ${s}`, nameEn: `Open neighbourhood ${s}` });
  waitlist = await createTerritory(ctx, { state: 'waitlist', nameFr: `Quartier en attente ${s}`, nameEn: `Waiting neighbourhood ${s}` });
  planned = await createTerritory(ctx, { state: 'planned', nameFr: `Quartier prévu ${s}`, nameEn: `Planned neighbourhood ${s}` });
  caisse = await createCaisse(ctx, { territoryIds: [pilot.id, open.id], name: `Caisse Solidaire ${s}` });
});
afterAll(() => ctx.close());

/** The HTML of one section of the home page, by its heading id. */
function section(html: string, headingId: string): string {
  const start = html.indexOf(`aria-labelledby="${headingId}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('home page', () => {
  it('says what Espace Collectif is and invites visitors to sign up or see the territories', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="fr-CA">');
    expect(res.body).toMatch(/<a href="\/" aria-current="page">Accueil<\/a>/);
    expect(res.body).toContain('<h1 id="home-title">La place publique de l’entraide de quartier</h1>');
    expect(res.body).toContain('expertise, temps, produits, services, argent, prêts et équipement');
    const hero = section(res.body, 'home-title');
    expect(hero).toContain('<a class="button" href="/inscription">Créer mon compte</a>');
    expect(hero).toContain('href="/territoires"');
  });

  it('shows the open neighbourhoods with their rollout state and the caisses serving them', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/' });
    const pilots = section(res.body, 'pilot-title');
    expect(pilots).toMatch(new RegExp(`href="/territoires/${pilot.slug}">Quartier pilote ${s}</a></h3><p><span class="badge badge-pilot">Projet pilote</span>`));
    expect(pilots).toMatch(new RegExp(`href="/territoires/${open.slug}">Quartier ouvert ${s}</a></h3><p><span class="badge badge-open">Ouvert</span>`));
    expect(pilots).toContain(`href="/caisses/${caisse.slug}">Caisse Solidaire ${s}</a>`);
    expect(pilots).not.toContain(waitlist.slug);
    expect(pilots).not.toContain(borough.slug);
  });

  it('lists the caisses with the territories they serve', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/' });
    const caisses = section(res.body, 'caisses-title');
    const start = caisses.indexOf(`href="/caisses/${caisse.slug}"`);
    const card = caisses.slice(start, caisses.indexOf('</article>', start));
    expect(card).toContain(`href="/territoires/${pilot.slug}">Quartier pilote ${s}</a> <span class="badge badge-pilot">Projet pilote</span>`);
    expect(card).toContain(`href="/territoires/${open.slug}">Quartier ouvert ${s}</a> <span class="badge badge-open">Ouvert</span>`);
    expect(card).not.toContain(waitlist.slug);
  });

  it('explains how it works in three steps and lists the next waves with their waitlist', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(section(res.body, 'how-title').match(/<li class="card">/g)).toHaveLength(3);
    const waves = section(res.body, 'waves-title');
    expect(waves).toMatch(new RegExp(`Quartier en attente ${s}</a> <span class="badge badge-waitlist">Liste d’attente</span>`));
    expect(waves).toMatch(new RegExp(`Quartier prévu ${s}</a> <span class="badge badge-planned">Prévu</span>`));
    expect(waves).toContain(`href="/territoires/${waitlist.slug}#liste-attente"`);
    expect(waves).toContain(`href="/territoires/${planned.slug}#liste-attente"`);
    expect(waves).not.toContain(pilot.slug);
  });

  it('speaks English with ?lang=en and with Accept-Language: en', async () => {
    for (const request of [{ url: '/?lang=en' }, { url: '/', headers: { 'accept-language': 'en-CA,en;q=0.8,fr;q=0.5' } }]) {
      const res = await ctx.app.inject({ method: 'GET', ...request });
      expect(res.body).toContain('<html lang="en-CA">');
      expect(res.body).toContain('The public square of neighbourhood mutual aid');
      expect(section(res.body, 'pilot-title')).toMatch(new RegExp(`Pilot neighbourhood ${s}</a></h3><p><span class="badge badge-pilot">Pilot</span>`));
      expect(section(res.body, 'waves-title')).toMatch(new RegExp(`Waiting neighbourhood ${s}</a> <span class="badge badge-waitlist">Waitlist</span>`));
      expect(res.body).toContain('How it works');
      expect(res.body).toContain('Join the waitlist');
    }
  });

  it('shows a signed-in person their neighbourhood instead of the sign-up page', async () => {
    const user = await createUser(ctx);
    const { cookie } = await signIn(ctx, user.email);
    const res = await ctx.app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(res.body).toContain(`<h1>Bonjour ${user.displayName}</h1>`);
    expect(res.body).toContain('href="/moi"');
    expect(res.body).not.toContain('href="/inscription"');
    expect(res.body).not.toContain('id="home-title"');
  });
});

describe('privacy page', () => {
  it('summarises Law 25 and names the person in charge from the configuration', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/confidentialite' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Confidentialité et renseignements personnels</h1>');
    expect(res.body).toContain('Loi 25');
    expect(res.body).toContain('Un consentement par finalité');
    expect(res.body).toContain(officer);
    const en = await ctx.app.inject({ method: 'GET', url: '/confidentialite?lang=en' });
    expect(en.body).toContain('Person in charge of the protection of personal information');
    expect(en.body).toContain(officer);
  });
});
