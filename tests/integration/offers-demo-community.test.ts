import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject } from '../helpers/factories.js';
import { seedReferenceData } from '../../src/seed/seed.js';
import { seedDemoPeople } from '../../src/seed/demo-people.js';
import { seedDemoCommunity } from '../../src/seed/demo-community.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { conversations } from '../../src/modules/messages/messages.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { territories } from '../../src/modules/territories/territories.tables.js';
import { unreadConversationCount } from '../../src/modules/messages/messages.service.js';
import { matchesForNeed } from '../../src/modules/matching/matching.service.js';

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

describe('the demo community', () => {
  it.runIf(onPglite)('has organisations with three partners, offers, and conversations with an unread message', async () => {
    const db = ctx.database.db;
    expect(await db.select().from(organisations)).toHaveLength(5);
    expect((await db.select().from(organisations).where(isNotNull(organisations.charterSignedAt))).map((o) => o.slug).sort()).toEqual(['cafe-le-rendez-vous', 'chiffres-solidaires', 'velo-villeray']);
    expect((await db.select().from(offers)).length).toBeGreaterThanOrEqual(10);
    expect(await db.select().from(conversations)).toHaveLength(2);
    const [samir] = await db.select().from(users).where(eq(users.handle, 'samir-haddad'));
    expect(await unreadConversationCount(ctx.app.deps, samir!.id)).toBe(1);
  });

  it.runIf(onPglite)('suggests Samir’s bookkeeping for a bookkeeping need in Parc-Extension', async () => {
    const db = ctx.database.db;
    const [fatima] = await db.select().from(users).where(eq(users.handle, 'fatima-diallo'));
    const [parcEx] = await db.select().from(territories).where(eq(territories.slug, 'parc-extension'));
    const project = await createProject(ctx, { promoterId: fatima!.id, territoryId: parcEx!.id });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'expertise', skills: ['Tenue de livres'] });
    const [first] = (await matchesForNeed(ctx.app.deps, need.id, null)).candidates;
    expect(first).toMatchObject({ type: 'offer', person: { handle: 'samir-haddad' }, offer: { title: '4 h par mois de tenue de livres pour les OBNL' }, score: 85 });
  });
});
