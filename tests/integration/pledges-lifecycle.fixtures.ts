/** The app, territory and helpers shared by the pledge lifecycle tests (pledges-lifecycle*.test.ts). */
import { afterAll, beforeAll, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { projectTeam } from '../../src/modules/projects/projects.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';

// Live bindings: set by the hooks usePledgesApp() registers, read by the tests of the importing file.
export let ctx: TestContext;
export let territoryId: string;
export let caisseId: string;
export type Session = { cookie: string; csrf: string };
type User = Awaited<ReturnType<typeof createUser>>;

/** A fresh app with a territory and the caisse serving it. */
export function usePledgesApp(): void {
  beforeAll(async () => {
    ctx = await createTestApp();
    territoryId = (await createTerritory(ctx)).id;
    caisseId = (await createCaisse(ctx, { territoryIds: [territoryId] })).id;
  });
  afterAll(() => ctx.close());
}

const today = localToday(new Date());
export const inDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function api(s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) {
  return ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
}
export const htmlPost = (s: Session, url: string, data: Record<string, string>) => ctx.app.inject({ method: 'POST', url, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, ...data }) });
export const page = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

export async function person(o: Parameters<typeof createUser>[1] = {}): Promise<{ user: User; s: Session }> {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

/** A published project with a team of two, a need, and one proposed pledge from a supporter. */
export async function scenario(o: { kind?: 'volunteering' | 'loan' | 'material'; quantity?: number; supporterLocale?: 'fr' | 'en'; showName?: boolean } = {}) {
  const promoter = await person();
  const member = await person();
  const supporter = await person({ locale: o.supporterLocale ?? 'fr', displayName: `Soutien ${Math.random().toString(36).slice(2, 6)}` });
  const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId, caisseId, title: `Frigo partagé ${Math.random().toString(36).slice(2, 6)}` });
  await ctx.database.db.insert(projectTeam).values({ projectId: project.id, userId: member.user.id, role: 'member' });
  const need = await createNeed(ctx, { projectId: project.id, kind: o.kind ?? 'volunteering', quantity: o.quantity ?? 10, title: 'Bénévoles pour la corvée' });
  const res = await api(supporter.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: o.quantity ?? 4, startDate: inDays(3), showName: o.showName ?? false });
  expect(res.statusCode).toBe(201);
  return { promoter, member, supporter, project, need, pledgeId: res.json().id as string };
}

export const move = (s: Session, id: string, to: string, reason?: string) => api(s, 'POST', `/api/v1/pledges/${id}/transitions`, { to, ...(reason !== undefined ? { reason } : {}) });
export const row = async (id: string) => (await ctx.database.db.select().from(pledges).where(eq(pledges.id, id)))[0]!;
export const kindsFor = async (userId: string, pledgeId: string) =>
  (await ctx.database.db.select().from(notifications).where(eq(notifications.userId, userId))).filter((n) => n.data.pledgeId === pledgeId).map((n) => n.kind).sort();
