import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createOrganisation, createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let territory: { id: string; slug: string };
beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
});
afterAll(() => ctx.close());

type Hit = { type: string; id: string; title: string; summary: string; url: string; lang: string | null };
type Page = { items: Hit[]; nextCursor: string | null };
const get = (url: string, cookie?: string) => ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const search = async (q: string, extra = '', cookie?: string): Promise<Page> => {
  const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};

/** One of each type, all named with the accented word and a unique marker. */
async function world(marker: string) {
  const owner = await createUser(ctx, { territoryId: territory.id, displayName: `Éloïse Église ${marker}` });
  const project = await createProject(ctx, { promoterId: owner.id, territoryId: territory.id, title: `Rénover l’Église ${marker}`, summary: 'Un clocher à sauver.' });
  const org = await createOrganisation(ctx, { name: `Fabrique de l’Église ${marker}`, territoryId: territory.id });
  const [offer] = await ctx.database.db.insert(offers).values({ id: newId(), ownerId: owner.id, kind: 'material', title: `Bancs d’église ${marker}`, description: 'À donner' }).returning();
  return { owner, project, org, offer: offer! };
}

describe('GET /api/v1/search', () => {
  it('finds “Église” across projects, offers, organisations and people when someone types “eglise”', async () => {
    const marker = `m${uid()}`;
    const w = await world(marker);
    const { items, nextCursor } = await search(`eglise ${marker}`);
    expect(nextCursor).toBeNull();
    expect(items.map((i) => [i.type, i.id])).toEqual([['project', w.project.id], ['offer', w.offer.id], ['organisation', w.org.id], ['person', w.owner.id]]);
    expect(items.map((i) => i.url)).toEqual([`/projets/${w.project.id}`, `/offres/${w.offer.id}`, `/organisations/${w.org.slug}`, `/membres/${w.owner.handle}`]);
    const upper = await search(`${marker} BANCS ÉGLISE`, '&type=offer');
    expect(upper.items.map((i) => i.id)).toEqual([w.offer.id]);
  });

  it('pages through types with a cursor, never repeating or skipping a result', async () => {
    const marker = `p${uid()}`;
    const a = await world(marker);
    const b = await world(marker);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await search(`eglise ${marker}`, `&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([b.project.id, a.project.id, b.offer.id, a.offer.id, b.org.id, a.org.id, b.owner.id, a.owner.id]);
    expect((await get('/api/v1/search?q=eglise&cursor=nonsense')).statusCode).toBe(400);
  });

  it('leaves out hidden, unpublished, paused and suspended things, and skills people keep private', async () => {
    const marker = `h${uid()}`;
    const w = await world(marker);
    await ctx.database.db.update(projects).set({ hiddenAt: new Date() }).where(eq(projects.id, w.project.id));
    await ctx.database.db.update(offers).set({ status: 'paused' }).where(eq(offers.id, w.offer.id));
    await ctx.database.db.update(organisations).set({ hiddenAt: new Date() }).where(eq(organisations.id, w.org.id));
    await ctx.database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, w.owner.id));
    await createProject(ctx, { promoterId: w.owner.id, territoryId: territory.id, title: `Brouillon église ${marker}`, status: 'draft' });
    expect((await search(`eglise ${marker}`)).items).toEqual([]);

    const skill = `menuiserie${uid()}`;
    const secret = await createUser(ctx, { displayName: 'Personne Discrète', skills: [`Ébénisterie ${skill}`] });
    const open = await createUser(ctx, { displayName: 'Personne Ouverte', skills: [`Ébénisterie ${skill}`], privacy: { photo: 'public', bio: 'public', skills: 'members', interests: 'public', territory: 'public', links: 'public' } });
    expect((await search(`ebenisterie ${skill}`)).items).toEqual([]);
    const reader = await createUser(ctx);
    const s = await signIn(ctx, reader.email);
    const signedIn = await search(`ebenisterie ${skill}`, '', s.cookie);
    expect(signedIn.items.map((i) => i.id)).toEqual([open.id]);
    expect(signedIn.items[0]!.summary).toContain('Ébénisterie');
    expect(JSON.stringify(signedIn)).not.toContain(secret.id);
  });

  it('refuses a query of fewer than two characters, in the caller’s language', async () => {
    const res = await get('/api/v1/search?q=a&lang=en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.fields.q).toBeTruthy();
  });
});

describe('the /recherche page', () => {
  it('shows sections by type, tabs, an empty state, in French and English', async () => {
    const marker = `r${uid()}`;
    const w = await world(marker);
    const fr = await get(`/recherche?q=${encodeURIComponent(`eglise ${marker}`)}`);
    expect(fr.statusCode).toBe(200);
    for (const heading of ['Projets', 'Offres', 'Organisations', 'Personnes']) expect(fr.body).toContain(`>${heading}</h2>`);
    expect(fr.body).toContain(`/offres/${w.offer.id}`);
    expect(fr.body).toContain('role="search"');
    const en = await get(`/search?q=${encodeURIComponent(`eglise ${marker}`)}&lang=en`);
    expect(en.body).toContain('>People</h2>');
    const tab = await get(`/recherche?q=${encodeURIComponent(`eglise ${marker}`)}&type=organisation`);
    expect(tab.body).toContain(`/organisations/${w.org.slug}`);
    expect(tab.body).not.toContain(`/offres/${w.offer.id}`);
    const none = await get(`/recherche?q=${encodeURIComponent(`introuvable${uid()}`)}`);
    expect(none.body).toContain('Aucun résultat pour');
    const prompt = await get('/recherche');
    expect(prompt.statusCode).toBe(200);
    expect(prompt.body).toContain('Tapez au moins deux caractères');
  });
});
