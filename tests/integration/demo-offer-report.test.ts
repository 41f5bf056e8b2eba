import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { seedReferenceData } from '../../src/seed/seed.js';
import { seedDemoPeople } from '../../src/seed/demo-people.js';
import { seedDemoCommunity } from '../../src/seed/demo-community.js';
import { seedDemoOfferReport } from '../../src/seed/demo-offer-report.js';
import { reports } from '../../src/modules/moderation/moderation.tables.js';

// The demo seed inserts the pilot's reference data, which a shared PostgreSQL test database already holds.
const onPglite = !process.env.TEST_DATABASE_URL;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  if (!onPglite) return;
  await seedDemoPeople(ctx.app.deps, await seedReferenceData(ctx.app.deps));
  await seedDemoCommunity(ctx.app.deps);
});
afterAll(() => ctx.close());

describe('the demo offer report (ADR 0018)', () => {
  it.runIf(onPglite)('puts one report on a Villeray offer in the moderation queue, once however often the seed runs', async () => {
    await seedDemoOfferReport(ctx.app.deps);
    await seedDemoOfferReport(ctx.app.deps);
    const rows = await ctx.database.db.select().from(reports).where(eq(reports.targetType, 'offer'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('open');
  });
});
