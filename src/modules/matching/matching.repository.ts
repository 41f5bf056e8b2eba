import { param, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { NeedKind } from '../needs/needs.tables.js';
import { WEIGHTS } from './matching.score.js';

/** What matching needs to know about a need: its kind, its skills' keys, its project's place and team. */
export type NeedContext = {
  id: string;
  title: string;
  kind: NeedKind;
  projectId: string;
  projectTitle: string;
  projectOrganisationId: string | null;
  territoryId: string;
  territory: { slug: string; nameFr: string; nameEn: string };
  /** The need's skills, normalised like the index (lower case, no accents). */
  keys: string[];
  /** The project's team and promoter: never suggested to themselves. */
  teamIds: string[];
};

export type CandidateRow = {
  id: string; score: number; recency: string; shared: string[]; same_territory: boolean;
  handle: string; display_name: string;
  kind: NeedKind | null; title: string | null; org_slug: string | null; org_name: string | null; partner: boolean;
};

export type NeedNearRow = {
  id: string; kind: NeedKind; title: string; project_id: string; project_title: string; deadline: string | null; score: number;
  shared: string[]; same_territory: boolean; territory_slug: string; territory_fr: string; territory_en: string;
};

const exactTime = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** The skills of `column` shared with `keys`, in their owner's spelling and order. */
const sharedSkills = (column: SQL, keys: string[]) =>
  sql`ARRAY(SELECT s FROM unnest(${column}) WITH ORDINALITY AS x(s, i) WHERE public.ec_unaccent(lower(s)) = ANY(${param(keys)}::text[]) ORDER BY i)`;
/** Points for `count` shared skills, capped. */
const skillPoints = (count: SQL) => sql`least(${count}, ${WEIGHTS.maxSkills}) * ${WEIGHTS.skill}`;
/** Each key once (a person may write a skill twice), so a shared skill is counted once. */
const distinctKeys = (keys: string[]) => [...new Set(keys.filter((k) => k.length > 0))];

/** At most this many candidates per shared skill are ranked: the most recent ones (docs/adr/0007-matching.md). */
const CANDIDATES_PER_SKILL = 500;

type HitsSource = {
  table: 'users' | 'offers' | 'needs';
  alias: 'u' | 'o' | 'n';
  keys: string[];
  filter: SQL;
  /** More columns carried along (people: `updated_at`, booleans `home` and `ok`), saving a second lookup. */
  extra?: SQL;
  /** Caps each skill's candidates to the most recent ones, in this order. */
  recent?: SQL;
};

/**
 * `hits(id, n[, updated, home, ok])`: the rows holding each of the keys, counted per row. One query per
 * key, each planned with its own value: a rare skill is read through the GIN index on
 * `ec_skill_keys(skills)`, a very common one by walking the most recent rows. Counting shared skills
 * this way costs no unaccenting.
 */
function skillHits(h: HitsSource): SQL {
  if (h.keys.length === 0) return sql`hits AS (SELECT NULL::text AS id, 0 AS n WHERE false)`;
  const a = sql.raw(h.alias);
  const perKey = h.keys.map(
    (key) => sql`(SELECT ${a}.id${h.extra ?? sql``} FROM ${sql.raw(h.table)} ${a} WHERE ec_skill_keys(${a}.skills) @> ARRAY[${key}]::text[] AND ${h.filter}${h.recent ? sql` ORDER BY ${h.recent} LIMIT ${CANDIDATES_PER_SKILL}` : sql``})`,
  );
  const carried = h.extra ? sql`, max(x.updated_at) AS updated, bool_or(x.home) AS home, bool_and(x.ok) AS ok` : sql``;
  return sql`hits AS (SELECT x.id, count(*)::int AS n${carried} FROM (${sql.join(perKey, sql` UNION ALL `)}) x GROUP BY x.id)`;
}

/** A profile field this viewer may see: public, or members-only for a signed-in viewer. */
const visibleTo = (field: 'skills' | 'territory', signedIn: boolean) =>
  signedIn ? sql`u.privacy->>${field} IN ('public', 'members')` : sql`u.privacy->>${field} = 'public'`;
const ACTIVE_USER = sql`u.deleted_at IS NULL AND u.suspended_at IS NULL`;

export const matchingRepository = {
  async needContext(db: Db, needId: string): Promise<NeedContext | undefined> {
    const rows = await execRows<{ id: string; title: string; kind: NeedKind; project_id: string; project_title: string; organisation_id: string | null; territory_id: string; slug: string; name_fr: string; name_en: string; keys: string[]; team_ids: string[] }>(db, sql`
      SELECT n.id, n.title, n.kind, p.id AS project_id, p.title AS project_title, p.organisation_id, p.territory_id, t.slug, t.name_fr, t.name_en, ec_skill_keys(n.skills) AS keys,
        ARRAY(SELECT pt.user_id FROM project_team pt WHERE pt.project_id = p.id UNION SELECT p.promoter_id) AS team_ids
      FROM needs n JOIN projects p ON p.id = n.project_id JOIN territories t ON t.id = p.territory_id WHERE n.id = ${needId}`);
    const r = rows[0];
    return r && {
      id: r.id, title: r.title, kind: r.kind, projectId: r.project_id, projectTitle: r.project_title, projectOrganisationId: r.organisation_id,
      territoryId: r.territory_id, territory: { slug: r.slug, nameFr: r.name_fr, nameEn: r.name_en }, keys: distinctKeys(r.keys), teamIds: r.team_ids,
    };
  },

  /**
   * Active offers of the need's kind or sharing one of its skills, best first. An offer listing no
   * territory serves its organisation's, or its owner's when the owner shows it to this viewer.
   */
  async offerCandidates(db: Db, need: NeedContext, signedIn: boolean, limit: number): Promise<CandidateRow[]> {
    const keys = param(need.keys);
    const serves = sql`(CASE WHEN cardinality(o.territory_ids) > 0 THEN ${need.territoryId} = ANY(o.territory_ids)
      WHEN o.organisation_id IS NOT NULL THEN org.territory_id IS NOT DISTINCT FROM ${need.territoryId}
      ELSE u.territory_id IS NOT DISTINCT FROM ${need.territoryId} AND ${visibleTo('territory', signedIn)} END)`;
    return execRows<CandidateRow>(db, sql`
      WITH ${skillHits({ table: 'offers', alias: 'o', keys: need.keys, filter: sql`o.status = 'active'` })},
      ranked AS (
        SELECT o.id, o.kind, o.updated_at AS updated, ${serves} AS same_territory, (org.charter_signed_at IS NOT NULL) AS partner,
          (CASE WHEN o.kind = ${need.kind} THEN ${WEIGHTS.sameKind} ELSE 0 END + ${skillPoints(sql`coalesce(h.n, 0)`)}
            + CASE WHEN ${serves} THEN ${WEIGHTS.sameTerritory} ELSE 0 END + CASE WHEN org.charter_signed_at IS NOT NULL THEN ${WEIGHTS.partner} ELSE 0 END)::int AS score
        FROM offers o JOIN users u ON u.id = o.owner_id LEFT JOIN organisations org ON org.id = o.organisation_id LEFT JOIN hits h ON h.id = o.id
        WHERE o.status = 'active' AND o.hidden_at IS NULL AND (org.id IS NULL OR org.hidden_at IS NULL) AND (o.kind = ${need.kind} OR ec_skill_keys(o.skills) && ${keys}::text[]) AND ${ACTIVE_USER}
          AND o.owner_id <> ALL(${param(need.teamIds)}::text[])${need.projectOrganisationId ? sql` AND o.organisation_id IS DISTINCT FROM ${need.projectOrganisationId}` : sql``}
        ORDER BY score DESC, updated DESC, o.id ASC LIMIT ${limit}
      )
      SELECT r.id, r.kind, r.score, r.same_territory, r.partner, ${exactTime(sql`r.updated`)} AS recency, o.title, ${sharedSkills(sql`o.skills`, need.keys)} AS shared,
        u.handle, u.display_name, org.slug AS org_slug, org.name AS org_name
      FROM ranked r JOIN offers o ON o.id = r.id JOIN users u ON u.id = o.owner_id LEFT JOIN organisations org ON org.id = o.organisation_id
      ORDER BY r.score DESC, r.updated DESC, r.id ASC`);
  },

  /**
   * People sharing one of the need's skills, when their skills are visible to this viewer; best first.
   * Whether each may be shown (`ok`) is decided after the per-skill cap, which keeps the planner's
   * estimate of each skill's holders right (it has statistics for skills, not for privacy settings).
   */
  async personCandidates(db: Db, need: NeedContext, signedIn: boolean, limit: number): Promise<CandidateRow[]> {
    if (need.keys.length === 0) return [];
    const home = sql`(u.territory_id IS NOT DISTINCT FROM ${need.territoryId} AND ${visibleTo('territory', signedIn)})`;
    const ok = sql`(${ACTIVE_USER} AND ${visibleTo('skills', signedIn)} AND u.id <> ALL(${param(need.teamIds)}::text[]))`;
    return execRows<CandidateRow>(db, sql`
      WITH ${skillHits({ table: 'users', alias: 'u', keys: need.keys, filter: sql`true`, extra: sql`, u.updated_at, ${home} AS home, ${ok} AS ok`, recent: sql`u.updated_at DESC, u.id` })},
      ranked AS (
        SELECT h.id, h.updated, h.home AS same_territory, (${skillPoints(sql`h.n`)} + CASE WHEN h.home THEN ${WEIGHTS.sameTerritory} ELSE 0 END)::int AS score
        FROM hits h WHERE h.ok ORDER BY score DESC, h.updated DESC, h.id ASC LIMIT ${limit}
      )
      SELECT r.id, r.score, r.same_territory, false AS partner, ${exactTime(sql`r.updated`)} AS recency, ${sharedSkills(sql`u.skills`, need.keys)} AS shared,
        u.handle, u.display_name, NULL AS kind, NULL AS title, NULL AS org_slug, NULL AS org_name
      FROM ranked r JOIN users u ON u.id = r.id
      ORDER BY r.score DESC, r.updated DESC, r.id ASC`);
  },

  /**
   * Open needs of public projects that ask for one of this person's skills and are not yet met,
   * outside the projects they work on; the nearest and best-matching first, then the soonest deadline.
   */
  async needsForPerson(db: Db, userId: string, limit: number): Promise<NeedNearRow[]> {
    const me = await execRows<{ keys: string[]; territory_id: string | null }>(db, sql`SELECT ec_skill_keys(skills) AS keys, territory_id FROM users WHERE id = ${userId}`);
    const person = me[0] && { keys: distinctKeys(me[0].keys), territory_id: me[0].territory_id };
    if (!person || person.keys.length === 0) return [];
    const home = sql`p.territory_id IS NOT DISTINCT FROM ${person.territory_id}`;
    return execRows<NeedNearRow>(db, sql`
      WITH ${skillHits({ table: 'needs', alias: 'n', keys: person.keys, filter: sql`n.closed_at IS NULL`, recent: sql`n.created_at DESC, n.id` })},
      ranked AS (
        SELECT n.id, n.deadline, n.created_at, ${home} AS same_territory,
          (${skillPoints(sql`h.n`)} + CASE WHEN ${home} THEN ${WEIGHTS.sameTerritory} ELSE 0 END)::int AS score
        FROM hits h JOIN needs n ON n.id = h.id JOIN projects p ON p.id = n.project_id
          CROSS JOIN LATERAL (SELECT coalesce(sum(pl.quantity), 0) AS taken FROM pledges pl WHERE pl.need_id = h.id AND pl.status IN ('accepted', 'fulfilled')) pledged
        WHERE p.status IN ('published', 'in_progress') AND p.hidden_at IS NULL AND p.promoter_id <> ${userId} AND n.quantity > pledged.taken
          AND NOT EXISTS (SELECT 1 FROM project_team pt WHERE pt.project_id = p.id AND pt.user_id = ${userId})
        ORDER BY score DESC, n.deadline ASC NULLS LAST, n.created_at DESC, n.id ASC LIMIT ${limit}
      )
      SELECT r.id, r.score, r.same_territory, r.deadline, n.kind, n.title, p.id AS project_id, p.title AS project_title, ${sharedSkills(sql`n.skills`, person.keys)} AS shared,
        t.slug AS territory_slug, t.name_fr AS territory_fr, t.name_en AS territory_en
      FROM ranked r JOIN needs n ON n.id = r.id JOIN projects p ON p.id = n.project_id JOIN territories t ON t.id = p.territory_id
      ORDER BY r.score DESC, r.deadline ASC NULLS LAST, r.created_at DESC, r.id ASC`);
  },
};
