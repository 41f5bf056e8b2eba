import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, signIn } from '../helpers/factories.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const inDays = (n: number) => {
  const d = new Date(`${localToday(new Date())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('GET /api/v1/projects/{id}/pledges', () => {
  it('pages like every list: limit, cursor, nextCursor, newest first, nothing twice', async () => {
    const territoryId = (await createTerritory(ctx)).id;
    const promoter = await createUser(ctx, { territoryId });
    const project = await createProject(ctx, { promoterId: promoter.id, territoryId, status: 'published' });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 50 });
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const user = await createUser(ctx, { territoryId });
      const s = await signIn(ctx, user.email);
      const res: Awaited<ReturnType<typeof ctx.app.inject>> = await ctx.app.inject({ method: 'POST', url: `/api/v1/needs/${need.id}/pledges`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { quantity: 2, startDate: inDays(7) } });
      expect(res.statusCode).toBe(201);
      created.push(res.json<{ id: string }>().id);
    }
    const team = await signIn(ctx, promoter.email);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof ctx.app.inject>> = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/pledges?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: { cookie: team.cookie } });
      expect(res.statusCode).toBe(200);
      const body: { items: { id: string }[]; nextCursor: string | null } = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((p) => p.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
    // Visitors see accepted and fulfilled help only: none yet.
    const open = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/pledges?limit=2` });
    expect(open.json()).toEqual({ items: [], nextCursor: null });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/pledges?limit=500` })).statusCode).toBe(400);
  });
});
