import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser } from '../helpers/factories.js';
import { fulfilledPledge } from './contests.fixtures.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { seedReferenceData } from '../../src/seed/seed.js';
import { seedDemoContests } from '../../src/seed/demo-contests.js';
import { verifyDraw, type PublishedDraw } from '../../src/modules/contests/contests.draw.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('demo contests', () => {
  // The seed needs the pilot's reference data and demo handles: a fresh PGlite, not the shared PostgreSQL test database.
  it.skipIf(!!process.env.TEST_DATABASE_URL)('seed a running contest and a past one already drawn, with a claimed prize, that verifies', async () => {
    const ids = await seedReferenceData(ctx.app.deps);
    const admin = await createUser(ctx, { role: { role: 'admin' } });
    await ctx.database.db.update(users).set({ handle: 'admin' }).where(eq(users.id, admin.id));
    const promoter = await createUser(ctx, { territoryId: ids.get('villeray')! });
    for (const [handle, territory] of [['marie-eve-tremblay', 'plateau-mont-royal'], ['samir-haddad', 'parc-extension'], ['louis-gagnon', 'villeray']] as const) {
      const u = await createUser(ctx, { territoryId: ids.get(territory)! });
      await ctx.database.db.update(users).set({ handle }).where(eq(users.id, u.id));
      await fulfilledPledge(ctx, { supporterId: u.id, promoterId: promoter.id, territoryId: ids.get(territory)!, at: new Date(Date.now() - 19 * 86_400_000) });
    }
    await seedDemoContests(ctx.app.deps);

    const running = await ctx.app.inject({ method: 'GET', url: '/api/v1/contests?lang=en' });
    expect(running.json<{ items: { title: string; phase: string }[] }>().items).toEqual([expect.objectContaining({ title: 'Winter of solidarity: one helping hand, one chance', phase: 'running' })]);
    const past = await ctx.app.inject({ method: 'GET', url: '/api/v1/contests?when=past' });
    const [drawn] = past.json<{ items: { id: string; phase: string }[] }>().items;
    expect(drawn).toMatchObject({ phase: 'drawn' });
    const draw = (await ctx.app.inject({ method: 'GET', url: `/api/v1/contests/${drawn!.id}/draw` })).json<PublishedDraw>();
    expect(draw.entryList!.entries).toHaveLength(3);
    expect(verifyDraw(draw)).toEqual({ ok: true, problems: [] });
    const statuses = (draw as unknown as { rounds: { winners: { status: string | null }[] }[] }).rounds[0]!.winners.map((w) => w.status);
    expect(statuses).toEqual(['claimed', 'notified', 'notified']);
  });
});
