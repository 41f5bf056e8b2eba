import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { consents, roleGrants, users, type ConsentPurpose, type ProfilePrivacy, type Role } from './auth.tables.js';
import { newId } from '../../db/ids.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** A complete personal page: a photo, an introduction and at least one skill. */
const PAGE_COMPLETE = sql`${users.photoKey} IS NOT NULL AND btrim(${users.bio}) <> '' AND cardinality(${users.skills}) > 0`;

export const MOST_PRIVATE: ProfilePrivacy = { photo: 'private', bio: 'private', skills: 'private', interests: 'private', territory: 'private', links: 'private' };

export const usersRepository = {
  async insert(db: Db, row: NewUser): Promise<UserRow> {
    const [created] = await db.insert(users).values(row).returning();
    return created!;
  },
  async findByEmail(db: Db, email: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.email, email)).limit(1);
    return rows[0];
  },
  async findById(db: Db, id: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  },
  async findByHandle(db: Db, handle: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(and(eq(users.handle, handle), isNull(users.deletedAt))).limit(1);
    return rows[0];
  },
  async handleExists(db: Db, handle: string): Promise<boolean> {
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.handle, handle)).limit(1);
    return rows.length > 0;
  },
  /** Updates a user; when the photo, introduction or skills change, records the first time the page became complete. */
  async update(db: Db, id: string, patch: Partial<NewUser>): Promise<UserRow | undefined> {
    const [row] = await db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning();
    if (!row || row.profileCompletedAt || !('photoKey' in patch || 'bio' in patch || 'skills' in patch)) return row;
    const [completed] = await db.update(users).set({ profileCompletedAt: sql`now()` }).where(and(eq(users.id, id), isNull(users.profileCompletedAt), PAGE_COMPLETE)).returning();
    return completed ?? row;
  },
  async recordConsent(db: Db, userId: string, purpose: ConsentPurpose, granted: boolean, textVersion: string): Promise<void> {
    await db.insert(consents).values({ id: newId(), userId, purpose, granted, textVersion });
  },
  async rolesOf(db: Db, userId: string): Promise<{ role: Role; caisseId: string | null }[]> {
    return db.select({ role: roleGrants.role, caisseId: roleGrants.caisseId }).from(roleGrants).where(and(eq(roleGrants.userId, userId), or(isNull(roleGrants.expiresAt), gt(roleGrants.expiresAt, sql`now()`))));
  },
  async countActive(db: Db): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(isNull(users.deletedAt));
    return rows[0]?.n ?? 0;
  },
};
