import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** One person's role grants (ADR 0010): exported, and revoked with the account. */
export const adminPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return { roles: await execRows<Row>(db, sql`SELECT r.role, c.slug AS caisse, r.created_at FROM role_grants r LEFT JOIN caisses c ON c.id = r.caisse_id WHERE r.user_id = ${userId}`) };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM role_grants WHERE user_id = ${userId}`);
  },
};
