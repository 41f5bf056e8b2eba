import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { notifications } from './notifications.tables.js';
import type { Cursor } from '../../platform/pagination.js';

export type NotificationRow = typeof notifications.$inferSelect;

export const notificationsRepository = {
  /** Call inside the transaction of the event, so both commit together. */
  async insert(db: Db, n: { userId: string; kind: string; data: Record<string, string | number | null>; url: string; subjectType?: string; subjectId?: string }): Promise<void> {
    await db.insert(notifications).values({ id: newId(), ...n });
  },
  async listForUser(db: Db, userId: string, limit: number, cursor?: Cursor): Promise<NotificationRow[]> {
    return db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), cursor ? or(lt(notifications.createdAt, new Date(cursor.at)), and(eq(notifications.createdAt, new Date(cursor.at)), lt(notifications.id, cursor.id))) : undefined))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit + 1);
  },
  async unreadCount(db: Db, userId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return rows[0]?.n ?? 0;
  },
  async markRead(db: Db, userId: string, ids?: string[]): Promise<void> {
    await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids?.length ? sql`${notifications.id} = ANY(${ids})` : undefined));
  },
};
