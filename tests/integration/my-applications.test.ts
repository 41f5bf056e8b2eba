import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, signIn } from '../helpers/factories.js';
import { createCallFixture } from './calls.fixtures.js';
import { newId } from '../../src/db/ids.js';
import { callApplications } from '../../src/modules/calls/calls.tables.js';

let ctx: TestContext;
let here: { id: string };
let caisse: { id: string };
type Session = { cookie: string; csrf: string };
type Item = { id: string; status: string; call: { slug: string; title: string; phase: string; url: string }; project: { title: string }; editUrl: string | null };

const get = (s: Session | null, url: string, lang: 'fr' | 'en' = 'fr') => ctx.app.inject({ method: 'GET', url, headers: { ...(s ? { cookie: s.cookie } : {}), 'accept-language': lang } });

beforeAll(async () => {
  ctx = await createTestApp();
  here = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [here.id] });
});
afterAll(() => ctx.close());

async function apply(callId: string, projectId: string, applicantId: string, status: 'draft' | 'submitted' | 'selected' = 'submitted', createdAt = new Date()) {
  const id = newId();
  await ctx.database.db.insert(callApplications).values({ id, callId, projectId, applicantId, status, requestedCents: 100_000, submittedAt: status === 'draft' ? null : createdAt, createdAt, updatedAt: createdAt });
  return id;
}

describe('my applications', () => {
  it('refuses visitors: 401 on the API, the sign-in page for the page', async () => {
    expect((await get(null, '/api/v1/me/applications')).statusCode).toBe(401);
    const page = await get(null, '/moi/candidatures');
    expect([page.statusCode, page.headers.location]).toEqual([303, expect.stringMatching(/^\/connexion/)]);
  });

  it('lists only my own applications, with their call, project, status and an edit link while the call is open', async () => {
    const me = await createUser(ctx, { territoryId: here.id, locale: 'en' });
    const someone = await createUser(ctx, { territoryId: here.id });
    const open = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id] });
    const past = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id], phase: 'results' });
    const mine = await createProject(ctx, { promoterId: me.id, territoryId: here.id, title: 'Ruelle des lilas' });
    const theirs = await createProject(ctx, { promoterId: someone.id, territoryId: here.id, title: 'Jardin des autres' });
    const draft = await apply(open.id, mine.id, me.id, 'draft', new Date(Date.now() - 1000));
    const won = await apply(past.id, mine.id, me.id, 'selected', new Date(Date.now() - 5000));
    await apply(open.id, theirs.id, someone.id);

    const session = await signIn(ctx, me.email);
    const res = await get(session, '/api/v1/me/applications');
    expect(res.statusCode).toBe(200);
    const items: Item[] = res.json().items;
    expect(items.map((i) => i.id)).toEqual([draft, won]);
    expect(items[0]).toMatchObject({ status: 'draft', call: { slug: open.slug, phase: 'open', url: `/appels/${open.slug}` }, project: { title: 'Ruelle des lilas' }, editUrl: `/appels/${open.slug}/candidature?id=${draft}` });
    expect(items[1]).toMatchObject({ status: 'selected', call: { phase: 'results' }, editUrl: null });
    expect(res.json().nextCursor).toBeNull();

    // The page: in the person's language, with the statuses translated and the edit link.
    const page = await get(session, '/moi');
    expect(page.body).toContain('My applications');
    expect(page.body).toContain(`href="/appels/${open.slug}"`);
    expect(page.body).toContain('Selected');
    expect(page.body).toContain(`/appels/${open.slug}/candidature?id=${draft}`);
    expect(page.body).not.toContain('Jardin des autres');

    // Someone without applications sees the empty state.
    const none = await get(await signIn(ctx, (await createUser(ctx, { territoryId: here.id })).email), '/moi');
    expect(none.body).toContain('Aucune candidature pour l’instant.');
  });

  it('pages with a cursor: 20 on /moi then the rest on /moi/candidatures, nothing repeated or skipped', async () => {
    const me = await createUser(ctx, { territoryId: here.id });
    const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id] });
    const ids: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      const project = await createProject(ctx, { promoterId: me.id, territoryId: here.id, title: `Projet ${i}` });
      ids.push(await apply(call.id, project.id, me.id, 'submitted', new Date(Date.now() - i * 1000)));
    }
    const session = await signIn(ctx, me.email);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(session, `/api/v1/me/applications?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = res.json<{ items: Item[]; nextCursor: string | null }>();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await get(session, '/api/v1/me/applications?cursor=nope')).statusCode).toBe(400);

    const first = await get(session, '/moi');
    const more = /href="(\/moi\/candidatures\?cursor=[^"]+)"/.exec(first.body)?.[1];
    expect(first.body.match(/class="card my-application"/g)).toHaveLength(20);
    expect(more).toBeDefined();
    const rest = await get(session, more!.replace(/&amp;/g, '&'));
    expect(rest.statusCode).toBe(200);
    expect(rest.body.match(/class="card my-application"/g)).toHaveLength(3);
    expect(rest.body).toContain('Projet 22');
    // Another person's project never shows, even once it applied to the same call.
    const other = await createUser(ctx, { territoryId: here.id });
    await apply(call.id, (await createProject(ctx, { promoterId: other.id, territoryId: here.id })).id, other.id);
    expect((await get(session, '/api/v1/me/applications?limit=100')).json().items).toHaveLength(23);
    await ctx.database.db.delete(callApplications).where(eq(callApplications.callId, call.id));
  });
});
