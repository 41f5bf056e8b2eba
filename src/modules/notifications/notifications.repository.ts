import { and, eq, getTableColumns, inArray, isNull, param, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { notifications } from './notifications.tables.js';
import type { Cursor } from '../../platform/pagination.js';
import { unreadConversationCountSql } from '../messages/messages.repository.js';

export type NotificationRow = typeof notifications.$inferSelect;
/** A listed row with its exact (microsecond) creation time, for keyset cursors. */
export type ListedNotificationRow = NotificationRow & { cursorAt: string };

/** The LISTEN/NOTIFY channel of new notifications; the payload is the recipient's user id. */
export const NOTIFICATIONS_CHANNEL = 'ec_notifications';

const visible = (userId: string) => and(eq(notifications.userId, userId), isNull(notifications.hiddenAt));
const exactCreatedAt = sql<string>`to_char(${notifications.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** Matches the `notifications_user_idx` order exactly (DESC NULLS LAST), so the index gives the order. */
const newestFirst = [sql`${notifications.createdAt} DESC NULLS LAST`, sql`${notifications.id} DESC NULLS LAST`];

export const notificationsRepository = {
  /** Call inside the transaction of the event, so both commit together. */
  /**
   * Also signals the recipient's live streams (`pg_notify`): NOTIFY is delivered on commit only, so
   * an event whose transaction rolls back never reaches anyone.
   */
  async insert(db: Db, n: { userId: string; kind: string; data: Record<string, string | number | null>; url: string; subjectType?: string; subjectId?: string }): Promise<void> {
    // One round trip: the row and its signal.
    await db.execute(sql`WITH n AS (
        INSERT INTO notifications (id, user_id, kind, data, url, subject_type, subject_id)
        VALUES (${newId()}, ${n.userId}, ${n.kind}, ${JSON.stringify(n.data)}::jsonb, ${n.url}, ${n.subjectType ?? null}, ${n.subjectId ?? null}) RETURNING user_id)
      SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, user_id) FROM n`);
  },
  /**
   * One notification to every active person living in these territories or below them (an
   * announcement, e.g. a call for projects that opens), skipping whoever already has this kind about
   * this subject, so a repeated event adds nothing. Set-based on purpose: a territory may hold tens
   * of thousands of people, and one INSERT … SELECT (with its signals) is one round trip inside the
   * event's transaction, where a loop of inserts would hold that transaction open for minutes.
   * Returns how many were inserted.
   */
  async insertForResidents(db: Db, territoryIds: readonly string[], n: { kind: string; data: Record<string, string | number | null>; url: string; subjectType: string; subjectId: string }): Promise<number> {
    if (territoryIds.length === 0) return 0;
    const rows = await execRows<{ n: number }>(db, sql`WITH RECURSIVE place(id, depth) AS (
        SELECT id, 0 FROM territories WHERE id = ANY(${param([...territoryIds])}::text[])
        UNION ALL SELECT c.id, place.depth + 1 FROM territories c JOIN place ON c.parent_id = place.id WHERE place.depth < 4),
      added AS (
        INSERT INTO notifications (id, user_id, kind, data, url, subject_type, subject_id)
        SELECT substr(md5(random()::text || u.id), 1, 16), u.id, ${n.kind}, ${JSON.stringify(n.data)}::jsonb, ${n.url}, ${n.subjectType}, ${n.subjectId}
        FROM users u
        WHERE u.territory_id IN (SELECT DISTINCT id FROM place) AND u.deleted_at IS NULL AND u.suspended_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM notifications x WHERE x.user_id = u.id AND x.kind = ${n.kind} AND x.subject_type = ${n.subjectType} AND x.subject_id = ${n.subjectId})
        RETURNING user_id)
      SELECT count(*)::int AS n FROM (SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, user_id) FROM added) s`);
    return rows[0]?.n ?? 0;
  },
  /** Tells every app instance, on commit, that this person's notifications or unread counts changed. */
  async signal(db: Db, userId: string): Promise<void> {
    await db.execute(sql`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${userId})`);
  },
  /** A person's visible notifications, newest first; keyset on (createdAt, id). Up to limit + 1 rows. */
  async listForUser(db: Db, userId: string, limit: number, cursor?: Cursor, opts: { unreadOnly?: boolean } = {}): Promise<ListedNotificationRow[]> {
    return db
      .select({ ...getTableColumns(notifications), cursorAt: exactCreatedAt })
      .from(notifications)
      .where(and(
        visible(userId),
        opts.unreadOnly ? isNull(notifications.readAt) : undefined,
        cursor ? sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor.at}::timestamptz, ${cursor.id})` : undefined,
      ))
      .orderBy(...newestFirst)
      .limit(limit + 1);
  },
  /** Unread and not hidden by moderation. */
  async unreadCount(db: Db, userId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(visible(userId), isNull(notifications.readAt)));
    return rows[0]?.n ?? 0;
  },
  /** The header badges in one query: unread notifications and conversations with unread messages. */
  async badgeCounts(db: Db, userId: string): Promise<{ notifications: number; messages: number }> {
    const rows = await execRows<{ notifications: number; messages: number }>(db, sql`SELECT
      (SELECT count(*)::int FROM notifications WHERE user_id = ${userId} AND read_at IS NULL AND hidden_at IS NULL) AS notifications,
      ${unreadConversationCountSql(userId)} AS messages`);
    return { notifications: rows[0]?.notifications ?? 0, messages: rows[0]?.messages ?? 0 };
  },
  /** One visible notification of this person (undefined for anyone else's). */
  async findForUser(db: Db, userId: string, id: string): Promise<NotificationRow | undefined> {
    const rows = await db.select().from(notifications).where(and(visible(userId), eq(notifications.id, id))).limit(1);
    return rows[0];
  },
  /** The newest visible notifications of a person (live streams compare them with what they sent). */
  async latestForUser(db: Db, userId: string, limit: number): Promise<NotificationRow[]> {
    return db.select().from(notifications).where(visible(userId)).orderBy(...newestFirst).limit(limit);
  },
  /**
   * Coalescing insert: when this person already has an unread, visible notification of this kind
   * about this subject, its `count` goes up instead of a new row. Signals the recipient either way.
   */
  async insertOrBump(db: Db, n: { userId: string; kind: string; data: Record<string, string | number | null>; url: string; subjectType: string; subjectId: string }): Promise<'inserted' | 'bumped'> {
    // One round trip: bump the unread one, or insert when there is none; signal either way.
    const rows = await execRows<{ bumped: number }>(db, sql`
      WITH bumped AS (
        UPDATE notifications SET data = data || jsonb_build_object('count', COALESCE((data->>'count')::int, 1) + 1)
        WHERE id = (SELECT id FROM notifications WHERE user_id = ${n.userId} AND kind = ${n.kind} AND subject_type = ${n.subjectType} AND subject_id = ${n.subjectId}
          AND read_at IS NULL AND hidden_at IS NULL ORDER BY created_at DESC LIMIT 1)
        RETURNING id),
      inserted AS (
        INSERT INTO notifications (id, user_id, kind, data, url, subject_type, subject_id)
        SELECT ${newId()}, ${n.userId}, ${n.kind}, ${JSON.stringify({ ...n.data, count: 1 })}::jsonb, ${n.url}, ${n.subjectType}, ${n.subjectId}
        WHERE NOT EXISTS (SELECT 1 FROM bumped) RETURNING id)
      SELECT (SELECT count(*) FROM bumped)::int AS bumped, pg_notify(${NOTIFICATIONS_CHANNEL}, ${n.userId}) AS signal, (SELECT count(*) FROM inserted)::int AS inserted`);
    return (rows[0]?.bumped ?? 0) > 0 ? 'bumped' : 'inserted';
  },
  /** Marks read this person's unread notifications of a kind about one subject (e.g. a conversation they just read). Returns how many. */
  async markSubjectRead(db: Db, userId: string, kind: string, subjectType: string, subjectId: string): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind), eq(notifications.subjectType, subjectType), eq(notifications.subjectId, subjectId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },
  /** Marks read the given notifications of this person (others' ids are ignored), or all of them when `ids` is undefined. */
  async markRead(db: Db, userId: string, ids?: string[]): Promise<void> {
    if (ids && ids.length === 0) return;
    await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
  },
};
