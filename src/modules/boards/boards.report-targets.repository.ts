import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { toReportTargetRow, type RawReportTarget, type ReportTargetRow } from '../../platform/report-targets.js';

/** A board as moderation sees it (ADR 0011: report targets); its status is its visibility. */
export const boardsReportTargetsRepository = {
  board: async (db: Db, id: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT b.id, array_remove(ARRAY[b.owner_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, coalesce(b.territory_id, u.territory_id) AS territory_id, NULL AS project_id, b.visibility AS status,
        b.hidden_at, b.hidden_reason, b.title, b.description AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
      FROM boards b LEFT JOIN users u ON u.id = b.owner_id AND u.deleted_at IS NULL WHERE b.id = ${id}`);
    return r && toReportTargetRow(r);
  },
};
