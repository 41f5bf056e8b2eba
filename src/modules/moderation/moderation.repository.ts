import { and, eq, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { reportTarget, reportTargets } from '../../platform/report-targets.js';
import { moderationActions, reports, type ModerationActionKind, type ReportReason, type ReportStatus, type ReportTarget } from './moderation.tables.js';
import type { ActionRow, ReportGroupRow, ReportRow, TargetRow } from './moderation.types.js';

const exactTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** A declared table name as an SQL identifier (names come from module descriptors, never from a request). */
const tableOf = (type: ReportTarget) => sql.identifier(reportTarget(type).table);

/** Scopes the queue to reports on these territories (null: every report). */
function scope(territoryIds: readonly string[] | null): SQL {
  if (territoryIds === null) return sql`true`;
  if (territoryIds.length === 0) return sql`false`;
  return sql`r.territory_id IN (${sql.join(territoryIds.map((id) => sql`${id}`), sql`, `)})`;
}

export const moderationRepository = {
  /** The target, read by the module that declares its type. */
  async findTarget(db: Db, type: ReportTarget, id: string): Promise<TargetRow | undefined> {
    const row = await reportTarget(type).find(db, id);
    return row && { ...row, type };
  },

  async findOpenReport(db: Db, reporterId: string, type: ReportTarget, targetId: string): Promise<ReportRow | undefined> {
    const rows = await execRows<ReportRow>(db, sql`SELECT r.*, ${exactTime('r.created_at')} AS cursor_at FROM reports r
      WHERE r.reporter_id = ${reporterId} AND r.target_type = ${type} AND r.target_id = ${targetId} AND r.status = 'open' LIMIT 1`);
    return rows[0];
  },
  async findReport(db: Db, id: string): Promise<ReportRow | undefined> {
    const rows = await execRows<ReportRow>(db, sql`SELECT r.*, ${exactTime('r.created_at')} AS cursor_at FROM reports r WHERE r.id = ${id}`);
    return rows[0];
  },
  async insertReport(db: Db, r: { id: string; reporterId: string; targetType: ReportTarget; targetId: string; territoryId: string | null; reason: ReportReason; details: string }): Promise<void> {
    await db.insert(reports).values({ ...r, createdAt: new Date() });
  },
  /** The queue, newest first, keyset on (createdAt, id); up to limit + 1 rows. */
  async listReports(db: Db, territoryIds: readonly string[] | null, status: ReportStatus, limit: number, after?: Cursor): Promise<ReportRow[]> {
    const keyset = after ? sql`AND (r.created_at, r.id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    return execRows<ReportRow>(db, sql`SELECT r.*, ${exactTime('r.created_at')} AS cursor_at FROM reports r
      WHERE r.status = ${status} AND ${scope(territoryIds)} ${keyset} ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit + 1}`);
  },
  /** Reports grouped by target, the most recently reported first; keyset on (latest, target id); up to limit + 1 rows. */
  async listGroups(db: Db, territoryIds: readonly string[] | null, status: ReportStatus, limit: number, after?: Cursor): Promise<ReportGroupRow[]> {
    const keyset = after ? sql`WHERE (g.latest_at, g.target_id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    return execRows<ReportGroupRow>(db, sql`SELECT g.*, ${exactTime('g.latest_at')} AS cursor_at FROM (
        SELECT r.target_type, r.target_id, count(*)::int AS reports, array_agg(DISTINCT r.reason) AS reasons, max(r.created_at) AS latest_at,
          array_remove(array_agg(r.details ORDER BY r.created_at DESC), '') AS details
        FROM reports r WHERE r.status = ${status} AND ${scope(territoryIds)} GROUP BY r.target_type, r.target_id
      ) g ${keyset} ORDER BY g.latest_at DESC, g.target_id DESC LIMIT ${limit + 1}`);
  },
  /** Closes the open reports on a target; returns how many. */
  async resolveReports(db: Db, type: ReportTarget, targetId: string, status: ReportStatus, moderatorId: string): Promise<number> {
    const rows = await db.update(reports).set({ status, resolvedBy: moderatorId, resolvedAt: new Date() })
      .where(and(eq(reports.targetType, type), eq(reports.targetId, targetId), eq(reports.status, 'open'))).returning({ id: reports.id });
    return rows.length;
  },

  async insertAction(db: Db, a: { id: string; moderatorId: string; action: ModerationActionKind; targetType: ReportTarget; targetId: string; reportId: string | null; reason: string }): Promise<void> {
    await db.insert(moderationActions).values({ ...a, createdAt: new Date() });
  },
  /** Past actions on a target, newest first. */
  async actionsOn(db: Db, type: ReportTarget, targetId: string, limit = 20): Promise<ActionRow[]> {
    return execRows<ActionRow>(db, sql`SELECT a.id, a.moderator_id, u.display_name AS moderator_name, a.action, a.target_type, a.target_id, a.report_id, a.reason, a.created_at
      FROM moderation_actions a LEFT JOIN users u ON u.id = a.moderator_id
      WHERE a.target_type = ${type} AND a.target_id = ${targetId} ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit}`);
  },

  /** Sets (reason) or clears (null) the hidden mark of a piece of content, in the table its module declares. */
  async setHidden(db: Db, type: ReportTarget, id: string, reason: string | null): Promise<void> {
    const table = tableOf(type);
    await db.execute(reason === null
      ? sql`UPDATE ${table} SET hidden_at = NULL, hidden_reason = NULL WHERE id = ${id}`
      : sql`UPDATE ${table} SET hidden_at = now(), hidden_reason = ${reason} WHERE id = ${id}`);
  },
  /**
   * Hides (or shows again) the feed activities and notifications about a target, and those recorded
   * under it when its module says so (a project's, an organisation's activities). Showing again leaves alone what is hidden on its own account
   * (a hidden update or comment of a restored project stays hidden).
   */
  async setSubjectHidden(db: Db, type: ReportTarget, id: string, hidden: boolean): Promise<void> {
    // A row whose own subject is hidden content stays hidden; coalesce: rows without a subject
    // (NULL subject_type) are shown again with their project.
    const ownHiding = reportTargets().filter((d) => d.effect === 'hide').map((d) =>
      sql`(x.subject_type = ${d.type} AND EXISTS (SELECT 1 FROM ${sql.identifier(d.table)} h WHERE h.id = x.subject_id AND h.hidden_at IS NOT NULL))`);
    const stillHidden = sql`NOT coalesce(${sql.join(ownHiding, sql` OR `)}, false)`;
    const set = hidden ? sql`hidden_at = now()` : sql`hidden_at = NULL`;
    const state = hidden ? sql`x.hidden_at IS NULL` : sql`x.hidden_at IS NOT NULL AND ${stillHidden}`;
    const subject = sql`x.subject_type = ${type} AND x.subject_id = ${id}`;
    const { recordsUnder } = reportTarget(type);
    const activitiesUnder = recordsUnder ? sql` OR x.${sql.identifier(recordsUnder.activities)} = ${id}` : sql``;
    const notificationsUnder = recordsUnder?.notifications ? sql` OR (x.data->>${recordsUnder.notifications} = ${id} AND x.kind NOT LIKE 'moderation.%')` : sql``;
    await db.execute(sql`UPDATE activities x SET ${set} WHERE ${state} AND (${subject}${activitiesUnder})`);
    await db.execute(sql`UPDATE notifications x SET ${set} WHERE ${state} AND (${subject}${notificationsUnder})`);
  },
  /** Locks the target row until the transaction ends, so two moderators act one after the other. */
  async lockTarget(db: Db, type: ReportTarget, id: string): Promise<void> {
    await db.execute(sql`SELECT id FROM ${tableOf(type)} WHERE id = ${id} FOR UPDATE`);
  },
};
