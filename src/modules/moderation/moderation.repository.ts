import { and, eq, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { moderationActions, reports, type ModerationActionKind, type ReportReason, type ReportStatus, type ReportTarget } from './moderation.tables.js';
import type { ActionRow, ReportGroupRow, ReportRow, TargetRow } from './moderation.types.js';

const exactTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
const team = (projectId: string) => sql.raw(`coalesce((SELECT array_agg(pt.user_id) FROM project_team pt WHERE pt.project_id = ${projectId}), '{}')`);

type RawTarget = {
  id: string; author_ids: string[] | null; author_name: string | null; author_handle: string | null; territory_id: string | null; project_id: string | null; status: string | null;
  hidden_at: Date | string | null; hidden_reason: string | null; title: string | null; excerpt: string | null; conversation_id: string | null; participant_ids: string[] | null; slug?: string | null;
};

/** One query per target type, all returning the same columns. */
const TARGET_QUERIES: Record<ReportTarget, (id: string) => SQL> = {
  project: (id) => sql`SELECT p.id, ${team('p.id')} AS author_ids, u.display_name AS author_name, u.handle AS author_handle, p.territory_id, p.id AS project_id, p.status,
      p.hidden_at, p.hidden_reason, p.title, p.summary AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
    FROM projects p LEFT JOIN users u ON u.id = p.promoter_id AND u.deleted_at IS NULL WHERE p.id = ${id}`,
  update: (id) => sql`SELECT x.id, array_remove(ARRAY[x.author_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, p.territory_id, p.id AS project_id, p.status,
      x.hidden_at, x.hidden_reason, x.title, x.body AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
    FROM project_updates x JOIN projects p ON p.id = x.project_id LEFT JOIN users u ON u.id = x.author_id AND u.deleted_at IS NULL WHERE x.id = ${id}`,
  comment: (id) => sql`SELECT x.id, array_remove(ARRAY[x.author_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, p.territory_id, p.id AS project_id, p.status,
      x.hidden_at, x.hidden_reason, p.title, CASE WHEN x.deleted_at IS NULL THEN x.body ELSE '' END AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
    FROM comments x JOIN projects p ON p.id = x.project_id LEFT JOIN users u ON u.id = x.author_id AND u.deleted_at IS NULL WHERE x.id = ${id}`,
  message: (id) => sql`SELECT m.id, array_remove(ARRAY[m.author_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, u.territory_id, NULL AS project_id, NULL AS status,
      m.hidden_at, m.hidden_reason, c.subject AS title, m.body AS excerpt, m.conversation_id,
      coalesce((SELECT array_agg(cp.user_id) FROM conversation_participants cp WHERE cp.conversation_id = m.conversation_id), '{}') AS participant_ids
    FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN users u ON u.id = m.author_id AND u.deleted_at IS NULL WHERE m.id = ${id}`,
  user: (id) => sql`SELECT u.id, ARRAY[u.id] AS author_ids, u.display_name AS author_name, u.handle AS author_handle, u.territory_id, NULL AS project_id, NULL AS status,
      u.suspended_at AS hidden_at, NULL AS hidden_reason, u.display_name AS title, u.bio AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
    FROM users u WHERE (u.id = ${id} OR u.handle = ${id}) AND u.deleted_at IS NULL`,
  board: (id) => sql`SELECT b.id, array_remove(ARRAY[b.owner_id], NULL) AS author_ids, u.display_name AS author_name, u.handle AS author_handle, coalesce(b.territory_id, u.territory_id) AS territory_id, NULL AS project_id, b.visibility AS status,
      b.hidden_at, b.hidden_reason, b.title, b.description AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
    FROM boards b LEFT JOIN users u ON u.id = b.owner_id AND u.deleted_at IS NULL WHERE b.id = ${id}`,
  offer: (id) => sql`SELECT o.id, array_remove(ARRAY[o.owner_id], NULL) || coalesce((SELECT array_agg(m.user_id) FROM organisation_members m WHERE m.organisation_id = o.organisation_id), '{}') AS author_ids,
      u.display_name AS author_name, u.handle AS author_handle, coalesce(o.territory_ids[1], org.territory_id, u.territory_id) AS territory_id, NULL AS project_id, o.status,
      o.hidden_at, o.hidden_reason, o.title, o.description AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids
    FROM offers o LEFT JOIN users u ON u.id = o.owner_id AND u.deleted_at IS NULL LEFT JOIN organisations org ON org.id = o.organisation_id WHERE o.id = ${id}`,
  organisation: (id) => sql`SELECT o.id, coalesce((SELECT array_agg(m.user_id) FROM organisation_members m WHERE m.organisation_id = o.id), '{}') AS author_ids,
      NULL AS author_name, NULL AS author_handle, o.territory_id, NULL AS project_id, NULL AS status,
      o.hidden_at, o.hidden_reason, o.name AS title, o.description AS excerpt, NULL AS conversation_id, NULL::text[] AS participant_ids, o.slug
    FROM organisations o WHERE o.id = ${id} OR o.slug = ${id}`,
};

const TABLE: Record<Exclude<ReportTarget, 'user'>, string> = { project: 'projects', update: 'project_updates', comment: 'comments', message: 'messages', board: 'boards', offer: 'offers', organisation: 'organisations' };

/** Scopes the queue to reports on these territories (null: every report). */
function scope(territoryIds: readonly string[] | null): SQL {
  if (territoryIds === null) return sql`true`;
  if (territoryIds.length === 0) return sql`false`;
  return sql`r.territory_id IN (${sql.join(territoryIds.map((id) => sql`${id}`), sql`, `)})`;
}

export const moderationRepository = {
  async findTarget(db: Db, type: ReportTarget, id: string): Promise<TargetRow | undefined> {
    const r = (await execRows<RawTarget>(db, TARGET_QUERIES[type](id)))[0];
    if (!r) return undefined;
    return {
      type, id: r.id, authorIds: r.author_ids ?? [], authorName: r.author_name, authorHandle: r.author_handle, territoryId: r.territory_id, projectId: r.project_id, status: r.status,
      hiddenAt: r.hidden_at === null ? null : new Date(r.hidden_at), hiddenReason: r.hidden_reason, title: r.title ?? '', excerpt: r.excerpt ?? '',
      conversationId: r.conversation_id, participantIds: r.participant_ids, slug: r.slug ?? null,
    };
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

  /** Sets (reason) or clears (null) the hidden mark of a piece of content. */
  async setHidden(db: Db, type: Exclude<ReportTarget, 'user'>, id: string, reason: string | null): Promise<void> {
    const table = sql.raw(TABLE[type]);
    await db.execute(reason === null
      ? sql`UPDATE ${table} SET hidden_at = NULL, hidden_reason = NULL WHERE id = ${id}`
      : sql`UPDATE ${table} SET hidden_at = now(), hidden_reason = ${reason} WHERE id = ${id}`);
  },
  /**
   * Hides (or shows again) the feed activities and notifications about a target; for a project,
   * also everything recorded under it. Showing again leaves alone what is hidden on its own account
   * (a hidden update or comment of a restored project stays hidden).
   */
  async setSubjectHidden(db: Db, type: Exclude<ReportTarget, 'user'>, id: string, hidden: boolean): Promise<void> {
    // coalesce: rows without a subject (NULL subject_type) are shown again with their project.
    const stillHidden = sql`NOT coalesce((x.subject_type = 'update' AND EXISTS (SELECT 1 FROM project_updates u WHERE u.id = x.subject_id AND u.hidden_at IS NOT NULL))
      OR (x.subject_type = 'comment' AND EXISTS (SELECT 1 FROM comments c WHERE c.id = x.subject_id AND c.hidden_at IS NOT NULL))
      OR (x.subject_type = 'offer' AND EXISTS (SELECT 1 FROM offers o WHERE o.id = x.subject_id AND o.hidden_at IS NOT NULL)), false)`;
    const set = hidden ? sql`hidden_at = now()` : sql`hidden_at = NULL`;
    const state = hidden ? sql`x.hidden_at IS NULL` : sql`x.hidden_at IS NOT NULL AND ${stillHidden}`;
    const subject = sql`x.subject_type = ${type} AND x.subject_id = ${id}`;
    if (type === 'project') {
      await db.execute(sql`UPDATE activities x SET ${set} WHERE ${state} AND (${subject} OR x.project_id = ${id})`);
      await db.execute(sql`UPDATE notifications x SET ${set} WHERE ${state} AND (${subject} OR (x.data->>'projectId' = ${id} AND x.kind NOT LIKE 'moderation.%'))`);
    } else if (type === 'organisation') {
      // An organisation's feed items include what was published in its name (its offers).
      await db.execute(sql`UPDATE activities x SET ${set} WHERE ${state} AND (${subject} OR x.organisation_id = ${id})`);
      await db.execute(sql`UPDATE notifications x SET ${set} WHERE ${state} AND ${subject}`);
    } else {
      await db.execute(sql`UPDATE activities x SET ${set} WHERE ${state} AND ${subject}`);
      await db.execute(sql`UPDATE notifications x SET ${set} WHERE ${state} AND ${subject}`);
    }
  },
  /** Suspends (or lifts the suspension of) an account; suspending ends its sessions and API tokens at once. */
  async setSuspended(db: Db, userId: string, suspended: boolean): Promise<void> {
    if (!suspended) {
      await db.execute(sql`UPDATE users SET suspended_at = NULL WHERE id = ${userId}`);
      return;
    }
    await db.execute(sql`UPDATE users SET suspended_at = now() WHERE id = ${userId}`);
    await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
    await db.execute(sql`DELETE FROM api_tokens WHERE user_id = ${userId}`);
  },
  /** Locks the target row until the transaction ends, so two moderators act one after the other. */
  async lockTarget(db: Db, type: ReportTarget, id: string): Promise<void> {
    const table = sql.raw(type === 'user' ? 'users' : TABLE[type]);
    await db.execute(sql`SELECT id FROM ${table} WHERE id = ${id} FOR UPDATE`);
  },
};
