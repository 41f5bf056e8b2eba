import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** One person's offers (ADR 0010): exported whole, deleted with the account. */
export const offersPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return { offers: await execRows<Row>(db, sql`SELECT * FROM offers WHERE owner_id = ${userId} ORDER BY created_at`) };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM offers WHERE owner_id = ${userId}`);
  },
};
