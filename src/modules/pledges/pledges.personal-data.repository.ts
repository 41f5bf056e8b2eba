import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/**
 * One person's pledges (ADR 0010). They stay on deletion (counted in the impact ledger, without the
 * name); the open ones are withdrawn, with their event, so no promoter waits on a ghost.
 */
export const pledgesPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      pledges: await execRows<Row>(db, sql`SELECT pl.id, pl.project_id, n.title AS need, pl.quantity, pl.status, pl.message, pl.reason, pl.start_date, pl.end_date, pl.created_at FROM pledges pl JOIN needs n ON n.id = pl.need_id WHERE pl.supporter_id = ${userId} ORDER BY pl.created_at`),
    };
  },

  /** Withdraws the person's proposed and accepted pledges; returns how many. */
  withdrawOpen: async (tx: Db, userId: string, reason: string): Promise<number> => {
    const withdrawn = await execRows<{ id: string; status: string }>(tx, sql`
      UPDATE pledges p SET status = 'withdrawn', reason = ${reason}, updated_at = now()
      FROM pledges old WHERE old.id = p.id AND p.supporter_id = ${userId} AND p.status IN ('proposed', 'accepted')
      RETURNING p.id, old.status`);
    for (const w of withdrawn) {
      await tx.execute(sql`INSERT INTO pledge_events (id, pledge_id, actor_id, from_status, to_status, note) VALUES (${`${w.id}-del`}, ${w.id}, NULL, ${w.status}, 'withdrawn', ${reason})`);
    }
    return withdrawn.length;
  },
};
