import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caisses, caisseTerritories } from '../caisses/caisses.tables.js';

export type ServingCaisseRow = { id: string; slug: string; name: string; requiresApproval: boolean };

/** The one query for "which caisses serve this territory" (staff and moderators act there). */
export const accessRepository = {
  async servingCaisses(db: Db, territoryId: string | null): Promise<ServingCaisseRow[]> {
    if (territoryId === null) return [];
    return db
      .select({ id: caisses.id, slug: caisses.slug, name: caisses.name, requiresApproval: caisses.requiresApproval })
      .from(caisseTerritories)
      .innerJoin(caisses, eq(caisses.id, caisseTerritories.caisseId))
      .where(eq(caisseTerritories.territoryId, territoryId))
      .orderBy(asc(caisses.name));
  },
  async servingCaisseIds(db: Db, territoryId: string | null): Promise<string[]> {
    return (await this.servingCaisses(db, territoryId)).map((c) => c.id);
  },
  /** Territories served by any of these caisses (a staff member's working area). */
  async territoryIdsOf(db: Db, caisseIds: readonly string[]): Promise<string[]> {
    if (caisseIds.length === 0) return [];
    const rows = await db.selectDistinct({ id: caisseTerritories.territoryId }).from(caisseTerritories).where(inArray(caisseTerritories.caisseId, [...caisseIds]));
    return rows.map((r) => r.id);
  },
};
