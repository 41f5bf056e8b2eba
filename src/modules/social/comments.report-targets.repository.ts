import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { toReportTargetRow, type RawReportTarget, type ReportTargetRow } from '../../platform/report-targets.js';

/** A comment as moderation sees it (ADR 0011: report targets); a deleted comment shows no text. */
export const commentsReportTargetsRepository = {
  comment: async (db: Db, id: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT x.id, array_remove(ARRAY[x.author_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, p.territory_id, p.id AS project_id, p.status,
        x.hidden_at, x.hidden_reason, p.title, CASE WHEN x.deleted_at IS NULL THEN x.body ELSE '' END AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
      FROM comments x JOIN projects p ON p.id = x.project_id LEFT JOIN users u ON u.id = x.author_id AND u.deleted_at IS NULL WHERE x.id = ${id}`);
    return r && toReportTargetRow(r);
  },
};
