import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** One person's delegate applications (ADR 0010): exported, and deleted with the account. */
export const delegatesPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      delegateApplications: await execRows<Row>(db, sql`SELECT c.slug AS caisse, t.slug AS territory, a.motivation, a.availability, a.status, a.decision_message, a.decided_at, a.created_at
        FROM delegate_applications a JOIN caisses c ON c.id = a.caisse_id JOIN territories t ON t.id = a.territory_id WHERE a.user_id = ${userId} ORDER BY a.created_at`),
    };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM delegate_applications WHERE user_id = ${userId}`);
  },
};
