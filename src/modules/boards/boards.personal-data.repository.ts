import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** One person's boards with their items (ADR 0010): exported, deleted with the account (items cascade). */
export const boardsPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      boards: await execRows<Row>(db, sql`SELECT b.id, b.title, b.description, b.visibility, b.created_at,
          coalesce((SELECT json_agg(json_build_object('type', i.item_type, 'id', i.item_id, 'note', i.note) ORDER BY i.position) FROM board_items i WHERE i.board_id = b.id), '[]'::json) AS items
        FROM boards b WHERE b.owner_id = ${userId} ORDER BY b.created_at`),
    };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM boards WHERE owner_id = ${userId}`);
  },
};
