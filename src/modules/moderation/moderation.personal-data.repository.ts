import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** The reports a person filed (ADR 0010): exported; they stay on deletion (the moderators' record). */
export const moderationPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return { reportsFiled: await execRows<Row>(db, sql`SELECT target_type, target_id, reason, details, status, created_at FROM reports WHERE reporter_id = ${userId} ORDER BY created_at`) };
  },
};
