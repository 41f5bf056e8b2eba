import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/**
 * The messages a person sent and the people they blocked (ADR 0010). Sent messages stay in the
 * other person's conversation (under the anonymised name); blocks either way go.
 */
export const messagesPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      messagesSent: await execRows<Row>(db, sql`SELECT m.conversation_id, c.subject, m.body, m.created_at FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.author_id = ${userId} ORDER BY m.created_at`),
      blocks: await execRows<Row>(db, sql`SELECT u.handle AS blocked, b.created_at FROM user_blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = ${userId}`),
    };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM user_blocks WHERE blocker_id = ${userId} OR blocked_id = ${userId}`);
  },
};
