import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createOrganisation, createProject, createTerritory, createUser } from '../helpers/factories.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { impactEntries, pledges } from '../../src/modules/pledges/pledges.tables.js';
import { seedDemoPledges } from '../../src/seed/demo-pledges.js';
import { needs } from '../../src/modules/needs/needs.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('demo pledges', () => {
  // The seed only runs on a database without pledges: a fresh PGlite, not the shared PostgreSQL test database.
  it.skipIf(!!process.env.TEST_DATABASE_URL)('gives the demo projects pledges in every status, fulfilled ones counted, one on honour, never over a need', async () => {
    const territory = await createTerritory(ctx);
    const handles = ['marie-eve-tremblay', 'samir-haddad', 'priya-natarajan', 'louis-gagnon', 'sophie-lavoie', 'daniel-oconnor'];
    for (const handle of handles) {
      const u = await createUser(ctx, { territoryId: territory.id, locale: handle === 'priya-natarajan' ? 'en' : 'fr' });
      await ctx.database.db.update(users).set({ handle }).where(eq(users.id, u.id));
    }
    const promoter = await createUser(ctx);
    const rep = await createUser(ctx);
    await createOrganisation(ctx, { representativeId: rep.id, partner: true });
    const projectIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const project = await createProject(ctx, { promoterId: promoter.id, territoryId: territory.id });
      projectIds.push(project.id);
      await createNeed(ctx, { projectId: project.id, kind: 'volunteering', quantity: 10 });
      await createNeed(ctx, { projectId: project.id, kind: 'loan', quantity: 200_000 });
      await createNeed(ctx, { projectId: project.id, kind: 'material', quantity: 1, materialMode: 'lend' });
      await createNeed(ctx, { projectId: project.id, kind: 'expertise', quantity: 12 });
    }
    const created = await seedDemoPledges(ctx.app.deps);
    expect(created).toBeGreaterThan(10);
    const rows = await ctx.database.db.select().from(pledges).where(inArray(pledges.projectId, projectIds));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['proposed', 'accepted', 'fulfilled', 'declined', 'withdrawn', 'lapsed']));
    expect(rows.filter((r) => r.onHonour)).toHaveLength(1);
    const fulfilled = rows.filter((r) => r.status === 'fulfilled');
    expect(await ctx.database.db.select().from(impactEntries).where(inArray(impactEntries.pledgeId, fulfilled.map((r) => r.id)))).toHaveLength(fulfilled.length);
    const held = new Map<string, number>();
    for (const r of rows.filter((p) => ['proposed', 'accepted', 'fulfilled'].includes(p.status))) held.set(r.needId, (held.get(r.needId) ?? 0) + r.quantity);
    const asked = new Map((await ctx.database.db.select().from(needs).where(inArray(needs.projectId, projectIds))).map((n) => [n.id, n.quantity]));
    for (const [needId, quantity] of held) expect(quantity).toBeLessThanOrEqual(asked.get(needId)!);
    expect(await seedDemoPledges(ctx.app.deps)).toBe(0);
  });
});
