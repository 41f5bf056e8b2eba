import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createProject, createTerritory, createUser, uid } from '../helpers/factories.js';

let ctx: TestContext;
let promoterId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  promoterId = (await createUser(ctx)).id;
});
afterAll(() => ctx.close());

type Card = { id: string; title: string; excerpt: string | null };
const search = async (q: string, extra = '') => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Card[]; nextCursor: string | null }>();
};

describe('full-text search', () => {
  it('finds “bénévoles” when someone types “benevole” (accents and plural ignored), with the word highlighted', async () => {
    const territory = await createTerritory(ctx);
    const p = await createProject(ctx, { promoterId, territoryId: territory.id, title: 'Aide aux devoirs', summary: 'Nous cherchons des bénévoles pour les devoirs du soir.' });
    const { items } = await search('benevole', `&territory=${territory.slug}`);
    expect(items.map((i) => i.id)).toEqual([p.id]);
    expect(items[0]!.excerpt).toContain('<mark>bénévoles</mark>');
  });

  it('stems English too (“gardens” finds “garden”) and French verbs (“réparer” finds “réparation”)', async () => {
    const territory = await createTerritory(ctx);
    const garden = await createProject(ctx, { promoterId, territoryId: territory.id, title: 'Community garden', summary: 'A shared garden by the river for families.', category: 'environment' });
    const repair = await createProject(ctx, { promoterId, territoryId: territory.id, title: 'Café réparation', summary: 'Un atelier mensuel de réparation de vélos et de grille-pain.' });
    expect((await search('gardens', `&territory=${territory.slug}`)).items.map((i) => i.id)).toEqual([garden.id]);
    expect((await search('réparations', `&territory=${territory.slug}`)).items.map((i) => i.id)).toEqual([repair.id]);
  });

  it('escapes the text of excerpts: only <mark> is markup, in the API and on the page', async () => {
    const territory = await createTerritory(ctx);
    const word = `fanfare${uid()}`;
    await createProject(ctx, { promoterId, territoryId: territory.id, title: `Projet ${word}`, summary: `<script>alert("x")</script> <img src=x onerror=alert(1)> La ${word} du quartier & ses amis.` });
    const { items } = await search(word);
    const excerpt = items[0]!.excerpt!;
    expect(excerpt).toContain(`<mark>${word}</mark>`);
    expect(excerpt).toContain('&lt;img src=x onerror');
    expect(excerpt).not.toMatch(/<(?!\/?mark>)/);
    const page = await ctx.app.inject({ method: 'GET', url: `/projets?q=${word}` });
    expect(page.body).toContain(`<mark>${word}</mark>`);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
  });

  it('ranks a title match before a description match, then the most recent first', async () => {
    const territory = await createTerritory(ctx);
    const word = `marelle${uid()}`;
    const inDescription = await createProject(ctx, { promoterId, territoryId: territory.id, title: 'Ruelle animée', summary: 'Des jeux pour les enfants du coin.', description: `On dessinera une ${word} géante.`, publishedAt: new Date('2026-05-03') });
    const olderTitle = await createProject(ctx, { promoterId, territoryId: territory.id, title: `La ${word} du parc`, summary: 'Des jeux pour les enfants du coin.', publishedAt: new Date('2026-05-01') });
    const newerTitle = await createProject(ctx, { promoterId, territoryId: territory.id, title: `La ${word} de la ruelle`, summary: 'Des jeux pour les enfants du coin.', publishedAt: new Date('2026-05-02') });
    expect((await search(word)).items.map((i) => i.id)).toEqual([newerTitle.id, olderTitle.id, inDescription.id]);
  });

  it('pages through results by rank without duplicates or gaps, ties included', async () => {
    const territory = await createTerritory(ctx);
    const word = `corvee${uid()}`;
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await createProject(ctx, { promoterId, territoryId: territory.id, title: i % 2 ? `Grande ${word}` : `Petite action`, summary: `Une ${word} de printemps.`, publishedAt: new Date('2026-04-01T00:00:00Z') })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(word, `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 20);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
  });

  it('answers quietly to queries made only of symbols', async () => {
    expect((await search('& | ! :*')).items).toEqual([]);
    expect((await search('"')).items).toEqual([]);
  });
});
