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
  sql`ARRAY(SELECT s FROM unnest(${column}) WITH ORDINALITY AS x(s, i) WHERE public.ec_unaccent(lower(btrim(s))) = ANY(${param(keys)}::text[]) ORDER BY i)`;
const skillPoints = (shared: SQL) => sql`least(cardinality(${shared}), ${WEIGHTS.maxSkills}) * ${WEIGHTS.skill}`;
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
      territoryId: r.territory_id, territory: { slug: r.slug, nameFr: r.name_fr, nameEn: r.name_en }, keys: r.keys, teamIds: r.team_ids,
    };
  },

  /**
   * Active offers of the need's kind or sharing one of its skills, best first. An offer listing no
   * territory serves its organisation's, or its owner's when the owner shows it to this viewer.
   */
  async offerCandidates(db: Db, need: NeedContext, signedIn: boolean, limit: number): Promise<CandidateRow[]> {
    const shared = sharedSkills(sql`o.skills`, need.keys);
    const serves = sql`(CASE WHEN cardinality(o.territory_ids) > 0 THEN ${need.territoryId} = ANY(o.territory_ids)
      WHEN o.organisation_id IS NOT NULL THEN org.territory_id IS NOT DISTINCT FROM ${need.territoryId}
      ELSE u.territory_id IS NOT DISTINCT FROM ${need.territoryId} AND ${visibleTo('territory', signedIn)} END)`;
    return execRows<CandidateRow>(db, sql`
      SELECT c.*, (CASE WHEN c.kind = ${need.kind} THEN ${WEIGHTS.sameKind} ELSE 0 END + ${skillPoints(sql`c.shared`)}
        + CASE WHEN c.same_territory THEN ${WEIGHTS.sameTerritory} ELSE 0 END + CASE WHEN c.partner THEN ${WEIGHTS.partner} ELSE 0 END)::int AS score
      FROM (
        SELECT o.id, o.kind, o.title, o.updated_at AS updated, ${exactTime(sql`o.updated_at`)} AS recency, ${shared} AS shared, ${serves} AS same_territory,
          u.handle, u.display_name, org.slug AS org_slug, org.name AS org_name, (org.charter_signed_at IS NOT NULL) AS partner
        FROM offers o JOIN users u ON u.id = o.owner_id LEFT JOIN organisations org ON org.id = o.organisation_id
        WHERE o.status = 'active' AND ${ACTIVE_USER} AND o.owner_id <> ALL(${param(need.teamIds)}::text[])
          AND o.organisation_id IS DISTINCT FROM ${need.projectOrganisationId}
          AND (o.kind = ${need.kind} OR ec_skill_keys(o.skills) && ${param(need.keys)}::text[])
      ) c
      ORDER BY score DESC, c.updated DESC, c.id ASC LIMIT ${limit}`);
  },

  /** People sharing one of the need's skills, when their skills are visible to this viewer; best first. */
  async personCandidates(db: Db, need: NeedContext, signedIn: boolean, limit: number): Promise<CandidateRow[]> {
    if (need.keys.length === 0) return [];
    const shared = sharedSkills(sql`u.skills`, need.keys);
    return execRows<CandidateRow>(db, sql`
      SELECT c.*, (${skillPoints(sql`c.shared`)} + CASE WHEN c.same_territory THEN ${WEIGHTS.sameTerritory} ELSE 0 END)::int AS score
      FROM (
        SELECT u.id, u.updated_at AS updated, ${exactTime(sql`u.updated_at`)} AS recency, ${shared} AS shared,
          (u.territory_id IS NOT DISTINCT FROM ${need.territoryId} AND ${visibleTo('territory', signedIn)}) AS same_territory,
          u.handle, u.display_name, NULL AS kind, NULL AS title, NULL AS org_slug, NULL AS org_name, false AS partner
        FROM users u
        WHERE ec_skill_keys(u.skills) && ${param(need.keys)}::text[] AND ${ACTIVE_USER} AND ${visibleTo('skills', signedIn)}
          AND u.id <> ALL(${param(need.teamIds)}::text[])
      ) c
      ORDER BY score DESC, c.updated DESC, c.id ASC LIMIT ${limit}`);
  },

  /**
   * Open needs of public projects that ask for one of this person's skills and are not yet met,
   * outside the projects they work on; the nearest and best-matching first, then the soonest deadline.
   */
  async needsForPerson(db: Db, userId: string, limit: number): Promise<NeedNearRow[]> {
    const me = await execRows<{ keys: string[]; territory_id: string | null }>(db, sql`SELECT ec_skill_keys(skills) AS keys, territory_id FROM users WHERE id = ${userId}`);
    const person = me[0];
    if (!person || person.keys.length === 0) return [];
    const shared = sharedSkills(sql`n.skills`, person.keys);
    return execRows<NeedNearRow>(db, sql`
      SELECT c.*, (${skillPoints(sql`c.shared`)} + CASE WHEN c.same_territory THEN ${WEIGHTS.sameTerritory} ELSE 0 END)::int AS score
      FROM (
        SELECT n.id, n.kind, n.title, n.deadline, n.created_at, p.id AS project_id, p.title AS project_title, ${shared} AS shared,
          (p.territory_id IS NOT DISTINCT FROM ${person.territory_id}) AS same_territory, t.slug AS territory_slug, t.name_fr AS territory_fr, t.name_en AS territory_en
        FROM needs n JOIN projects p ON p.id = n.project_id JOIN territories t ON t.id = p.territory_id
        WHERE ec_skill_keys(n.skills) && ${param(person.keys)}::text[] AND n.closed_at IS NULL AND p.status IN ('published', 'in_progress')
          AND p.promoter_id <> ${userId} AND NOT EXISTS (SELECT 1 FROM project_team pt WHERE pt.project_id = p.id AND pt.user_id = ${userId})
          AND n.quantity > (SELECT coalesce(sum(pl.quantity), 0) FROM pledges pl WHERE pl.need_id = n.id AND pl.status IN ('accepted', 'fulfilled'))
      ) c
      ORDER BY score DESC, c.deadline ASC NULLS LAST, c.created_at DESC, c.id ASC LIMIT ${limit}`);
  },
};
