import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caisses, caisseTerritories } from './caisses.tables.js';
import { territories } from '../territories/territories.tables.js';

export type CaisseRow = typeof caisses.$inferSelect;
/** A territory served by a caisse (one row per link). */
export type ServedTerritoryRow = Pick<typeof territories.$inferSelect, 'id' | 'slug' | 'kind' | 'nameFr' | 'nameEn' | 'rolloutState'> & { caisseId: string };

export const caissesRepository = {
  async list(db: Db): Promise<CaisseRow[]> {
    return db.select().from(caisses).orderBy(asc(caisses.name));
  },
  async findBySlug(db: Db, slug: string): Promise<CaisseRow | undefined> {
    const rows = await db.select().from(caisses).where(eq(caisses.slug, slug)).limit(1);
    return rows[0];
  },
  async findById(db: Db, id: string): Promise<CaisseRow | undefined> {
    const rows = await db.select().from(caisses).where(eq(caisses.id, id)).limit(1);
    return rows[0];
  },
  /** Territories served by the given caisses (all caisses when no ids are given), in one query. */
  async territoriesServed(db: Db, caisseIds?: string[]): Promise<ServedTerritoryRow[]> {
    if (caisseIds && caisseIds.length === 0) return [];
    return db
      .select({ caisseId: caisseTerritories.caisseId, id: territories.id, slug: territories.slug, kind: territories.kind, nameFr: territories.nameFr, nameEn: territories.nameEn, rolloutState: territories.rolloutState })
      .from(caisseTerritories)
      .innerJoin(territories, eq(territories.id, caisseTerritories.territoryId))
      .where(caisseIds ? inArray(caisseTerritories.caisseId, caisseIds) : undefined)
      .orderBy(asc(territories.position), asc(territories.nameFr));
  },
  async insert(db: Db, row: typeof caisses.$inferInsert): Promise<CaisseRow> {
    const [created] = await db.insert(caisses).values(row).returning();
    return created!;
  },
  async update(db: Db, id: string, patch: Partial<typeof caisses.$inferInsert>): Promise<CaisseRow | undefined> {
    const [row] = await db.update(caisses).set({ ...patch, updatedAt: new Date() }).where(eq(caisses.id, id)).returning();
    return row;
  },
  /** Replaces the territories a caisse serves; run it inside the caller's transaction. */
  async setTerritories(db: Db, caisseId: string, territoryIds: string[]): Promise<void> {
    await db.delete(caisseTerritories).where(eq(caisseTerritories.caisseId, caisseId));
    if (territoryIds.length) await db.insert(caisseTerritories).values([...new Set(territoryIds)].map((territoryId) => ({ caisseId, territoryId })));
  },
};
