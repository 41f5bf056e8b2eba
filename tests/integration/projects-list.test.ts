import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';

let ctx: TestContext;
let promoterId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  promoterId = (await createUser(ctx)).id;
});
afterAll(() => ctx.close());

type Card = { id: string; title: string; status: string; openNeeds: { kind: string; count: number }[] };
const list = async (query: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Card[]; nextCursor: string | null }>();
};
async function allPages(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { ids, pages };
}
const pledge = (needId: string, projectId: string, quantity: number, status: 'proposed' | 'accepted' | 'fulfilled' | 'declined') =>
  ctx.database.db.insert(pledges).values({ id: newId(), needId, projectId, supporterId: promoterId, quantity, status });

describe('keyset pagination', () => {
  it('pages through projects published at the same instant without duplicates or gaps', async () => {
    const territory = await createTerritory(ctx);
    const same = new Date('2026-03-01T12:00:00.000Z');
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await createProject(ctx, { promoterId, territoryId: territory.id, publishedAt: i < 5 ? same : new Date(same.getTime() + i * 1000) }));
    const { ids, pages } = await allPages(`territory=${territory.slug}`, 3);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(7);
    const expected = [...created].sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || (a.id < b.id ? 1 : -1)).map((p) => p.id);
    expect(ids).toEqual(expected);
  });

  it('keeps microsecond publication times exact across pages', async () => {
    const territory = await createTerritory(ctx);
    for (let i = 0; i < 4; i++) {
      const p = await createProject(ctx, { promoterId, territoryId: territory.id });
      await ctx.database.query(`UPDATE projects SET published_at = '2026-04-01T10:00:00.123456Z'::timestamptz + ($1 || ' microseconds')::interval WHERE id = $2`, [String(i % 2), p.id]);
    }
    const { ids } = await allPages(`territory=${territory.slug}`, 1);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses a forged cursor with a 400 on the API and starts over on the page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/projects?cursor=bm9wZQ' });
    expect(res.statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/projets?cursor=bm9wZQ' })).statusCode).toBe(200);
  });
});

