import { and, eq, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { follows, type FollowTarget } from './social.tables.js';
import type { FollowedRow, FollowerRow, TargetRow } from './follows.types.js';

export type { FollowedRow, FollowerRow, TargetRow };

const exactTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);


const PUBLIC = sql.raw(`('published','in_progress','completed')`);

/** Per target type: its id, label (fr and en), slug, and whether it may be followed at all. */
const TARGET_QUERIES: Record<FollowTarget, (key: string) => ReturnType<typeof sql>> = {
  user: (key) => sql`SELECT id, display_name AS label, display_name AS label_en, handle AS slug, (deleted_at IS NULL AND suspended_at IS NULL) AS visible, id AS owner_id, NULL AS state FROM users WHERE id = ${key} OR handle = ${key.toLowerCase()} LIMIT 1`,
  project: (key) => sql`SELECT id, title AS label, title AS label_en, NULL AS slug, (hidden_at IS NULL) AS visible, promoter_id AS owner_id, status AS state FROM projects WHERE id = ${key}`,
  organisation: (key) => sql`SELECT id, name AS label, name AS label_en, slug, true AS visible, NULL AS owner_id, NULL AS state FROM organisations WHERE id = ${key} OR slug = ${key} LIMIT 1`,
  territory: (key) => sql`SELECT id, name_fr AS label, name_en AS label_en, slug, true AS visible, NULL AS owner_id, NULL AS state FROM territories WHERE id = ${key} OR slug = ${key} LIMIT 1`,
  board: (key) => sql`SELECT id, title AS label, title AS label_en, NULL AS slug, (hidden_at IS NULL) AS visible, owner_id, visibility AS state FROM boards WHERE id = ${key}`,
};

const followedColumns = sql`f.target_type, f.target_id, f.created_at AS followed_at, ${exactTime('f.created_at')} AS cursor_at,
  COALESCE(p.title, u.display_name, o.name, t.name_fr, b.title) AS label,
  COALESCE(p.title, u.display_name, o.name, t.name_en, b.title) AS label_en,
  COALESCE(u.handle, o.slug, t.slug) AS slug`;
const followedJoins = sql`
  LEFT JOIN projects p ON f.target_type = 'project' AND p.id = f.target_id AND p.hidden_at IS NULL AND p.status IN ${PUBLIC}
  LEFT JOIN users u ON f.target_type = 'user' AND u.id = f.target_id AND u.deleted_at IS NULL AND u.suspended_at IS NULL
  LEFT JOIN organisations o ON f.target_type = 'organisation' AND o.id = f.target_id
  LEFT JOIN territories t ON f.target_type = 'territory' AND t.id = f.target_id
  LEFT JOIN boards b ON f.target_type = 'board' AND b.id = f.target_id AND b.hidden_at IS NULL`;

export const followsRepository = {
  async target(db: Db, type: FollowTarget, key: string): Promise<TargetRow | undefined> {
    return (await execRows<TargetRow>(db, TARGET_QUERIES[type](key)))[0];
  },
  /** True when the row is new (following twice is a no-op). */
  async follow(db: Db, followerId: string, targetType: FollowTarget, targetId: string): Promise<boolean> {
    const rows = await db.insert(follows).values({ followerId, targetType, targetId }).onConflictDoNothing().returning({ id: follows.targetId });
    return rows.length > 0;
  },
  async unfollow(db: Db, followerId: string, targetType: FollowTarget, targetId: string): Promise<void> {
    await db.delete(follows).where(and(eq(follows.followerId, followerId), eq(follows.targetType, targetType), eq(follows.targetId, targetId)));
  },
  async isFollowing(db: Db, followerId: string, targetType: FollowTarget, targetId: string): Promise<boolean> {
    const rows = await db.select({ id: follows.targetId }).from(follows).where(and(eq(follows.followerId, followerId), eq(follows.targetType, targetType), eq(follows.targetId, targetId))).limit(1);
    return rows.length > 0;
  },
  /** Followers with an active account (a deleted or suspended account no longer counts). */
  async count(db: Db, targetType: FollowTarget, targetId: string): Promise<number> {
    const rows = await execRows<{ n: number }>(db, sql`
      SELECT count(*)::int AS n FROM follows f JOIN users u ON u.id = f.follower_id AND u.deleted_at IS NULL AND u.suspended_at IS NULL
      WHERE f.target_type = ${targetType} AND f.target_id = ${targetId}`);
    return rows[0]?.n ?? 0;
  },
  /**
   * Followers shown in lists: active accounts whose profile is not entirely private. Newest first;
   * keyset on (followedAt, followerId). Up to limit + 1 rows.
   */
  async followers(db: Db, targetType: FollowTarget, targetId: string, limit: number, after?: Cursor): Promise<FollowerRow[]> {
    const keyset = after ? sql`AND (f.created_at, f.follower_id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    return execRows<FollowerRow>(db, sql`
      SELECT u.id, u.handle, u.display_name, u.photo_key, u.privacy, f.created_at AS followed_at, ${exactTime('f.created_at')} AS cursor_at
      FROM follows f JOIN users u ON u.id = f.follower_id AND u.deleted_at IS NULL AND u.suspended_at IS NULL
      WHERE f.target_type = ${targetType} AND f.target_id = ${targetId}
        AND EXISTS (SELECT 1 FROM jsonb_each_text(u.privacy) v WHERE v.value <> 'private') ${keyset}
      ORDER BY f.created_at DESC, f.follower_id DESC LIMIT ${limit + 1}`);
  },
  /** What a person follows, newest first, with labels; keyset on (followedAt, "type:id"). Up to limit + 1 rows. */
  async following(db: Db, followerId: string, limit: number, after?: Cursor): Promise<FollowedRow[]> {
    const keyset = after ? sql`AND (f.created_at, f.target_type || ':' || f.target_id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    return execRows<FollowedRow>(db, sql`
      SELECT ${followedColumns} FROM follows f ${followedJoins}
      WHERE f.follower_id = ${followerId} ${keyset}
      ORDER BY f.created_at DESC, f.target_type || ':' || f.target_id DESC LIMIT ${limit + 1}`);
  },
  /** Everything a person follows (capped), for computing their feed. Targets gone or hidden have a null label. */
  async allFollowed(db: Db, followerId: string, cap = 1000): Promise<FollowedRow[]> {
    return execRows<FollowedRow>(db, sql`SELECT ${followedColumns} FROM follows f ${followedJoins} WHERE f.follower_id = ${followerId} ORDER BY f.created_at DESC LIMIT ${cap}`);
  },
};
