import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { comments, type CommentTarget } from './social.tables.js';
import type { CommentRow, UpdateRef } from './comments.types.js';

export type { CommentRow, UpdateRef } from './comments.types.js';

const columns = sql`c.id, c.target_type AS "targetType", c.target_id AS "targetId", c.project_id AS "projectId", c.parent_id AS "parentId", c.author_id AS "authorId",
  c.body, c.edited_at AS "editedAt", c.deleted_at AS "deletedAt", c.hidden_at AS "hiddenAt", c.hidden_reason AS "hiddenReason", c.created_at AS "createdAt",
  u.handle AS "authorHandle", u.display_name AS "authorName"`;
const fromJoin = sql`FROM comments c LEFT JOIN users u ON u.id = c.author_id AND u.deleted_at IS NULL`;

/** Both drivers may hand timestamps back as strings: normalise to Date. */
function normalise(row: CommentRow): CommentRow {
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { ...row, editedAt: d(row.editedAt), deletedAt: d(row.deletedAt), hiddenAt: d(row.hiddenAt), createdAt: new Date(row.createdAt) };
}

export const commentsRepository = {
  async insert(db: Db, row: { id: string; targetType: CommentTarget; targetId: string; projectId: string; parentId: string | null; authorId: string; body: string }): Promise<void> {
    // A JavaScript date (milliseconds) keeps keyset cursors exact.
    await db.insert(comments).values({ ...row, createdAt: new Date() });
  },
  async findById(db: Db, id: string): Promise<CommentRow | undefined> {
    const rows = await execRows<CommentRow>(db, sql`SELECT ${columns} ${fromJoin} WHERE c.id = ${id}`);
    return rows[0] ? normalise(rows[0]) : undefined;
  },
  /** Top-level comments of a target, oldest first; keyset on (createdAt, id). Up to limit + 1 rows. */
  async topLevel(db: Db, targetType: CommentTarget, targetId: string, limit: number, after?: Cursor): Promise<CommentRow[]> {
    const keyset = after ? sql`AND (c.created_at, c.id) > (${after.at}::timestamptz, ${after.id})` : sql``;
    const rows = await execRows<CommentRow>(db, sql`SELECT ${columns} ${fromJoin}
      WHERE c.target_type = ${targetType} AND c.target_id = ${targetId} AND c.parent_id IS NULL ${keyset}
      ORDER BY c.created_at, c.id LIMIT ${limit + 1}`);
    return rows.map(normalise);
  },
  /** Every reply of these top-level comments, oldest first. */
  async replies(db: Db, parentIds: string[]): Promise<CommentRow[]> {
    if (parentIds.length === 0) return [];
    const rows = await execRows<CommentRow>(db, sql`SELECT ${columns} ${fromJoin} WHERE c.parent_id IN (${sql.join(parentIds.map((id) => sql`${id}`), sql`, `)}) ORDER BY c.created_at, c.id`);
    return rows.map(normalise);
  },
  /** How many live (not deleted) comments each target has, replies included. */
  async counts(db: Db, targetType: CommentTarget, targetIds: string[]): Promise<Map<string, number>> {
    if (targetIds.length === 0) return new Map();
    const rows = await execRows<{ id: string; n: number }>(db, sql`SELECT target_id AS id, count(*)::int AS n FROM comments
      WHERE target_type = ${targetType} AND target_id IN (${sql.join(targetIds.map((id) => sql`${id}`), sql`, `)}) AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY target_id`);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  },
  async edit(db: Db, id: string, body: string): Promise<void> {
    await db.execute(sql`UPDATE comments SET body = ${body}, edited_at = now() WHERE id = ${id} AND deleted_at IS NULL`);
  },
  /** The tombstone: the body goes, the row (and so its replies' thread) stays. */
  async tombstone(db: Db, id: string): Promise<void> {
    await db.execute(sql`UPDATE comments SET body = '', deleted_at = now() WHERE id = ${id} AND deleted_at IS NULL`);
  },
  async findUpdate(db: Db, id: string): Promise<UpdateRef | undefined> {
    const rows = await execRows<UpdateRef>(db, sql`SELECT id, project_id AS "projectId", title, author_id AS "authorId", hidden_at AS "hiddenAt" FROM project_updates WHERE id = ${id}`);
    return rows[0];
  },
  async teamIds(db: Db, projectId: string): Promise<string[]> {
    const rows = await execRows<{ id: string }>(db, sql`SELECT user_id AS id FROM project_team WHERE project_id = ${projectId} ORDER BY created_at`);
    return rows.map((r) => r.id);
  },
  /**
   * Of these people, those who may hear from `authorId`: accounts that exist, are not suspended
   * and have not blocked the author.
   */
  async reachable(db: Db, userIds: string[], authorId: string): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await execRows<{ id: string }>(db, sql`SELECT u.id FROM users u
      WHERE u.id IN (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)}) AND u.deleted_at IS NULL AND u.suspended_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM user_blocks b WHERE b.blocker_id = u.id AND b.blocked_id = ${authorId})`);
    return new Set(rows.map((r) => r.id));
  },
  /** Handle → id of the live accounts among these handles. */
  async handles(db: Db, handles: string[]): Promise<Map<string, string>> {
    if (handles.length === 0) return new Map();
    const rows = await execRows<{ id: string; handle: string }>(db, sql`SELECT id, handle FROM users
      WHERE handle IN (${sql.join(handles.map((h) => sql`${h}`), sql`, `)}) AND deleted_at IS NULL AND suspended_at IS NULL`);
    return new Map(rows.map((r) => [r.handle, r.id]));
  },
};
