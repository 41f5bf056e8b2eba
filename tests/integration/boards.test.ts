import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { boardItems, boards } from '../../src/modules/boards/boards.tables.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import { activities } from '../../src/modules/social/social.tables.js';
import { setupBoardsWorld, ctx, territory, otherTerritory, caisse, otherCaisse, api, page, person, newBoard, project, offer, itemIds } from './boards.fixtures.js';

setupBoardsWorld();

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

    // Staff may name the curating caisse: theirs is accepted; another caisse, or an unknown one, is a field error.
    const named = await api(staff.s, 'POST', '/api/v1/boards', { title: `Choix ${uid()}`, curated: true, territory: territory.slug, caisse: caisse.slug });
    expect(named.statusCode).toBe(201);
    expect((await api(null, 'GET', `/api/v1/boards/${named.json().id}`)).json()).toMatchObject({ caisse: { slug: caisse.slug } });
    for (const other of [otherCaisse.slug, `inconnue-${uid()}`]) {
      const wrong = await api(staff.s, 'POST', '/api/v1/boards', { title: 'Choix', curated: true, territory: territory.slug, caisse: other });
      expect([wrong.statusCode, Object.keys(wrong.json().error.details.fields)]).toEqual([400, ['caisse']]);
    }

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
