/** The app, territories and helpers shared by the feed tests (feed.test.ts, feed-paging.test.ts). */
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { activities } from '../../src/modules/social/social.tables.js';
import { type ActivityKind } from '../../src/modules/social/social.domain.js';
import { newId } from '../../src/db/ids.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';

// Live bindings: set by the hooks useFeedApp() registers, read by the tests of the importing file.
export let ctx: TestContext;
export let borough: { id: string; slug: string };
export let territory: { id: string; slug: string; nameFr: string; nameEn: string };
type Session = { cookie: string; csrf: string };
type Item = { id: string; kind: string; count: number; activityIds: string[]; text: string; url: string; why: { type: string; name: string; text: string }; actors: { handle: string }[] };

/** A fresh app with a borough and a neighbourhood below it, for the importing file. */
export function useFeedApp(): void {
  beforeAll(async () => {
    ctx = await createTestApp();
    borough = await createTerritory(ctx, { kind: 'borough', nameFr: 'Arrondissement test', nameEn: 'Test borough' });
    territory = await createTerritory(ctx, { parentId: borough.id, nameFr: `Villeray ${uid()}`, nameEn: `Villeray EN ${uid()}` });
  });
  afterAll(() => ctx.close());
}

export const api = (s: Session | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers }, ...(payload ? { payload } : {}) });
export async function person(o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx, { territoryId: null, ...o });
  return { user, s: await signIn(ctx, user.email) };
}
export const feed = async (s: Session | null, query: string, headers: Record<string, string> = {}) => {
  const res = await api(s, 'GET', `/api/v1/feed?${query}`, undefined, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[]; nextCursor: string | null }>();
};
export const follow = async (s: Session, targetType: string, targetId: string) => expect((await api(s, 'POST', '/api/v1/follows', { targetType, targetId })).statusCode).toBe(201);

let clock = Date.parse('2026-06-01T12:00:00Z');
/** An activity at a chosen, strictly increasing time (newest last). */
export async function activity(o: { kind?: ActivityKind; projectId?: string | null; actorId?: string | null; territoryId?: string | null; organisationId?: string | null; subjectType?: 'project' | 'pledge' | 'need' | 'update' | 'offer'; subjectId?: string; data?: Record<string, string>; hidden?: boolean; at?: Date }) {
  clock += 1000;
  const id = newId();
  await ctx.database.db.insert(activities).values({
    id, kind: o.kind ?? 'pledge_fulfilled', actorId: o.actorId ?? null, subjectType: o.subjectType ?? 'pledge', subjectId: o.subjectId ?? newId(), projectId: o.projectId ?? null,
    territoryId: o.territoryId ?? null, organisationId: o.organisationId ?? null, data: o.data ?? {}, hiddenAt: o.hidden ? new Date() : null, createdAt: o.at ?? new Date(clock),
  });
  return id;
}

const today = localToday(new Date());
export const inDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
