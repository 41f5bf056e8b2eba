import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { roleGrants, users, type Role } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';

export type RoleGrantListItem = { id: string; role: Role; userId: string; displayName: string; email: string; handle: string; caisseId: string | null; caisseName: string | null; caisseSlug: string | null; createdAt: Date };
export type RoleGrantRow = typeof roleGrants.$inferSelect;

const listColumns = {
  id: roleGrants.id, role: roleGrants.role, userId: users.id, displayName: users.displayName, email: users.email, handle: users.handle,
  caisseId: roleGrants.caisseId, caisseName: caisses.name, caisseSlug: caisses.slug, createdAt: roleGrants.createdAt,
};

export const rolesRepository = {
  /** Returns true when the grant is new (granting twice is harmless). */
  async grant(db: Db, g: { userId: string; role: Role; caisseId: string | null; grantedBy: string | null }): Promise<boolean> {
    const rows = await db.insert(roleGrants).values({ id: newId(), ...g }).onConflictDoNothing().returning({ id: roleGrants.id });
    return rows.length > 0;
  },
  async revoke(db: Db, id: string): Promise<{ userId: string; role: Role; caisseId: string | null } | undefined> {
    const rows = await db.delete(roleGrants).where(eq(roleGrants.id, id)).returning({ userId: roleGrants.userId, role: roleGrants.role, caisseId: roleGrants.caisseId });
    return rows[0];
  },
  async list(db: Db): Promise<RoleGrantListItem[]> {
    return db
      .select(listColumns)
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .leftJoin(caisses, eq(caisses.id, roleGrants.caisseId))
      .orderBy(asc(roleGrants.role), asc(users.displayName), asc(roleGrants.id));
  },
  /** Newest grants first, keyset-paged on (created_at, id): limit+1 rows. */
  async listPage(db: Db, limit: number, after: { at: string; id: string } | undefined): Promise<RoleGrantListItem[]> {
    return db
      .select(listColumns)
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .leftJoin(caisses, eq(caisses.id, roleGrants.caisseId))
      .where(after ? sql`(${roleGrants.createdAt}, ${roleGrants.id}) < (${after.at}::timestamptz, ${after.id})` : undefined)
      .orderBy(desc(roleGrants.createdAt), desc(roleGrants.id))
      .limit(limit + 1);
  },
  async findListItem(db: Db, userId: string, role: Role, caisseId: string | null): Promise<RoleGrantListItem | undefined> {
    const rows = await db
      .select(listColumns)
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .leftJoin(caisses, eq(caisses.id, roleGrants.caisseId))
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, role), caisseId ? eq(roleGrants.caisseId, caisseId) : isNull(roleGrants.caisseId)))
      .limit(1);
    return rows[0];
  },
  async findById(db: Db, id: string): Promise<RoleGrantRow | undefined> {
    const rows = await db.select().from(roleGrants).where(eq(roleGrants.id, id)).limit(1);
    return rows[0];
  },
  /**
   * Locks every platform admin grant until the transaction ends: concurrent revocations then
   * run one after the other, so each one counts the admins the previous one left.
   */
  async lockAdminGrants(db: Db): Promise<{ id: string; userId: string }[]> {
    return db
      .select({ id: roleGrants.id, userId: roleGrants.userId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.caisseId)))
      .orderBy(asc(roleGrants.id))
      .for('update');
  },
  async countAdmins(db: Db): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(roleGrants).where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.caisseId)));
    return rows[0]?.n ?? 0;
  },
};
