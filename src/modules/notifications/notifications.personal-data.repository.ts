import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/**
 * One person's notifications and settings (ADR 0010), and what other people's notifications say
 * about them: on deletion those lose the name and handle they carried and say "deleted account"
 * instead (ADR 0018). Found by the stored actor or helper id, or for older rows by the comment the
 * person wrote or the conversation they were in.
 */
export const notificationsPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      notifications: await execRows<Row>(db, sql`SELECT kind, data, url, read_at, created_at FROM notifications WHERE user_id = ${userId} ORDER BY created_at`),
      notificationSettings: await execRows<Row>(db, sql`SELECT digest, email_opt_outs, immediate, updated_at FROM notification_settings WHERE user_id = ${userId}`),
    };
  },

  /** Rewrites other people's notifications about the person; returns the ids rewritten. */
  forgetActor: async (tx: Db, userId: string): Promise<string[]> => {
    const rows = await execRows<{ id: string }>(tx, sql`UPDATE notifications n SET data = (n.data - 'actorName' - 'actorHandle' - 'actorId' - 'helperId') || '{"actorDeleted":1}'::jsonb
      WHERE n.user_id <> ${userId} AND (n.data ? 'actorName' OR n.data ? 'actorHandle' OR n.data ? 'actorId') AND (
        n.data->>'actorId' = ${userId}
        OR n.data->>'helperId' = ${userId}
        OR (n.subject_type = 'comment' AND n.subject_id IN (SELECT c.id FROM comments c WHERE c.author_id = ${userId}))
        OR (n.kind = 'message.new' AND n.subject_type = 'conversation' AND n.subject_id IN (SELECT cp.conversation_id FROM conversation_participants cp WHERE cp.user_id = ${userId})))
      RETURNING n.id`);
    return rows.map((r) => r.id);
  },

  deleteOwn: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM notifications WHERE user_id = ${userId}`);
    await tx.execute(sql`DELETE FROM notification_settings WHERE user_id = ${userId}`);
  },
};
