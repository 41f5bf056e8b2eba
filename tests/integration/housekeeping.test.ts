import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser, uid } from '../helpers/factories.js';
import { runHousekeeping } from '../../src/housekeeping.js';
import { sessions } from '../../src/modules/auth/auth.tables.js';
import { idempotencyKeys, rateLimitBuckets } from '../../src/platform/platform.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('housekeeping', () => {
  it('deletes expired sessions, old rate-limit windows and old idempotency keys, and keeps live ones', async () => {
    const user = await createUser(ctx);
    const db = ctx.database.db;
    const [dead, live, bucket, key] = [`dead-${uid()}`, `live-${uid()}`, `bucket-${uid()}`, `key-${uid()}`];
    await db.insert(sessions).values([
      { idHash: dead, userId: user.id, expiresAt: new Date(Date.now() - 1000) },
      { idHash: live, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    ]);
    await db.insert(rateLimitBuckets).values({ key: bucket, count: 3, resetAt: sql`now() - interval '2 hours'` });
    await db.insert(idempotencyKeys).values({ key, requestHash: 'h', status: 201, createdAt: sql`now() - interval '2 days'` });
    await runHousekeeping(ctx.app.deps);
    expect(await db.select().from(sessions).where(eq(sessions.idHash, dead))).toHaveLength(0);
    expect(await db.select().from(sessions).where(eq(sessions.idHash, live))).toHaveLength(1);
    expect(await db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, bucket))).toHaveLength(0);
    expect(await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toHaveLength(0);
  });
});
