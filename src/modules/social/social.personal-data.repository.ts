import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/**
 * One person's follows, reactions and comments (ADR 0010). On deletion comments become tombstones
 * (replies keep their place in the thread); follows of and by the person and their reactions go.
 */
export const socialPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      follows: await execRows<Row>(db, sql`SELECT target_type, target_id, created_at FROM follows WHERE follower_id = ${userId} ORDER BY created_at`),
      reactions: await execRows<Row>(db, sql`SELECT target_type, target_id, kind, created_at FROM reactions WHERE user_id = ${userId} ORDER BY created_at`),
      comments: await execRows<Row>(db, sql`SELECT id, target_type, target_id, parent_id, body, edited_at, deleted_at, created_at FROM comments WHERE author_id = ${userId} ORDER BY created_at`),
    };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`UPDATE comments SET body = '', deleted_at = coalesce(deleted_at, now()) WHERE author_id = ${userId}`);
    await tx.execute(sql`DELETE FROM follows WHERE follower_id = ${userId} OR (target_type = 'user' AND target_id = ${userId})`);
    await tx.execute(sql`DELETE FROM reactions WHERE user_id = ${userId}`);
  },
};
