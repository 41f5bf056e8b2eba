/** The app, caisses and helpers shared by the organisation tests (organisations-*.test.ts). */
import { afterAll, beforeAll, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, signIn } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/http/context.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { charters } from '../../src/modules/organisations/partners.tables.js';

// Live bindings: set by the hooks useOrganisationsApp() registers, read by the tests of the importing file.
export let ctx: TestContext;
export let territory: Awaited<ReturnType<typeof createTerritory>>;
export let caisse: Awaited<ReturnType<typeof createCaisse>>;
export let other: Awaited<ReturnType<typeof createCaisse>>;
export type Session = { cookie: string; csrf: string };
type User = Awaited<ReturnType<typeof createUser>>;

/** A fresh app with a territory served by "Caisse du Plateau", another caisse, and a v1 charter for each. */
export function useOrganisationsApp(): void {
  beforeAll(async () => {
    ctx = await createTestApp();
    territory = await createTerritory(ctx);
    caisse = await createCaisse(ctx, { territoryIds: [territory.id], name: 'Caisse du Plateau' });
    other = await createCaisse(ctx, { name: 'Caisse Ailleurs' });
    await ctx.database.db.insert(charters).values([
      { caisseId: caisse.id, version: 1, textFr: 'Nous tenons parole.\n\nNous prévenons à temps.', textEn: 'We keep our word.\n\nWe warn in time.' },
      { caisseId: other.id, version: 1, textFr: 'Charte ailleurs.', textEn: 'Charter elsewhere.' },
    ]);
  });
  afterAll(() => ctx.close());
}

export const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
export async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId: territory.id, ...o });
  return { user, s: await signIn(ctx, user.email) };
}
export const asActor = (u: User): Actor => ({ id: u.id, handle: u.handle, displayName: u.displayName, email: u.email, locale: u.locale, emailVerified: true, roles: [], via: 'session', sessionIdHash: null, reauthAt: null });
export const orgRow = async (slug: string) => (await ctx.database.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!;

export async function newOrganisation(owner: { s: Session }, extra: object = {}) {
  const res = await api(owner.s, 'POST', '/api/v1/organisations', { name: `Atelier ${Math.random().toString(36).slice(2, 7)}`, kind: 'cooperative', ...extra });
  expect(res.statusCode).toBe(201);
  return res.json<{ slug: string; members: { role: string }[]; neq: string | null }>();
}
