import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { toReportTargetRow, type RawReportTarget, type ReportTargetRow } from '../../platform/report-targets.js';

/** A message as moderation sees it, with its conversation's participants (ADR 0011: report targets). */
export const messagesReportTargetsRepository = {
  message: async (db: Db, id: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT m.id, array_remove(ARRAY[m.author_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, u.territory_id, NULL AS project_id, NULL AS status,
        m.hidden_at, m.hidden_reason, c.subject AS title, m.body AS excerpt, m.conversation_id,
        coalesce((SELECT array_agg(cp.user_id) FROM conversation_participants cp WHERE cp.conversation_id = m.conversation_id), '{}') AS participant_ids
      FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN users u ON u.id = m.author_id AND u.deleted_at IS NULL WHERE m.id = ${id}`);
    return r && toReportTargetRow(r);
  },
};
