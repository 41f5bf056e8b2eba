import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { mailOutbox } from '../platform.tables.js';

/** `about`: who or what the mail speaks of besides its recipient (`user:<id>`, `notification:<id>`), never sent. */
export type OutgoingMail = { to: string; subject: string; text: string; html: string; kind: string; headers?: Record<string, string>; about?: string[] };
export type OutboxRow = typeof mailOutbox.$inferSelect;

export const mailRepository = {
  async enqueue(db: Db, mail: OutgoingMail): Promise<string> {
    const id = newId();
    await db.insert(mailOutbox).values({ id, toAddress: mail.to, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, kind: mail.kind, headers: mail.headers ?? {}, about: mail.about ?? [] });
    return id;
  },

  /**
   * Claims due mails by leasing them for five minutes (SKIP LOCKED: several instances never take
   * the same row). A worker killed mid-send leaves the lease to expire, so the mail is retried.
   */
  async claimDue(db: Db, limit: number): Promise<OutboxRow[]> {
    const rows = await execRows<Record<string, unknown>>(db, sql`
      UPDATE ${mailOutbox} SET next_attempt_at = now() + interval '5 minutes'
      WHERE id IN (
        SELECT id FROM ${mailOutbox}
        WHERE ${mailOutbox.status} = 'pending' AND ${mailOutbox.nextAttemptAt} <= now()
        ORDER BY ${mailOutbox.nextAttemptAt} ASC
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`);
    return rows.map((r) => ({
      id: r.id as string,
      toAddress: r.to_address as string,
      subject: r.subject as string,
      textBody: r.text_body as string,
      htmlBody: r.html_body as string,
      kind: r.kind as string,
      headers: (typeof r.headers === 'string' ? JSON.parse(r.headers) : (r.headers ?? {})) as Record<string, string>,
      about: (r.about as string[] | null) ?? [],
      status: r.status as OutboxRow['status'],
      attempts: r.attempts as number,
      nextAttemptAt: new Date(r.next_attempt_at as string),
      lastError: (r.last_error as string | null) ?? null,
      sentAt: r.sent_at ? new Date(r.sent_at as string) : null,
      createdAt: new Date(r.created_at as string),
    }));
  },

  /**
   * Drops the mails not sent yet (pending, or failed for good) that go to `to` or speak of one of
   * `about`: on account deletion, nothing leaves later with the person's address or name. Returns how many.
   */
  async dropUnsent(db: Db, target: { to?: string; about?: string[] }): Promise<number> {
    const about = target.about ?? [];
    const which = or(
      target.to ? eq(mailOutbox.toAddress, target.to) : undefined,
      about.length ? sql`${mailOutbox.about} && ARRAY[${sql.join(about.map((a) => sql`${a}`), sql`, `)}]::text[]` : undefined,
    );
    if (!which) return 0;
    const dropped = await db.delete(mailOutbox).where(and(inArray(mailOutbox.status, ['pending', 'failed']), which)).returning({ id: mailOutbox.id });
    return dropped.length;
  },

  async markSent(db: Db, id: string, status: 'sent' | 'dev'): Promise<void> {
    await db.update(mailOutbox).set({ status, sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` }).where(eq(mailOutbox.id, id));
  },

  async markFailed(db: Db, id: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    await db
      .update(mailOutbox)
      .set({
        status: nextAttemptAt ? 'pending' : 'failed',
        lastError: error.slice(0, 500),
        attempts: sql`${mailOutbox.attempts} + 1`,
        ...(nextAttemptAt ? { nextAttemptAt } : {}),
      })
      .where(eq(mailOutbox.id, id));
  },

  async list(db: Db, limit: number, before?: Date): Promise<OutboxRow[]> {
    return db
      .select()
      .from(mailOutbox)
      .where(before ? lte(mailOutbox.createdAt, before) : undefined)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(limit);
  },

  async findLatestTo(db: Db, to: string, kind?: string): Promise<OutboxRow | undefined> {
    const rows = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, to), kind ? eq(mailOutbox.kind, kind) : undefined))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    return rows[0];
  },


};
