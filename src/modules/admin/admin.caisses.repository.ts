import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caisses, caisseTerritories } from '../caisses/caisses.tables.js';
import { territories } from '../territories/territories.tables.js';

export type CaisseRow = typeof caisses.$inferSelect;
export type NewCaisse = typeof caisses.$inferInsert;
export type CaissePatch = Partial<Pick<NewCaisse, 'name' | 'descriptionFr' | 'descriptionEn' | 'address' | 'website' | 'requiresApproval'>>;

/** Caisses as the admin screens need them, and every write on caisses and the territories they serve. */
export const adminCaissesRepository = {
  async list(db: Db): Promise<CaisseRow[]> {
    return db.select().from(caisses).orderBy(asc(caisses.name));
  },
  async count(db: Db): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(caisses);
    return rows[0]?.n ?? 0;
  },
  async findBySlug(db: Db, slug: string): Promise<CaisseRow | undefined> {
    const rows = await db.select().from(caisses).where(eq(caisses.slug, slug)).limit(1);
    return rows[0];
  },
  async findById(db: Db, id: string): Promise<CaisseRow | undefined> {
    const rows = await db.select().from(caisses).where(eq(caisses.id, id)).limit(1);
    return rows[0];
  },
  /** Returns undefined when the slug is already used. */
  async insert(db: Db, row: NewCaisse): Promise<CaisseRow | undefined> {
    const rows = await db.insert(caisses).values(row).onConflictDoNothing().returning();
    return rows[0];
  },
  async update(db: Db, id: string, patch: CaissePatch): Promise<CaisseRow | undefined> {
    const rows = await db.update(caisses).set({ ...patch, updatedAt: new Date() }).where(eq(caisses.id, id)).returning();
    return rows[0];
  },
  /** Slugs of the territories a caisse serves, sorted. */
  async territorySlugs(db: Db, caisseId: string): Promise<string[]> {
    const rows = await db
      .select({ slug: territories.slug })
      .from(caisseTerritories)
      .innerJoin(territories, eq(territories.id, caisseTerritories.territoryId))
      .where(eq(caisseTerritories.caisseId, caisseId))
      .orderBy(asc(territories.slug));
    return rows.map((r) => r.slug);
  },
  /** Every caisse → served territory pair (for the list page), in one query. */
  async allTerritoryLinks(db: Db): Promise<{ caisseId: string; slug: string }[]> {
    return db
      .select({ caisseId: caisseTerritories.caisseId, slug: territories.slug })
      .from(caisseTerritories)
      .innerJoin(territories, eq(territories.id, caisseTerritories.territoryId))
      .orderBy(asc(territories.slug));
  },
  /** Replaces the served territories with exactly this set. */
  async setTerritories(db: Db, caisseId: string, territoryIds: string[]): Promise<void> {
    await db.delete(caisseTerritories).where(and(eq(caisseTerritories.caisseId, caisseId), territoryIds.length ? notInArray(caisseTerritories.territoryId, territoryIds) : undefined));
    if (territoryIds.length) await db.insert(caisseTerritories).values(territoryIds.map((territoryId) => ({ caisseId, territoryId }))).onConflictDoNothing();
  },
  async territoryIdsBySlugs(db: Db, slugs: string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const rows = await db.select({ id: territories.id, slug: territories.slug }).from(territories).where(inArray(territories.slug, slugs));
    return new Map(rows.map((r) => [r.slug, r.id]));
  },
};
