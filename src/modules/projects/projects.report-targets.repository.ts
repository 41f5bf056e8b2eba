import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { toReportTargetRow, type RawReportTarget, type ReportTargetRow } from '../../platform/report-targets.js';

const team = sql`coalesce((SELECT array_agg(pt.user_id) FROM project_team pt WHERE pt.project_id = p.id), '{}')`;

/** Projects and their updates as moderation sees them (ADR 0011: report targets). */
export const projectsReportTargetsRepository = {
  project: async (db: Db, id: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT p.id, ${team} AS author_ids, u.display_name AS author_name, u.handle AS author_handle, p.territory_id, p.id AS project_id, p.status,
        p.hidden_at, p.hidden_reason, p.title, p.summary AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
      FROM projects p LEFT JOIN users u ON u.id = p.promoter_id AND u.deleted_at IS NULL WHERE p.id = ${id}`);
    return r && toReportTargetRow(r);
  },

  update: async (db: Db, id: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT x.id, array_remove(ARRAY[x.author_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, p.territory_id, p.id AS project_id, p.status,
        x.hidden_at, x.hidden_reason, x.title, x.body AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
      FROM project_updates x JOIN projects p ON p.id = x.project_id LEFT JOIN users u ON u.id = x.author_id AND u.deleted_at IS NULL WHERE x.id = ${id}`);
    return r && toReportTargetRow(r);
  },
};
