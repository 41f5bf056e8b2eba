import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { boardItems } from '../../src/modules/boards/boards.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import { setupBoardsWorld, ctx, territory, api, page, post, person, newBoard, project, offer, itemIds } from './boards.fixtures.js';

setupBoardsWorld();

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