describe('filters', () => {
  it('filters by territory (a borough includes its neighbourhoods), category and public status', async () => {
    const borough = await createTerritory(ctx, { kind: 'borough' });
    const hood = await createTerritory(ctx, { parentId: borough.id });
    const food = await createProject(ctx, { promoterId, territoryId: hood.id, category: 'food' });
    const sport = await createProject(ctx, { promoterId, territoryId: hood.id, category: 'sport', status: 'in_progress' });
    const done = await createProject(ctx, { promoterId, territoryId: hood.id, category: 'sport', status: 'completed' });
    await createProject(ctx, { promoterId, territoryId: hood.id, category: 'sport', status: 'archived' });
    await createProject(ctx, { promoterId, territoryId: hood.id, category: 'sport', status: 'submitted' });
    const ids = async (q: string) => (await list(q)).items.map((i) => i.id).sort();
    expect(await ids(`territory=${borough.slug}`)).toEqual([food.id, sport.id, done.id].sort());
    expect(await ids(`territory=${hood.slug}&category=sport`)).toEqual([sport.id, done.id].sort());
    expect(await ids(`territory=${hood.slug}&status=completed`)).toEqual([done.id]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/projects?status=draft` })).statusCode).toBe(400);
    expect(await ids(`territory=nulle-part-${uid()}`)).toEqual([]);
  });

  it('finds projects by kind of need still open (not met, not closed) and summarises open needs on cards', async () => {
    const territory = await createTerritory(ctx);
    const open = await createProject(ctx, { promoterId, territoryId: territory.id });
    const openLoan = await createNeed(ctx, { projectId: open.id, kind: 'loan', quantity: 200_000 });
    await pledge(openLoan.id, open.id, 50_000, 'accepted');
    await createNeed(ctx, { projectId: open.id, kind: 'volunteering', quantity: 10 });
    await createNeed(ctx, { projectId: open.id, kind: 'volunteering', quantity: 4 });
    const met = await createProject(ctx, { promoterId, territoryId: territory.id });
    const metLoan = await createNeed(ctx, { projectId: met.id, kind: 'loan', quantity: 100_000 });
    await pledge(metLoan.id, met.id, 60_000, 'accepted');
    await pledge(metLoan.id, met.id, 40_000, 'fulfilled');
    const closed = await createProject(ctx, { promoterId, territoryId: territory.id });
    const closedLoan = await createNeed(ctx, { projectId: closed.id, kind: 'loan' });
    await ctx.database.query('UPDATE needs SET closed_at = now() WHERE id = $1', [closedLoan.id]);
    const pending = await createProject(ctx, { promoterId, territoryId: territory.id });
    const pendingLoan = await createNeed(ctx, { projectId: pending.id, kind: 'loan', quantity: 100_000 });
    await pledge(pendingLoan.id, pending.id, 30_000, 'accepted');
    await pledge(pendingLoan.id, pending.id, 70_000, 'proposed');
    const page = await list(`territory=${territory.slug}&needKind=loan`);
    expect(page.items.map((i) => i.id)).toEqual([open.id]);
    expect((await list(`territory=${territory.slug}`)).items.find((i) => i.id === pending.id)!.openNeeds).toEqual([]);
    expect(page.items[0]!.openNeeds).toEqual([{ kind: 'volunteering', count: 2 }, { kind: 'loan', count: 1 }]);
  });
});

describe('drafts stay hidden', () => {
  it('from visitors, strangers and other caisses’ staff — on the page, the API, the list, the search and needs', async () => {
    const territory = await createTerritory(ctx);
    const caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
    const other = await createCaisse(ctx, { territoryIds: [(await createTerritory(ctx)).id] });
    const promoter = await createUser(ctx);
    const word = `secretissime${uid()}`;
    const draft = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id, status: 'draft', title: `Projet ${word}`, summary: `Le ${word} du quartier.` });
    const need = await createNeed(ctx, { projectId: draft.id });
    const sessions = {
      visitor: null,
      stranger: await signIn(ctx, (await createUser(ctx)).email),
      otherStaff: await signIn(ctx, (await createUser(ctx, { role: { role: 'staff', caisseId: other.id } })).email),
    };
    for (const [who, s] of Object.entries(sessions)) {
      const headers = s ? { cookie: s.cookie } : {};
      const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers });
      expect((await get(`/projets/${draft.id}`)).statusCode, who).toBe(404);
      expect((await get(`/projets/${draft.id}/apercu`)).statusCode, who).toBe(404);
      const api = await get(`/api/v1/projects/${draft.id}`);
      expect([api.statusCode, api.json().error.code], who).toEqual([404, 'PROJECT_NOT_FOUND']);
      expect((await get(`/api/v1/projects/${draft.id}/needs`)).statusCode, who).toBe(404);
      expect((await get(`/api/v1/needs/${need.id}`)).json().error.code, who).toBe('NEED_NOT_FOUND');
      expect((await get(`/api/v1/projects?q=${word}`)).json().items, who).toEqual([]);
      expect((await get(`/api/v1/projects?territory=${territory.slug}`)).json().items, who).toEqual([]);
      expect((await get(`/projets?q=${word}`)).body, who).not.toContain(draft.id);
    }
    const unknown = await ctx.app.inject({ method: 'GET', url: '/api/v1/projects/inexistant' });
    expect(unknown.json()).toEqual((await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${draft.id}` })).json());
    const staff = await signIn(ctx, (await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id } })).email);
    expect((await ctx.app.inject({ method: 'GET', url: `/projets/${draft.id}`, headers: { cookie: staff.cookie } })).statusCode).toBe(200);
    const mine = await signIn(ctx, promoter.email);
    const own = await ctx.app.inject({ method: 'GET', url: `/projets/${draft.id}/apercu`, headers: { cookie: mine.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Aperçu');
    const grid = await ctx.app.inject({ method: 'GET', url: '/projets', headers: { cookie: mine.cookie } });
    expect(grid.body).toContain('Mes projets');
    expect(grid.body).toContain(word);
  });
});

describe('the /projets page', () => {
  it('shows cards with filters kept, a "more" link that works without JS, and an htmx fragment', async () => {
    const territory = await createTerritory(ctx);
    for (let i = 0; i < 25; i++) await createProject(ctx, { promoterId, territoryId: territory.id, title: `Carte ${i} ${uid()}` });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets?territory=${territory.slug}&category=` });
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/class="card project-card"/g)).toHaveLength(20);
    expect(page.body).toContain(`<option value="${territory.slug}" selected>`);
    const href = /<a class="button button-secondary" href="([^"]+)" hx-get="([^"]+)"/.exec(page.body);
    expect(href).not.toBeNull();
    const next = await ctx.app.inject({ method: 'GET', url: href![1]!.replaceAll('&amp;', '&') });
    expect(next.body.match(/class="card project-card"/g)).toHaveLength(5);
    const fragment = await ctx.app.inject({ method: 'GET', url: href![2]!.replaceAll('&amp;', '&'), headers: { 'hx-request': 'true' } });
    expect(fragment.body.startsWith('<li>')).toBe(true);
    expect(fragment.body).toContain('id="project-more" class="project-more" hx-swap-oob="true"');
    expect(fragment.body).not.toContain('<html');
  });

  it('says so when nothing matches', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/projets?q=${uid()}zzz` });
    expect(res.body).toContain('Aucun projet ne correspond à votre recherche.');
  });
});
