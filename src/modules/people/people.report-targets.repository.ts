import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { toReportTargetRow, type RawReportTarget, type ReportTargetRow } from '../../platform/report-targets.js';

/** A person as moderation sees them (ADR 0011: report targets): "hidden" means suspended. */
export const peopleReportTargetsRepository = {
  person: async (db: Db, idOrHandle: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT u.id, ARRAY[u.id] AS author_ids, u.display_name AS author_name, u.handle AS author_handle, u.territory_id, NULL AS project_id, NULL AS status,
        u.suspended_at AS hidden_at, NULL AS hidden_reason, u.display_name AS title, u.bio AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
      FROM users u WHERE (u.id = ${idOrHandle} OR u.handle = ${idOrHandle}) AND u.deleted_at IS NULL`);
    return r && toReportTargetRow(r);
  },

  /** Suspends (or lifts the suspension of) an account; suspending ends its sessions and API tokens at once. */
  suspend: async (db: Db, userId: string, suspended: boolean): Promise<void> => {
    if (!suspended) {
      await db.execute(sql`UPDATE users SET suspended_at = NULL WHERE id = ${userId}`);
      return;
    }
    await db.execute(sql`UPDATE users SET suspended_at = now() WHERE id = ${userId}`);
    await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
    await db.execute(sql`DELETE FROM api_tokens WHERE user_id = ${userId}`);
  },
};
