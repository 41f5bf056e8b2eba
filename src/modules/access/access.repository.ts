import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { caisses, caisseTerritories } from '../caisses/caisses.tables.js';
import { roleGrants, users } from '../auth/auth.tables.js';

export type ServingCaisseRow = { id: string; slug: string; name: string; requiresApproval: boolean };
export type PlatformAdminRow = { id: string; email: string; displayName: string; locale: Locale };

/** The one query for "which caisses serve this territory" (staff and moderators act there), and who the platform admins are. */
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
  /**
   * The platform admins to write to (`isPlatformAdmin`: an admin grant without a caisse, still
   * current), active accounts only (not deleted, not suspended), with their language.
   */
  async platformAdmins(db: Db): Promise<PlatformAdminRow[]> {
    return db
      .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.caisseId), or(isNull(roleGrants.expiresAt), gt(roleGrants.expiresAt, sql`now()`)), isNull(users.deletedAt), isNull(users.suspendedAt)))
      .orderBy(asc(users.id));
  },
};
