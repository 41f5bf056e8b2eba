import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn, uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { boardItems, boards } from '../../src/modules/boards/boards.tables.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import { activities } from '../../src/modules/social/social.tables.js';

let ctx: TestContext;
let territory: { id: string; slug: string };
let otherTerritory: { id: string; slug: string };
let caisse: { id: string; slug: string };
let otherCaisse: { id: string; slug: string };
type Session = { cookie: string; csrf: string };
type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };

beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
  otherTerritory = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  otherCaisse = await createCaisse(ctx, { territoryIds: [otherTerritory.id] });
});
afterAll(() => ctx.close());

const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const page = (s: Session | null, url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers: { ...(s ? { cookie: s.cookie } : {}), ...headers } });
const post = (s: Session, url: string, data: Record<string, string>, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, ...FORM, ...headers }, payload: form({ _csrf: s.csrf, ...data }) });

async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId: territory.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

async function newBoard(p: Person, body: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await api(p.s, 'POST', '/api/v1/boards', { title: `Tableau ${uid()}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

async function project(promoterId: string, status: 'published' | 'draft' | 'in_progress' = 'published', title?: string) {
  return createProject(ctx, { promoterId, territoryId: territory.id, status, ...(title ? { title } : {}) });
}

async function offer(ownerId: string, status: 'active' | 'paused' = 'active', title = `Offre ${uid()}`) {
  const id = newId();
  await ctx.database.db.insert(offers).values({ id, ownerId, kind: 'volunteering', title, description: 'Quelques heures par mois.', quantity: 4, period: 'month', status });
  return { id, title };
}

const itemIds = async (s: Session | null, boardId: string) => ((await api(s, 'GET', `/api/v1/boards/${boardId}`)).json().items as { itemId: string }[]).map((i) => i.itemId);

describe('creating, reading, changing and deleting a board', () => {
  it('goes through the whole life of a board', async () => {
    const me = await person();
    const created = await api(me.s, 'POST', '/api/v1/boards', { title: '  Ruelles vertes  ', description: 'Mes coups de cœur', language: 'fr', territory: territory.slug });
    expect(created.statusCode).toBe(201);
    const board = created.json();
    expect(board).toMatchObject({ title: 'Ruelles vertes', description: 'Mes coups de cœur', visibility: 'public', curated: false, territory: { slug: territory.slug }, owner: { handle: me.user.handle }, itemCount: 0, mine: true, hidden: null, url: `/tableaux/${board.id}` });

    const read = await api(null, 'GET', `/api/v1/boards/${board.id}`);
    expect([read.statusCode, read.json().mine, read.json().items, read.json().can]).toEqual([200, false, [], { edit: false, delete: false, follow: false }]);

    const patched = await api(me.s, 'PATCH', `/api/v1/boards/${board.id}`, { title: 'Green alleys', language: 'en', territory: null });
    expect(patched.json()).toMatchObject({ title: 'Green alleys', language: 'en', territory: null });

    const mine = (await api(me.s, 'GET', '/api/v1/boards?mine=true')).json().items as { id: string }[];
    expect(mine.map((b) => b.id)).toEqual([board.id]);
    const byOwner = (await api(null, 'GET', `/api/v1/boards?owner=${me.user.handle}`)).json().items as { id: string }[];
    expect(byOwner.map((b) => b.id)).toEqual([board.id]);

    const stranger = await person();
    expect((await api(stranger.s, 'PATCH', `/api/v1/boards/${board.id}`, { title: 'Volé' })).statusCode).toBe(403);
    expect((await api(stranger.s, 'DELETE', `/api/v1/boards/${board.id}`)).statusCode).toBe(403);
    expect((await api(me.s, 'DELETE', `/api/v1/boards/${board.id}`)).statusCode).toBe(204);
    expect((await api(me.s, 'GET', `/api/v1/boards/${board.id}`)).json().error.code).toBe('BOARD_NOT_FOUND');
  });

  it('asks for a title of 1 to 120 characters, a known territory, and a signed-in verified author', async () => {
    const me = await person();
    expect((await api(me.s, 'POST', '/api/v1/boards', { title: '   ' })).json().error.details.fields).toEqual({ title: 'Ce champ est obligatoire.' });
    expect((await api(me.s, 'POST', '/api/v1/boards', { title: 'x'.repeat(121) })).json().error.details.fields).toEqual({ title: 'Au plus 120 caractères.' });
    expect((await api(me.s, 'POST', '/api/v1/boards', { title: 'x'.repeat(120) })).statusCode).toBe(201);
    expect((await api(me.s, 'POST', '/api/v1/boards', { title: 'Ailleurs', territory: 'nulle-part' })).statusCode).toBe(400);
    expect((await api(null, 'POST', '/api/v1/boards', { title: 'Anonyme' })).statusCode).toBe(401);
    const unverified = await person({ verified: false });
    expect((await api(unverified.s, 'POST', '/api/v1/boards', { title: 'Pas encore' })).json().error.code).toBe('EMAIL_NOT_VERIFIED');
  });

  it('stops at 200 boards per person', async () => {
    const me = await person();
    await ctx.database.db.insert(boards).values(Array.from({ length: 200 }, (_, i) => ({ id: newId(), ownerId: me.user.id, title: `Tableau ${i}` })));
    const res = await api(me.s, 'POST', '/api/v1/boards', { title: 'Un de trop' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'BOARD_LIMIT_REACHED']);
  });
});

describe('privacy and moderation', () => {
  it('answers 404 about a private board to everyone but its owner, admins and moderators included', async () => {
    const me = await person();
    const board = await newBoard(me, { visibility: 'private' });
    const admin = await person({ role: { role: 'admin' } });
    const moderator = await person({ role: { role: 'moderator', caisseId: caisse.id } });
    for (const s of [null, (await person()).s, admin.s, moderator.s]) {
      const res = await api(s, 'GET', `/api/v1/boards/${board.id}`);
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'BOARD_NOT_FOUND']);
      expect((await page(s, `/tableaux/${board.id}`)).statusCode).toBe(404);
    }
    expect((await api(me.s, 'GET', `/api/v1/boards/${board.id}`)).statusCode).toBe(200);
    expect((await api(null, 'GET', `/api/v1/boards?owner=${me.user.handle}`)).json().items).toEqual([]);
    expect(((await api(me.s, 'GET', '/api/v1/boards?mine=true')).json().items as { id: string }[]).map((b) => b.id)).toEqual([board.id]);
    expect((await api(null, 'GET', '/api/v1/boards?mine=true')).statusCode).toBe(401);
  });

  it('hides a board hidden by moderation from everyone but its owner and the territory’s moderators', async () => {
    const me = await person();
    const board = await newBoard(me, { territory: territory.slug });
    await ctx.database.db.update(boards).set({ hiddenAt: new Date(), hiddenReason: 'Contenu trompeur' }).where(eq(boards.id, board.id));
    for (const s of [null, (await person()).s, (await person({ role: { role: 'moderator', caisseId: otherCaisse.id } })).s]) expect((await api(s, 'GET', `/api/v1/boards/${board.id}`)).statusCode).toBe(404);
    const own = await api(me.s, 'GET', `/api/v1/boards/${board.id}`);
    expect(own.json().hidden).toMatchObject({ reason: 'Contenu trompeur' });
    expect((await page(me.s, `/tableaux/${board.id}`)).body).toContain('Contenu trompeur');
    expect((await api((await person({ role: { role: 'moderator', caisseId: caisse.id } })).s, 'GET', `/api/v1/boards/${board.id}`)).statusCode).toBe(200);
    expect((await api(null, 'GET', `/api/v1/boards?owner=${me.user.handle}`)).json().items).toEqual([]);
    expect(((await api(null, 'GET', `/api/v1/boards?territory=${territory.slug}&limit=100`)).json().items as { id: string }[]).some((b) => b.id === board.id)).toBe(false);
  });
});

describe('curated boards', () => {
  it('lets staff of a caisse serving the territory curate, shows the board on the territory page, and refuses everyone else', async () => {
    const member = await person();
    expect((await api(member.s, 'POST', '/api/v1/boards', { title: 'Choix', curated: true, territory: territory.slug })).statusCode).toBe(403);
    const moderator = await person({ role: { role: 'moderator', caisseId: caisse.id } });
    expect((await api(moderator.s, 'POST', '/api/v1/boards', { title: 'Choix', curated: true, territory: territory.slug })).statusCode).toBe(403);
    const elsewhere = await person({ role: { role: 'staff', caisseId: otherCaisse.id } });
    const refused = await api(elsewhere.s, 'POST', '/api/v1/boards', { title: 'Choix', curated: true, territory: territory.slug });
    expect(refused.json().error.details.fields).toEqual({ territory: 'Votre caisse ne dessert pas ce quartier.' });
    expect((await api(member.s, 'POST', '/api/v1/boards', { title: 'Choix', curated: true })).statusCode).toBe(400);

    const staff = await person({ role: { role: 'staff', caisseId: caisse.id } });
    const title = `Projets jeunesse ${uid()}`;
    const board = await newBoard(staff, { title, curated: true, territory: territory.slug });
    const read = (await api(null, 'GET', `/api/v1/boards/${board.id}`)).json();
    expect(read).toMatchObject({ curated: true, caisse: { slug: caisse.slug }, territory: { slug: territory.slug } });
    const listed = (await api(null, 'GET', `/api/v1/boards?territory=${territory.slug}&curated=true&limit=100`)).json().items as { id: string }[];
    expect(listed.map((b) => b.id)).toContain(board.id);
    const territoryPage = await page(null, `/territoires/${territory.slug}`);
    expect(territoryPage.body).toContain('Tableaux de la caisse');
    expect(territoryPage.body).toContain(title);
    expect((await page(null, `/territoires/${otherTerritory.slug}`)).body).not.toContain(title);

    // Another staff member of the same caisse may keep the board; staff of another caisse may not.
    const colleague = await person({ role: { role: 'staff', caisseId: caisse.id } });
    expect((await api(colleague.s, 'PATCH', `/api/v1/boards/${board.id}`, { description: 'Mise à jour' })).statusCode).toBe(200);
    expect((await api(elsewhere.s, 'PATCH', `/api/v1/boards/${board.id}`, { description: 'Non' })).statusCode).toBe(403);
  });
});

describe('items', () => {
  it('takes public projects and active offers only, and silently leaves out what is hidden later', async () => {
    const me = await person();
    const board = await newBoard(me);
    const promoter = await person();
    const published = await project(promoter.user.id, 'published', 'Frigo communautaire');
    const draft = await project(promoter.user.id, 'draft');
    const active = await offer(promoter.user.id, 'active', 'Tenue de livres');
    const paused = await offer(promoter.user.id, 'paused');
    const add = (itemType: string, itemId: string, note?: string) => api(me.s, 'POST', `/api/v1/boards/${board.id}/items`, { itemType, itemId, ...(note ? { note } : {}) });

    const first = await add('project', published.id, 'À visiter');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ itemType: 'project', itemId: published.id, position: 0, note: 'À visiter', project: { title: 'Frigo communautaire' }, offer: null });
    expect((await add('offer', active.id)).json()).toMatchObject({ position: 1, offer: { title: 'Tenue de livres' }, project: null });
    expect((await add('project', published.id)).statusCode).toBe(200);
    for (const [type, id] of [['project', draft.id], ['offer', paused.id], ['project', 'inconnu']] as const) {
      expect((await add(type, id)).json().error.details.fields).toEqual({ itemId: 'Seuls les projets publics et les offres actives peuvent être enregistrés.' });
    }
    expect(await itemIds(null, board.id)).toEqual([published.id, active.id]);

    await ctx.database.db.update(projects).set({ hiddenAt: new Date(), hiddenReason: 'spam' }).where(eq(projects.id, published.id));
    await ctx.database.db.update(offers).set({ status: 'paused' }).where(eq(offers.id, active.id));
    for (const s of [null, me.s]) {
      const read = (await api(s, 'GET', `/api/v1/boards/${board.id}`)).json();
      expect([read.items, read.itemCount]).toEqual([[], 0]);
    }
    expect((await page(null, `/tableaux/${board.id}`)).body).not.toContain('Frigo communautaire');
    expect(((await api(me.s, 'GET', '/api/v1/boards?mine=true')).json().items as { itemCount: number }[])[0]!.itemCount).toBe(0);
  });

  it('lets only editors add and remove, and records the addition in the feed for public boards only', async () => {
    const me = await person();
    const board = await newBoard(me, { territory: territory.slug });
    const secret = await newBoard(me, { visibility: 'private' });
    const p = await project((await person()).user.id);
    const stranger = await person();
    expect((await api(stranger.s, 'POST', `/api/v1/boards/${board.id}/items`, { itemType: 'project', itemId: p.id })).statusCode).toBe(403);
    expect((await api(stranger.s, 'POST', `/api/v1/boards/${secret.id}/items`, { itemType: 'project', itemId: p.id })).statusCode).toBe(404);
    expect((await api(me.s, 'POST', `/api/v1/boards/${board.id}/items`, { itemType: 'project', itemId: p.id })).statusCode).toBe(201);
    expect((await api(me.s, 'POST', `/api/v1/boards/${secret.id}/items`, { itemType: 'project', itemId: p.id })).statusCode).toBe(201);
    const recorded = await ctx.database.db.select().from(activities).where(and(eq(activities.kind, 'board_item_added'), eq(activities.actorId, me.user.id)));
    expect(recorded.map((a) => [a.subjectId, a.territoryId, a.data.itemId])).toEqual([[board.id, territory.id, p.id]]);

    expect((await api(stranger.s, 'DELETE', `/api/v1/boards/${board.id}/items?itemType=project&itemId=${p.id}`)).statusCode).toBe(403);
    expect((await api(me.s, 'DELETE', `/api/v1/boards/${board.id}/items`, { itemType: 'project', itemId: p.id })).statusCode).toBe(204);
    expect(await itemIds(me.s, board.id)).toEqual([]);
  });

  it('stops at 500 items per board', async () => {
    const me = await person();
    const board = await newBoard(me);
    await ctx.database.db.insert(boardItems).values(Array.from({ length: 500 }, (_, i) => ({ boardId: board.id, itemType: 'project' as const, itemId: `ancien-${i}`, position: i })));
    const p = await project((await person()).user.id);
    const res = await api(me.s, 'POST', `/api/v1/boards/${board.id}/items`, { itemType: 'project', itemId: p.id });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'BOARD_FULL']);
  });
});

describe('reordering', () => {
  async function boardWithThree() {
    const me = await person();
    const board = await newBoard(me);
    const owner = await person();
    const [a, b, c] = [await project(owner.user.id, 'published', 'Projet A'), await project(owner.user.id, 'in_progress', 'Projet B'), await offer(owner.user.id, 'active', 'Offre C')];
    for (const [itemType, itemId] of [['project', a.id], ['project', b.id], ['offer', c.id]]) await api(me.s, 'POST', `/api/v1/boards/${board.id}/items`, { itemType, itemId });
    return { me, board, a, b, c };
  }

  it('rewrites the order from the whole list, and refuses a list that is not a permutation', async () => {
    const { me, board, a, b, c } = await boardWithThree();
    const res = await api(me.s, 'PATCH', `/api/v1/boards/${board.id}/items`, { items: [{ itemType: 'offer', itemId: c.id }, { itemType: 'project', itemId: a.id }, { itemType: 'project', itemId: b.id }] });
    expect(res.statusCode).toBe(200);
    expect((res.json().items as { itemId: string; position: number }[]).map((i) => [i.itemId, i.position])).toEqual([[c.id, 0], [a.id, 1], [b.id, 2]]);
    const missing = await api(me.s, 'PATCH', `/api/v1/boards/${board.id}/items`, { items: [{ itemType: 'project', itemId: a.id }, { itemType: 'project', itemId: b.id }] });
    expect(missing.json().error.details.fields).toEqual({ items: 'La nouvelle ordonnance doit nommer chaque élément du tableau une seule fois.' });
    const twice = await api(me.s, 'PATCH', `/api/v1/boards/${board.id}/items`, { items: [{ itemType: 'project', itemId: a.id }, { itemType: 'project', itemId: a.id }, { itemType: 'offer', itemId: c.id }] });
    expect(twice.statusCode).toBe(400);
    expect(await itemIds(me.s, board.id)).toEqual([c.id, a.id, b.id]);
    const stranger = await person();
    expect((await api(stranger.s, 'PATCH', `/api/v1/boards/${board.id}/items`, { items: [] })).statusCode).toBe(403);
  });

  it('keeps hidden items out of the list and after the visible ones', async () => {
    const { me, board, a, b, c } = await boardWithThree();
    await ctx.database.db.update(projects).set({ hiddenAt: new Date() }).where(eq(projects.id, a.id));
    const res = await api(me.s, 'PATCH', `/api/v1/boards/${board.id}/items`, { items: [{ itemType: 'offer', itemId: c.id }, { itemType: 'project', itemId: b.id }] });
    expect(res.statusCode).toBe(200);
    const stored = await ctx.database.db.select().from(boardItems).where(eq(boardItems.boardId, board.id));
    expect(stored.sort((x, y) => x.position - y.position).map((i) => i.itemId)).toEqual([c.id, b.id, a.id]);
  });

  it('moves one item up or down through the API, the no-JS form and htmx', async () => {
    const { me, board, a, b, c } = await boardWithThree();
    expect((await api(me.s, 'POST', `/api/v1/boards/${board.id}/items/move`, { itemType: 'project', itemId: b.id, direction: 'up' })).json()).toEqual({ position: 0, count: 3 });
    expect(await itemIds(me.s, board.id)).toEqual([b.id, a.id, c.id]);

    const noJs = await post(me.s, `/tableaux/${board.id}/elements/deplacer`, { itemType: 'project', itemId: b.id, direction: 'down' });
    expect(noJs.statusCode).toBe(303);
    expect(noJs.headers.location).toBe(`/tableaux/${board.id}?deplace=${encodeURIComponent(`project:${b.id}:down`)}#item-project-${b.id}`);
    const after = await page(me.s, noJs.headers.location!);
    expect(after.body).toContain('« Projet B » est maintenant en position 2 sur 3.');
    expect(after.body).toMatch(/aria-label="Descendre « Projet B »" autofocus/);

    const htmx = await post(me.s, `/tableaux/${board.id}/elements/deplacer`, { itemType: 'offer', itemId: c.id, direction: 'up' }, { 'hx-request': 'true' });
    expect(htmx.statusCode).toBe(200);
    expect(htmx.body).toContain('id="board-items"');
    expect(htmx.body).toContain('hx-swap-oob="innerHTML"');
    expect(await itemIds(me.s, board.id)).toEqual([a.id, c.id, b.id]);

    // At the top, nothing moves further up.
    expect((await api(me.s, 'POST', `/api/v1/boards/${board.id}/items/move`, { itemType: 'project', itemId: a.id, direction: 'up' })).json()).toEqual({ position: 0, count: 3 });
  });
});

