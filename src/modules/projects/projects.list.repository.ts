import { sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { ProjectCategory, ProjectStatus } from './projects.tables.js';
import type { ProjectCardRow } from './projects.types.js';
import type { ProjectFilters } from './projects.schemas.js';

type RawCard = {
  id: string; title: string; summary: string; category: ProjectCategory; status: ProjectStatus; language: 'fr' | 'en'; published_at: Date | string | null; cursor_at: string | null;
  territory_slug: string; name_fr: string; name_en: string; cover_key: string | null; cover_alt: string | null; cover_width: number | null; cover_height: number | null; rank: string | null; excerpt: string | null;
};

export type ListPosition = { at: string; id: string; rank?: string | undefined };

const PUBLIC = sql`p.status IN ('published', 'in_progress', 'completed')`;
const tsQuery = (q: string) => sql`(websearch_to_tsquery('ec_french', ${q}) || websearch_to_tsquery('ec_english', ${q}))`;
const rankOf = (q: string) => sql`round(ts_rank(p.search_vector, ${tsQuery(q)})::numeric, 6)`;
/** Summary + description without Markdown punctuation, escaped first, so the only markup in an excerpt is <mark>. */
const escapedText = (summary: SQL, description: SQL) =>
  sql`replace(replace(replace(${summary} || ' — ' || regexp_replace(regexp_replace(${description}, '\\]\\([^)]*\\)', ' ', 'g'), '[]*_#\`>|~[]+', ' ', 'g'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
const headline = (q: string, summary: SQL, description: SQL) =>
  sql`ts_headline('ec_french', ${escapedText(summary, description)}, ${tsQuery(q)}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`;

/** Projects in a territory or any territory below it. */
const inTerritory = (slug: string) => sql`p.territory_id IN (
  WITH RECURSIVE sub(id) AS (SELECT id FROM territories WHERE slug = ${slug} UNION ALL SELECT t.id FROM territories t JOIN sub ON t.parent_id = sub.id)
  SELECT id FROM sub)`;

/** Projects with at least one need of that kind that is neither closed nor met. */
/** A need still asking for help, as `isOpenForHelp(needStatus(…))` says: not closed, and accepted + proposed help short of it. */
const withOpenNeed = (kind: string) => sql`EXISTS (
  SELECT 1 FROM needs n WHERE n.project_id = p.id AND n.kind = ${kind} AND n.closed_at IS NULL
    AND n.quantity > (SELECT coalesce(sum(pl.quantity), 0) FROM pledges pl WHERE pl.need_id = n.id AND pl.status IN ('proposed', 'accepted', 'fulfilled')))`;

function conditions(filters: ProjectFilters): SQL[] {
  // hidden_at is tested on rows the partial index already selected (docs/performance.md).
  const where: SQL[] = [PUBLIC, sql`p.published_at IS NOT NULL`, sql`p.hidden_at IS NULL`];
  if (filters.territory) where.push(inTerritory(filters.territory));
  if (filters.category) where.push(sql`p.category = ${filters.category}`);
  if (filters.status) where.push(sql`p.status = ${filters.status}`);
  if (filters.needKind) where.push(withOpenNeed(filters.needKind));
  if (filters.q) where.push(sql`p.search_vector @@ ${tsQuery(filters.q)}`);
  return where;
}

const cardColumns = sql`p.id, p.title, p.summary, p.category, p.status, p.language, p.published_at,
  to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
  t.slug AS territory_slug, t.name_fr, t.name_en,
  c.storage_key AS cover_key, c.alt AS cover_alt, c.width AS cover_width, c.height AS cover_height`;

const coverJoin = sql`JOIN territories t ON t.id = p.territory_id
  LEFT JOIN LATERAL (SELECT i.storage_key, i.alt, i.width, i.height FROM project_images i WHERE i.project_id = p.id
    ORDER BY (i.id = p.cover_image_id) DESC, i.position, i.created_at LIMIT 1) c ON true`;

function toCard(r: RawCard): ProjectCardRow {
  return {
    id: r.id, title: r.title, summary: r.summary, category: r.category, status: r.status, language: r.language,
    publishedAt: r.published_at === null ? null : new Date(r.published_at), cursorAt: r.cursor_at,
    territorySlug: r.territory_slug, territoryNameFr: r.name_fr, territoryNameEn: r.name_en,
    cover: r.cover_key ? { storageKey: r.cover_key, alt: r.cover_alt ?? '', width: r.cover_width ?? 0, height: r.cover_height ?? 0 } : null,
    rank: r.rank === null || r.rank === undefined ? null : String(r.rank), excerpt: r.excerpt ?? null,
  };
}

export const projectsListRepository = {
  /**
   * Public projects, newest published first; with `q`, the best matches first (rank, then recency)
   * with a highlighted excerpt. Keyset: the cursor is the last row's (rank,) publishedAt and id.
   * Returns up to limit + 1 rows so the caller knows whether there is a next page.
   */
  async list(db: Db, filters: ProjectFilters, limit: number, after?: ListPosition): Promise<ProjectCardRow[]> {
    const where = conditions(filters);
    const q = filters.q;
    if (!q) {
      if (after) where.push(sql`(p.published_at, p.id) < (${after.at}::timestamptz, ${after.id})`);
      const rows = await execRows<RawCard>(db, sql`
        SELECT ${cardColumns}, NULL AS rank, NULL AS excerpt FROM projects p ${coverJoin}
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY p.published_at DESC, p.id DESC LIMIT ${limit + 1}`);
      return rows.map(toCard);
    }
    if (after) where.push(sql`(${rankOf(q)}, p.published_at, p.id) < (${after.rank ?? '0'}::numeric, ${after.at}::timestamptz, ${after.id})`);
    // Rank and limit on projects alone, then join the territory, cover and excerpt for the page only.
    const rows = await execRows<RawCard>(db, sql`
      SELECT ${cardColumns}, page.rank::text AS rank, ${headline(q, sql`p.summary`, sql`p.description`)} AS excerpt FROM (
        SELECT p.id, ${rankOf(q)} AS rank FROM projects p
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY ${rankOf(q)} DESC, p.published_at DESC, p.id DESC LIMIT ${limit + 1}
      ) page JOIN projects p ON p.id = page.id ${coverJoin}
      ORDER BY page.rank DESC, p.published_at DESC, p.id DESC`);
    return rows.map(toCard);
  },

  /** A territory's public projects (its page's list), newest first. */
  async byTerritory(db: Db, territoryId: string, limit: number): Promise<ProjectCardRow[]> {
    const rows = await execRows<RawCard>(db, sql`
      SELECT ${cardColumns}, NULL AS rank, NULL AS excerpt FROM projects p ${coverJoin}
      WHERE ${PUBLIC} AND p.hidden_at IS NULL AND p.territory_id = ${territoryId}
      ORDER BY p.published_at DESC NULLS LAST, p.id DESC LIMIT ${limit}`);
    return rows.map(toCard);
  },

  /** The projects an actor works on (any status), and submitted ones waiting for approval in these territories. */
  async forActor(db: Db, userId: string, reviewTerritoryIds: readonly string[]): Promise<ProjectCardRow[]> {
    const waiting = reviewTerritoryIds.length
      ? sql` OR (p.status = 'submitted' AND p.territory_id IN (${sql.join(reviewTerritoryIds.map((id) => sql`${id}`), sql`, `)}))`
      : sql``;
    const rows = await execRows<RawCard>(db, sql`
      SELECT ${cardColumns}, NULL AS rank, NULL AS excerpt FROM projects p ${coverJoin}
      WHERE p.status <> 'archived' AND (p.id IN (SELECT project_id FROM project_team WHERE user_id = ${userId})${waiting})
      ORDER BY p.updated_at DESC, p.id DESC LIMIT 50`);
    return rows.map(toCard);
  },
};
