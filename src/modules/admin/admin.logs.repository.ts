import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, mailOutbox } from '../../platform/platform.tables.js';
import { users } from '../auth/auth.tables.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Cursor } from '../../platform/pagination.js';


export type OutboxListRow = Omit<typeof mailOutbox.$inferSelect, 'htmlBody' | 'nextAttemptAt' | 'headers' | 'about'> & { at: string };
export type AuditListRow = typeof auditLog.$inferSelect & { actorName: string | null; actorHandle: string | null; at: string };

/** created_at in full precision: a JS Date keeps milliseconds only, which would skip rows. */
const preciseTime = (column: AnyPgColumn) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function before(table: typeof mailOutbox | typeof auditLog, after: Cursor | undefined): SQL | undefined {
  return after ? sql`(${table.createdAt}, ${table.id}) < (${after.at}::timestamptz, ${after.id})` : undefined;
}

/**
 * The dev outbox and the audit log, newest first, keyset-paginated (stable while rows arrive).
 * The cursor's `at` is the exact creation time (microseconds, as text) of the last row seen.
 */
export const adminLogsRepository = {
  async outboxPage(db: Db, limit: number, after?: Cursor): Promise<OutboxListRow[]> {
    return db
      .select({
        id: mailOutbox.id, toAddress: mailOutbox.toAddress, subject: mailOutbox.subject, textBody: mailOutbox.textBody, kind: mailOutbox.kind, status: mailOutbox.status,
        attempts: mailOutbox.attempts, lastError: mailOutbox.lastError, sentAt: mailOutbox.sentAt, createdAt: mailOutbox.createdAt, at: preciseTime(mailOutbox.createdAt),
      })
      .from(mailOutbox)
      .where(before(mailOutbox, after))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(limit);
  },
  async auditPage(db: Db, limit: number, after?: Cursor): Promise<AuditListRow[]> {
    return db
      .select({
        id: auditLog.id, actorId: auditLog.actorId, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, data: auditLog.data,
        createdAt: auditLog.createdAt, actorName: users.displayName, actorHandle: users.handle, at: preciseTime(auditLog.createdAt),
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(before(auditLog, after))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit);
  },
  async mailCountsByStatus(db: Db): Promise<Record<string, number>> {
    const rows = await db.select({ status: mailOutbox.status, n: sql<number>`count(*)::int` }).from(mailOutbox).groupBy(mailOutbox.status);
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  },
};
