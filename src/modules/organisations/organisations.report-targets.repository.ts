import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { toReportTargetRow, type RawReportTarget, type ReportTargetRow } from '../../platform/report-targets.js';

/** An organisation as moderation sees it: its members are its authors (ADR 0011: report targets). */
export const organisationsReportTargetsRepository = {
  organisation: async (db: Db, idOrSlug: string): Promise<ReportTargetRow | undefined> => {
    const [r] = await execRows<RawReportTarget>(db, sql`SELECT o.id, coalesce((SELECT array_agg(m.user_id) FROM organisation_members m WHERE m.organisation_id = o.id), '{}') AS author_ids,
        NULL AS author_name, NULL AS author_handle, o.territory_id, NULL AS project_id, NULL AS status,
        o.hidden_at, o.hidden_reason, o.name AS title, o.description AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids, o.slug
      FROM organisations o WHERE o.id = ${idOrSlug} OR o.slug = ${idOrSlug}`);
    return r && toReportTargetRow(r);
  },
};
