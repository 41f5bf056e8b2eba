import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { users } from '../auth/auth.tables.js';
import { notificationDigests, notifications, notificationSettings, type DigestFrequency } from './notifications.tables.js';
import { MAILED_WITH_EVENT_KINDS } from './notifications.domain.js';

export type NotificationSettingsRow = { digest: DigestFrequency; immediate: 'on' | 'off'; emailOptOuts: string[]; updatedAt: Date | null };
const DEFAULT_SETTINGS: NotificationSettingsRow = { digest: 'weekly', immediate: 'on', emailOptOuts: [], updatedAt: null };

/** A notification to mail, with what the mail needs about its recipient. */
export type MailableNotification = {
  id: string;
  userId: string;
  kind: string;
  data: Record<string, string | number | null>;
  url: string;
  createdAt: Date;
  email: string;
  locale: 'fr' | 'en';
  displayName: string;
};

/** Only recent, unmailed, unread, visible notifications are mailed; older ones stay in-app only. */
const MAILABLE_WINDOW = sql`interval '30 days'`;

/** `kind` is not opted out: an opt-out is an exact kind or a prefix ending with a dot (`comment.`). */
function notOptedOut(kind: SQL | string, optOuts: SQL): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM unnest(${optOuts}) AS o(v) WHERE ${kind} = o.v OR (right(o.v, 1) = '.' AND starts_with(${kind}, o.v)))`;
}

/** Not a kind its module already mailed with the event (never repeated in a digest). */
const notMailedWithEvent = (kind: SQL): SQL => sql`${kind} NOT IN (${sql.join(MAILED_WITH_EVENT_KINDS.map((k) => sql`${k}`), sql`, `)})`;

function toMailable(r: Record<string, unknown>): MailableNotification {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    kind: r.kind as string,
    data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, string | number | null>,
    url: r.url as string,
    createdAt: new Date(r.created_at as string),
    email: r.email as string,
    locale: r.locale === 'en' ? 'en' : 'fr',
    displayName: r.display_name as string,
  };
}

export const notificationMailRepository = {
  async getSettings(db: Db, userId: string): Promise<NotificationSettingsRow> {
    const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
    return row ? { digest: row.digest, immediate: row.immediate, emailOptOuts: row.emailOptOuts, updatedAt: row.updatedAt } : DEFAULT_SETTINGS;
  },

  async saveSettings(db: Db, userId: string, s: { digest: DigestFrequency; immediate: 'on' | 'off'; emailOptOuts: string[] }): Promise<void> {
    await db
      .insert(notificationSettings)
      .values({ userId, ...s, updatedAt: new Date() })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...s, updatedAt: new Date() } });
  },

  /**
   * Locks (SKIP LOCKED: concurrent sweeps never take the same row) the action notifications that
   * want an immediate e-mail: recipient active, immediate on, kind not opted out. Call in a transaction.
   */
  async claimImmediate(tx: Db, kinds: readonly string[], limit: number, only?: string[]): Promise<MailableNotification[]> {
    const rows = await execRows<Record<string, unknown>>(tx, sql`
      SELECT n.id, n.user_id, n.kind, n.data, n.url, n.created_at, u.email, u.locale, u.display_name
      FROM ${notifications} n
      JOIN ${users} u ON u.id = n.user_id
      LEFT JOIN ${notificationSettings} s ON s.user_id = n.user_id
      WHERE n.kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
        AND n.emailed_at IS NULL AND n.hidden_at IS NULL AND n.read_at IS NULL
        AND n.created_at > now() - ${MAILABLE_WINDOW}
        AND u.deleted_at IS NULL AND u.suspended_at IS NULL
        AND COALESCE(s.immediate, 'on') = 'on'
        ${only ? sql`AND n.user_id IN (${sql.join([...only.map((id) => sql`${id}`), sql`NULL`], sql`, `)})` : sql``}
        AND ${notOptedOut(sql`n.kind`, sql`COALESCE(s.email_opt_outs, '{}'::text[])`)}
      ORDER BY n.created_at
      LIMIT ${limit}
      FOR UPDATE OF n SKIP LOCKED`);
    return rows.map(toMailable);
  },

  async markEmailed(tx: Db, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.update(notifications).set({ emailedAt: new Date() }).where(and(inArray(notifications.id, ids), isNull(notifications.emailedAt)));
  },

  /** People whose digest of this frequency has something to say and was not yet sent for `period`. */
  async dueDigestUsers(db: Db, frequency: Exclude<DigestFrequency, 'off'>, period: string, limit: number, only?: string[]): Promise<string[]> {
    const rows = await execRows<{ id: string }>(db, sql`
      SELECT u.id FROM ${users} u
      LEFT JOIN ${notificationSettings} s ON s.user_id = u.id
      WHERE COALESCE(s.digest, 'weekly') = ${frequency}
        AND u.deleted_at IS NULL AND u.suspended_at IS NULL
        AND EXISTS (
          SELECT 1 FROM ${notifications} n
          WHERE n.user_id = u.id AND n.emailed_at IS NULL AND n.hidden_at IS NULL AND n.read_at IS NULL
            AND n.created_at > now() - ${MAILABLE_WINDOW}
            AND ${notMailedWithEvent(sql`n.kind`)}
            AND ${notOptedOut(sql`n.kind`, sql`COALESCE(s.email_opt_outs, '{}'::text[])`)})
        AND NOT EXISTS (SELECT 1 FROM ${notificationDigests} d WHERE d.user_id = u.id AND d.period = ${period})
        ${only ? sql`AND u.id IN (${sql.join([...only.map((id) => sql`${id}`), sql`NULL`], sql`, `)})` : sql``}
      ORDER BY u.id
      LIMIT ${limit}`);
    return rows.map((r) => r.id);
  },

  /** Claims the digest of a period: false when it was already sent (the primary key decides, even under concurrency). */
  async claimDigest(tx: Db, userId: string, period: string): Promise<boolean> {
    const rows = await tx.insert(notificationDigests).values({ userId, period }).onConflictDoNothing().returning({ userId: notificationDigests.userId });
    return rows.length === 1;
  },

  async setDigestCount(tx: Db, userId: string, period: string, itemCount: number): Promise<void> {
    await tx.update(notificationDigests).set({ itemCount }).where(and(eq(notificationDigests.userId, userId), eq(notificationDigests.period, period)));
  },

  /** The digest's items for one person, newest first, locked until the transaction marks them mailed. */
  async digestItems(tx: Db, userId: string, limit: number): Promise<MailableNotification[]> {
    const rows = await execRows<Record<string, unknown>>(tx, sql`
      SELECT n.id, n.user_id, n.kind, n.data, n.url, n.created_at, u.email, u.locale, u.display_name
      FROM ${notifications} n
      JOIN ${users} u ON u.id = n.user_id
      LEFT JOIN ${notificationSettings} s ON s.user_id = n.user_id
      WHERE n.user_id = ${userId}
        AND n.emailed_at IS NULL AND n.hidden_at IS NULL AND n.read_at IS NULL
        AND n.created_at > now() - ${MAILABLE_WINDOW}
        AND u.deleted_at IS NULL AND u.suspended_at IS NULL
        AND ${notMailedWithEvent(sql`n.kind`)}
        AND ${notOptedOut(sql`n.kind`, sql`COALESCE(s.email_opt_outs, '{}'::text[])`)}
      ORDER BY n.created_at DESC, n.id DESC
      LIMIT ${limit}
      FOR UPDATE OF n`);
    return rows.map(toMailable);
  },

  async digestSent(db: Db, userId: string, period: string): Promise<{ itemCount: number } | undefined> {
    const [row] = await db.select({ itemCount: notificationDigests.itemCount }).from(notificationDigests).where(and(eq(notificationDigests.userId, userId), eq(notificationDigests.period, period)));
    return row;
  },

  async userForMail(db: Db, userId: string): Promise<{ id: string; email: string; locale: 'fr' | 'en'; displayName: string; deletedAt: Date | null } | undefined> {
    const [row] = await db.select({ id: users.id, email: users.email, locale: users.locale, displayName: users.displayName, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId));
    return row;
  },
};
