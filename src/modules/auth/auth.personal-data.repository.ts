import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** Consents, sessions and API tokens of one person (ADR 0010): exported without hashes, deleted with the account. */
export const authPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      consents: await execRows<Row>(db, sql`SELECT purpose, granted, text_version, created_at FROM consents WHERE user_id = ${userId} ORDER BY created_at`),
      sessions: await execRows<Row>(db, sql`SELECT created_at, last_seen_at, expires_at, user_agent FROM sessions WHERE user_id = ${userId} ORDER BY created_at`),
      apiTokens: await execRows<Row>(db, sql`SELECT name, prefix, created_at, last_used_at, expires_at, revoked_at FROM api_tokens WHERE user_id = ${userId} ORDER BY created_at`),
    };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
    await tx.execute(sql`DELETE FROM api_tokens WHERE user_id = ${userId}`);
    await tx.execute(sql`DELETE FROM one_time_tokens WHERE user_id = ${userId}`);
    await tx.execute(sql`DELETE FROM consents WHERE user_id = ${userId}`);
  },
};