describe('pages', () => {
  it('saves a project into a new board from its page without JavaScript, then shows the public board with its share link and Open Graph tags', async () => {
    const me = await person();
    const p = await project((await person()).user.id, 'published', 'Corvée de la ruelle');
    const projectPage = await page(me.s, `/projets/${p.id}`);
    expect(projectPage.body).toContain('Enregistrer dans un tableau');
    expect(projectPage.body).toContain('action="/tableaux/enregistrer"');
    expect((await page(null, `/projets/${p.id}`)).body).toContain('Connectez-vous pour enregistrer ceci dans un tableau');

    const missing = await post(me.s, '/tableaux/enregistrer', { itemType: 'project', itemId: p.id, boardId: 'new', newTitle: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Titre du nouveau tableau');

    const saved = await post(me.s, '/tableaux/enregistrer', { itemType: 'project', itemId: p.id, boardId: 'new', newTitle: 'Idées pour l’été', note: '' });
    expect(saved.statusCode).toBe(303);
    const boardId = /\/tableaux\/([^?]+)\?fait=ajoute/.exec(saved.headers.location!)![1]!;
    const boardPage = await page(null, `/tableaux/${boardId}`);
    expect(boardPage.statusCode).toBe(200);
    expect(boardPage.body).toContain('Corvée de la ruelle');
    expect(boardPage.body).toContain('<meta property="og:title" content="Idées pour l’été"/>');
    expect(boardPage.body).toContain(`value="http://localhost:3000/tableaux/${boardId}"`);
    expect(boardPage.body).not.toContain('Monter');

    // The same form, with htmx, answers a fragment naming the board; saving twice says so.
    const again = await post(me.s, '/tableaux/enregistrer', { itemType: 'project', itemId: p.id, boardId, note: '' }, { 'hx-request': 'true' });
    expect([again.statusCode, again.body.includes('Déjà dans le tableau')]).toEqual([200, true]);
    const someoneElses = await newBoard(await person());
    expect((await post(me.s, '/tableaux/enregistrer', { itemType: 'project', itemId: p.id, boardId: someoneElses.id, note: '' })).statusCode).toBe(400);
  });

  it('lists public boards and mine, creates, edits and deletes a board through the forms, in French and English', async () => {
    const me = await person();
    const created = await post(me.s, '/tableaux/nouveau', { title: 'Cuisine collective', description: '', visibility: 'private', language: 'fr', territory: '' });
    expect(created.statusCode).toBe(303);
    const id = /\/tableaux\/([^?]+)\?fait=cree/.exec(created.headers.location!)![1]!;
    const list = await page(me.s, '/tableaux');
    expect(list.body).toContain('Mes tableaux');
    expect(list.body).toContain('Cuisine collective');
    expect((await page(null, '/tableaux?lang=en')).body).toContain('Public boards');
    const edited = await post(me.s, `/tableaux/${id}/modifier`, { title: 'Community kitchen', description: 'Recipes', visibility: 'public', language: 'en', territory: territory.slug });
    expect(edited.statusCode).toBe(303);
    expect((await api(null, 'GET', `/api/v1/boards/${id}`)).json()).toMatchObject({ title: 'Community kitchen', visibility: 'public', territory: { slug: territory.slug } });
    const badEdit = await post(me.s, `/tableaux/${id}/modifier`, { title: '', description: '', visibility: 'public', language: 'en', territory: '' });
    expect(badEdit.statusCode).toBe(400);
    expect((await post(me.s, `/tableaux/${id}/supprimer`, {})).headers.location).toBe('/tableaux?fait=supprime');
    expect((await api(me.s, 'GET', `/api/v1/boards/${id}`)).statusCode).toBe(404);
  });
});
