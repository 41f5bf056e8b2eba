import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { territories, territoryWaitlist, type RolloutState } from './territories.tables.js';
import { caisses, caisseTerritories } from '../caisses/caisses.tables.js';
import { users } from '../auth/auth.tables.js';
import { newId } from '../../db/ids.js';

export type TerritoryRow = typeof territories.$inferSelect;

export const territoriesRepository = {
  async list(db: Db): Promise<TerritoryRow[]> {
    return db.select().from(territories).orderBy(asc(territories.position), asc(territories.nameFr));
  },
  async findBySlug(db: Db, slug: string): Promise<TerritoryRow | undefined> {
    const rows = await db.select().from(territories).where(eq(territories.slug, slug)).limit(1);
    return rows[0];
  },
  async findById(db: Db, id: string): Promise<TerritoryRow | undefined> {
    const rows = await db.select().from(territories).where(eq(territories.id, id)).limit(1);
    return rows[0];
  },
  async findByIds(db: Db, ids: string[]): Promise<TerritoryRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(territories).where(inArray(territories.id, ids));
  },
  async insert(db: Db, row: typeof territories.$inferInsert): Promise<TerritoryRow> {
    const [created] = await db.insert(territories).values(row).returning();
    return created!;
  },
  async update(db: Db, id: string, patch: Partial<typeof territories.$inferInsert>): Promise<TerritoryRow | undefined> {
    const [row] = await db.update(territories).set({ ...patch, updatedAt: new Date() }).where(eq(territories.id, id)).returning();
    return row;
  },
  async setRollout(db: Db, id: string, state: RolloutState): Promise<void> {
    await db.update(territories).set({ rolloutState: state, updatedAt: new Date() }).where(eq(territories.id, id));
  },
  /** Caisses serving each territory, in one query. */
  async caissesByTerritory(db: Db): Promise<{ territoryId: string; caisseId: string; slug: string; name: string }[]> {
    return db
      .select({ territoryId: caisseTerritories.territoryId, caisseId: caisses.id, slug: caisses.slug, name: caisses.name })
      .from(caisseTerritories)
      .innerJoin(caisses, eq(caisses.id, caisseTerritories.caisseId))
      .orderBy(asc(caisses.name));
  },
  /** People per territory (counts only; nobody is listed by territory without consent). */
  async memberCounts(db: Db): Promise<Map<string, number>> {
    const rows = await db
      .select({ territoryId: users.territoryId, n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`${users.deletedAt} IS NULL AND ${users.territoryId} IS NOT NULL`)
      .groupBy(users.territoryId);
    return new Map(rows.map((r) => [r.territoryId!, r.n]));
  },
  async joinWaitlist(db: Db, territoryId: string, email: string, locale: string): Promise<void> {
    await db.insert(territoryWaitlist).values({ id: newId(), territoryId, email, locale }).onConflictDoNothing();
  },
  async waitlistCount(db: Db, territoryId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(territoryWaitlist).where(eq(territoryWaitlist.territoryId, territoryId));
    return rows[0]?.n ?? 0;
  },
};
