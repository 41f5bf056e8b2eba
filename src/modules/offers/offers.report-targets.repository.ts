import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { toReportTargetRow, type RawReportTarget, type ReportTargetRow } from '../../platform/report-targets.js';

/** An offer as moderation sees it: its owner and its organisation's members are its authors (ADR 0011: report targets). */
export const offersReportTargetsRepository = {
  offer: async (db: Db, id: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT o.id, array_remove(ARRAY[o.owner_id], NULL) || coalesce((SELECT array_agg(m.user_id) FROM organisation_members m WHERE m.organisation_id = o.organisation_id), '{}') AS author_ids,
        u.display_name AS author_name, u.handle AS author_handle, coalesce(o.territory_ids[1], org.territory_id, u.territory_id) AS territory_id, NULL AS project_id, o.status,
        o.hidden_at, o.hidden_reason, o.title, o.description AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
      FROM offers o LEFT JOIN users u ON u.id = o.owner_id AND u.deleted_at IS NULL LEFT JOIN organisations org ON org.id = o.organisation_id WHERE o.id = ${id}`);
    return r && toReportTargetRow(r);
  },
};
