import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** The organisations a person belongs to (ADR 0010): exported; the memberships end with the account. */
export const organisationsPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return { organisations: await execRows<Row>(db, sql`SELECT o.slug, o.name, m.role, m.created_at FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ${userId}`) };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM organisation_members WHERE user_id = ${userId}`);
  },
};
