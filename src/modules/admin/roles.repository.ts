import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { roleGrants, users, type Role } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';

export type RoleGrantListItem = { id: string; role: Role; userId: string; displayName: string; email: string; handle: string; caisseId: string | null; caisseName: string | null; createdAt: Date };

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
      .select({ id: roleGrants.id, role: roleGrants.role, userId: users.id, displayName: users.displayName, email: users.email, handle: users.handle, caisseId: roleGrants.caisseId, caisseName: caisses.name, createdAt: roleGrants.createdAt })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .leftJoin(caisses, eq(caisses.id, roleGrants.caisseId))
      .orderBy(asc(roleGrants.role), asc(users.displayName));
  },
  async countAdmins(db: Db): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(roleGrants).where(and(eq(roleGrants.role, 'admin'), isNull(roleGrants.caisseId)));
    return rows[0]?.n ?? 0;
  },
};
