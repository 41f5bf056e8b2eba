import { param, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import type { ActivityRow } from './feed.types.js';

export type { ActivityRow };

const exactTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * The keys a feed selects activities on (fan-out on read, docs/adr/0008-feed.md). `territoryIds` are
 * roots: the query adds every territory below them.
 */
export type FeedKeys = { projectIds: string[]; actorIds: string[]; organisationIds: string[]; territoryIds: string[]; boardIds: string[] };
export type TerritoryNameRow = { id: string; root_id: string; slug: string; name_fr: string; name_en: string };

const DESCENDANTS = (roots: SQL) => sql`WITH RECURSIVE t(id, root_id, depth) AS (
    SELECT id, id, 0 FROM territories WHERE id = ANY(${roots})
    UNION ALL SELECT c.id, t.root_id, t.depth + 1 FROM territories c JOIN t ON c.parent_id = t.id WHERE t.depth < 4)`;


/**
 * What a reader may see of an activity: not hidden by moderation, its project public and not hidden,
 * its update not hidden, its offer still active, its board public, its actor not suspended (back on unsuspension). Checked row by row inside each
 * index scan, so a page is always full when enough visible rows exist.
 */
const VISIBLE = sql.raw(`a.hidden_at IS NULL
  AND (a.project_id IS NULL OR EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id AND p.hidden_at IS NULL AND p.status IN ('published','in_progress','completed')))
  AND (a.subject_type <> 'update' OR NOT EXISTS (SELECT 1 FROM project_updates pu WHERE pu.id = a.subject_id AND pu.hidden_at IS NOT NULL))
  AND (a.subject_type <> 'offer' OR EXISTS (SELECT 1 FROM offers o WHERE o.id = a.subject_id AND o.status = 'active'))
  AND (a.subject_type <> 'board' OR EXISTS (SELECT 1 FROM boards b WHERE b.id = a.subject_id AND b.hidden_at IS NULL AND b.visibility = 'public'))
  AND (a.subject_type <> 'call' OR EXISTS (SELECT 1 FROM calls c WHERE c.id = a.subject_id AND (c.phase <> 'draft' OR c.published_at IS NOT NULL)))
  AND (a.actor_id IS NULL OR NOT EXISTS (SELECT 1 FROM users su WHERE su.id = a.actor_id AND su.suspended_at IS NOT NULL))`);

const COLUMNS = sql.raw('a.id, a.kind, a.actor_id, a.subject_type, a.subject_id, a.project_id, a.territory_id, a.organisation_id, a.data, a.created_at');

/**
 * One index scan per followed key, each stopped after `take` visible rows: the partial indexes
 * (key, created_at DESC, id DESC) WHERE hidden_at IS NULL serve them whatever the table's size.
 */
function perKey(column: 'project_id' | 'actor_id' | 'organisation_id' | 'territory_id', ids: string[] | SQL, keyset: SQL, take: number): SQL | null {
  if (Array.isArray(ids) && ids.length === 0) return null;
  const keys = Array.isArray(ids) ? sql`unnest(${param(ids)}::text[])` : ids;
  return sql`SELECT x.* FROM ${keys} AS k(id) CROSS JOIN LATERAL (
    SELECT ${COLUMNS} FROM activities a WHERE a.${sql.raw(column)} = k.id AND ${VISIBLE} ${keyset}
    ORDER BY a.created_at DESC NULLS LAST, a.id DESC NULLS LAST LIMIT ${take}) x`;
}

/**
 * Calls that opened in the reader's places: a call is open to several territories, so its one
 * activity is found through `call_territories` for each place `k` (the call is for `k` or a place
 * above it, up to 4 levels), and reports `k` as its territory so the item says why it is shown.
 */
function openedCalls(places: SQL, keyset: SQL, take: number): SQL {
  const cols = sql.raw('a.id, a.kind, a.actor_id, a.subject_type, a.subject_id, a.project_id, k.id AS territory_id, a.organisation_id, a.data, a.created_at');
  return sql`SELECT x.* FROM ${places} AS k(id) CROSS JOIN LATERAL (
    SELECT ${cols} FROM activities a
    WHERE a.subject_type = 'call' AND a.kind = 'call_opened' AND a.subject_id IN (
      SELECT ct.call_id FROM call_territories ct WHERE ct.territory_id IN (
        SELECT unnest(ARRAY[t0.id, t1.id, t2.id, t3.id, t4.id]) FROM territories t0
        LEFT JOIN territories t1 ON t1.id = t0.parent_id LEFT JOIN territories t2 ON t2.id = t1.parent_id
        LEFT JOIN territories t3 ON t3.id = t2.parent_id LEFT JOIN territories t4 ON t4.id = t3.parent_id
        WHERE t0.id = k.id))
      AND ${VISIBLE} ${keyset}
    ORDER BY a.created_at DESC NULLS LAST, a.id DESC NULLS LAST LIMIT ${take}) x`;
}

export const feedRepository = {
  /** Newest visible activities filed under any of the keys, deduplicated; keyset on (createdAt, id). Up to `take` rows. */
  async page(db: Db, keys: FeedKeys, take: number, after?: Cursor): Promise<ActivityRow[]> {
    const keyset = after ? sql`AND (a.created_at, a.id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    const parts = [
      perKey('project_id', keys.projectIds, keyset, take),
      perKey('actor_id', keys.actorIds, keyset, take),
      perKey('organisation_id', keys.organisationIds, keyset, take),
      keys.territoryIds.length ? perKey('territory_id', sql`(${DESCENDANTS(sql`${param(keys.territoryIds)}::text[]`)} SELECT DISTINCT id FROM t)`, keyset, take) : null,
      keys.territoryIds.length ? openedCalls(sql`(${DESCENDANTS(sql`${param(keys.territoryIds)}::text[]`)} SELECT DISTINCT id FROM t)`, keyset, take) : null,
      keys.boardIds.length
        ? sql`SELECT x.* FROM unnest(${param(keys.boardIds)}::text[]) AS k(id) CROSS JOIN LATERAL (
            SELECT ${COLUMNS} FROM activities a WHERE a.subject_type = 'board' AND a.subject_id = k.id AND ${VISIBLE} ${keyset}
            ORDER BY a.created_at DESC NULLS LAST, a.id DESC NULLS LAST LIMIT ${take}) x`
        : null,
    ].filter((p): p is SQL => p !== null);
    if (parts.length === 0) return [];
    return execRows<ActivityRow>(db, sql`
      SELECT f.*, ${exactTime('f.created_at')} AS cursor_at, u.handle AS actor_handle, u.display_name AS actor_name
      FROM (SELECT DISTINCT ON (m.created_at, m.id) m.* FROM (${sql.join(parts, sql` UNION ALL `)}) m ORDER BY m.created_at DESC, m.id DESC LIMIT ${take}) f
      LEFT JOIN users u ON u.id = f.actor_id AND u.deleted_at IS NULL AND u.suspended_at IS NULL
      ORDER BY f.created_at DESC, f.id DESC`);
  },
  /** The territories and every territory below them, named, each with the root it was reached from. */
  async withDescendants(db: Db, ids: string[]): Promise<TerritoryNameRow[]> {
    if (ids.length === 0) return [];
    return execRows<TerritoryNameRow>(db, sql`${DESCENDANTS(sql`${param(ids)}::text[]`)}
      SELECT t.id, t.root_id, tt.slug, tt.name_fr, tt.name_en FROM t JOIN territories tt ON tt.id = t.id`);
  },
  /** A person's home territory, named. */
  async homeTerritory(db: Db, userId: string): Promise<{ id: string; slug: string; name_fr: string; name_en: string } | undefined> {
    return (await execRows<{ id: string; slug: string; name_fr: string; name_en: string }>(db, sql`SELECT t.id, t.slug, t.name_fr, t.name_en FROM users u JOIN territories t ON t.id = u.territory_id WHERE u.id = ${userId}`))[0];
  },
  async territoryBySlug(db: Db, slug: string): Promise<{ id: string; slug: string; name_fr: string; name_en: string } | undefined> {
    return (await execRows<{ id: string; slug: string; name_fr: string; name_en: string }>(db, sql`SELECT id, slug, name_fr, name_en FROM territories WHERE slug = ${slug}`))[0];
  },
};
