/** The world the boards integration tests share: an app, two territories each served by a caisse, and helpers. */
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, FORM, form, signIn, uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { offers } from '../../src/modules/offers/offers.tables.js';

export let ctx: TestContext;
export let territory: { id: string; slug: string };
export let otherTerritory: { id: string; slug: string };
export let caisse: { id: string; slug: string };
export let otherCaisse: { id: string; slug: string };
export type Session = { cookie: string; csrf: string };
export type Person = { user: Awaited<ReturnType<typeof createUser>>; s: Session };

/** Registers the app and the two territories with their caisses for the calling test file. */
export function setupBoardsWorld(): void {
  beforeAll(async () => {
  ctx = await createTestApp();
  territory = await createTerritory(ctx);
  otherTerritory = await createTerritory(ctx);
  caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  otherCaisse = await createCaisse(ctx, { territoryIds: [otherTerritory.id] });
});
  afterAll(() => ctx.close());
}

export const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
export const page = (s: Session | null, url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers: { ...(s ? { cookie: s.cookie } : {}), ...headers } });
export const post = (s: Session, url: string, data: Record<string, string>, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, ...FORM, ...headers }, payload: form({ _csrf: s.csrf, ...data }) });

export async function person(o: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx, { territoryId: territory.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

export async function newBoard(p: Person, body: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await api(p.s, 'POST', '/api/v1/boards', { title: `Tableau ${uid()}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

export async function project(promoterId: string, status: 'published' | 'draft' | 'in_progress' = 'published', title?: string) {
  return createProject(ctx, { promoterId, territoryId: territory.id, status, ...(title ? { title } : {}) });
}

export async function offer(ownerId: string, status: 'active' | 'paused' = 'active', title = `Offre ${uid()}`) {
  const id = newId();
  await ctx.database.db.insert(offers).values({ id, ownerId, kind: 'volunteering', title, description: 'Quelques heures par mois.', quantity: 4, period: 'month', status });
  return { id, title };
}

export const itemIds = async (s: Session | null, boardId: string) => ((await api(s, 'GET', `/api/v1/boards/${boardId}`)).json().items as { itemId: string }[]).map((i) => i.itemId);
