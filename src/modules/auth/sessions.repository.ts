import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens, oneTimeTokens, sessions, users, type OneTimePurpose, type Role } from './auth.tables.js';

export type RoleGrant = { role: Role; caisseId: string | null };
/** The user's role grants, read in the same query as the session or token (one round trip per request). */
const rolesOfUser = sql<RoleGrant[]>`coalesce((SELECT json_agg(json_build_object('role', r.role, 'caisseId', r.caisse_id)) FROM role_grants r WHERE r.user_id = ${users.id} AND (r.expires_at IS NULL OR r.expires_at > now())), '[]'::json)`;

export type SessionWithUser = { session: typeof sessions.$inferSelect; user: typeof users.$inferSelect; roles: RoleGrant[] };
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export const sessionsRepository = {
  async insert(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(row);
  },
  async findValid(db: Db, idHash: string): Promise<SessionWithUser | undefined> {
    const rows = await db
      .select({ session: sessions, user: users, roles: rolesOfUser })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`), isNull(users.deletedAt)))
      .limit(1);
    return rows[0];
  },
  async touch(db: Db, idHash: string, expiresAt: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.idHash, idHash));
  },
  async markReauth(db: Db, idHash: string): Promise<void> {
    await db.update(sessions).set({ reauthAt: new Date() }).where(eq(sessions.idHash, idHash));
  },
  async delete(db: Db, idHash: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
  },
  async deleteAllForUser(db: Db, userId: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  async countForUser(db: Db, userId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId));
    return rows[0]?.n ?? 0;
  },
  async purgeExpired(db: Db): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
    await db.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAt, sql`now() - interval '7 days'`));
  },
};

export const oneTimeTokensRepository = {
  async insert(db: Db, row: { tokenHash: string; userId: string; purpose: OneTimePurpose; expiresAt: Date }): Promise<void> {
    await db.insert(oneTimeTokens).values(row);
  },
  /** Marks the token used and returns its user id, atomically: a token works once. */
  async consume(db: Db, tokenHash: string, purpose: OneTimePurpose): Promise<string | undefined> {
    const rows = await db
      .update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, sql`now()`)))
      .returning({ userId: oneTimeTokens.userId });
    return rows[0]?.userId;
  },
  async isUsable(db: Db, tokenHash: string, purpose: OneTimePurpose): Promise<boolean> {
    const rows = await db
      .select({ h: oneTimeTokens.tokenHash })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, sql`now()`)))
      .limit(1);
    return rows.length > 0;
  },
  async invalidateForUser(db: Db, userId: string, purpose: OneTimePurpose): Promise<void> {
    await db.update(oneTimeTokens).set({ usedAt: new Date() }).where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
  },
};

export const apiTokensRepository = {
  async insert(db: Db, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [created] = await db.insert(apiTokens).values(row).returning();
    return created!;
  },
  async findValid(db: Db, tokenHash: string): Promise<{ token: ApiTokenRow; user: typeof users.$inferSelect; roles: RoleGrant[] } | undefined> {
    const rows = await db
      .select({ token: apiTokens, user: users, roles: rolesOfUser })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)), isNull(users.deletedAt)))
      .limit(1);
    return rows[0];
  },
  /** Whether this hash names a token that was not revoked but whose lifetime is over. */
  async isExpired(db: Db, tokenHash: string): Promise<boolean> {
    const rows = await db.select({ id: apiTokens.id }).from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), sql`${apiTokens.expiresAt} <= now()`)).limit(1);
    return rows.length > 0;
  },
  async touch(db: Db, id: string): Promise<void> {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
  },
  async listForUser(db: Db, userId: string): Promise<ApiTokenRow[]> {
    return db.select().from(apiTokens).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).orderBy(sql`${apiTokens.createdAt} desc`);
  },
  async revoke(db: Db, userId: string, id: string): Promise<boolean> {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  },
  async revokeAllForUser(db: Db, userId: string): Promise<void> {
    await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  },
};
