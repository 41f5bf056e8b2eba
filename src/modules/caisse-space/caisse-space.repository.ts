import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants, users } from '../auth/auth.tables.js';
import { projects } from '../projects/projects.tables.js';
import { needs } from '../needs/needs.tables.js';
import { pledges } from '../pledges/pledges.tables.js';
import { territories } from '../territories/territories.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { partnerships } from '../organisations/partners.tables.js';
import { reports } from '../moderation/moderation.tables.js';

export type NamedTerritory = { slug: string; nameFr: string; nameEn: string };
export type ProjectLine = { id: string; title: string; status: string; updatedAt: Date; promoterName: string; territory: NamedTerritory };
export type PledgeLine = { id: string; projectId: string; projectTitle: string; needTitle: string; supporterName: string | null; createdAt: Date; territory: NamedTerritory };
export type NeedLine = { id: string; projectId: string; projectTitle: string; title: string; kind: string; createdAt: Date; territory: NamedTerritory };
export type PersonLine = { handle: string; displayName: string };
export type PartnerLine = { slug: string; name: string; kind: string; since: Date };
export type ReportCount = NamedTerritory & { open: number };

const territoryCols = { slug: territories.slug, nameFr: territories.nameFr, nameEn: territories.nameEn };
const activeUser = and(isNull(users.deletedAt), isNull(users.suspendedAt));
const LIVE = ['published', 'in_progress'] as const;
const PUBLIC = ['published', 'in_progress', 'completed'] as const;

/** The staff space's reads; every one is bounded to the territories (or the caisse) given. */
export const caisseSpaceRepository = {
  /** Projects submitted for approval in these territories, oldest waiting first. */
  async submittedProjects(db: Db, territoryIds: string[], limit: number): Promise<ProjectLine[]> {
    if (!territoryIds.length) return [];
    return db
      .select({ id: projects.id, title: projects.title, status: projects.status, updatedAt: projects.updatedAt, promoterName: users.displayName, territory: territoryCols })
      .from(projects)
      .innerJoin(users, eq(users.id, projects.promoterId))
      .innerJoin(territories, eq(territories.id, projects.territoryId))
      .where(and(eq(projects.status, 'submitted'), inArray(projects.territoryId, territoryIds), isNull(projects.hiddenAt)))
      .orderBy(asc(projects.updatedAt), asc(projects.id))
      .limit(limit);
  },
  /** Pledges proposed before `before` and still unanswered by the project's team, oldest first. */
  async unansweredPledges(db: Db, territoryIds: string[], before: Date, limit: number): Promise<PledgeLine[]> {
    if (!territoryIds.length) return [];
    return db
      .select({ id: pledges.id, projectId: projects.id, projectTitle: projects.title, needTitle: needs.title, supporterName: users.displayName, createdAt: pledges.createdAt, territory: territoryCols })
      .from(pledges)
      .innerJoin(needs, eq(needs.id, pledges.needId))
      .innerJoin(projects, eq(projects.id, pledges.projectId))
      .innerJoin(territories, eq(territories.id, projects.territoryId))
      .leftJoin(users, eq(users.id, pledges.supporterId))
      .where(and(eq(pledges.status, 'proposed'), lt(pledges.createdAt, before), inArray(projects.territoryId, territoryIds)))
      .orderBy(asc(pledges.createdAt), asc(pledges.id))
      .limit(limit);
  },
  /** Open needs of live projects that nobody has pledged to yet, oldest first. */
  async unmatchedNeeds(db: Db, territoryIds: string[], limit: number): Promise<NeedLine[]> {
    if (!territoryIds.length) return [];
    return db
      .select({ id: needs.id, projectId: projects.id, projectTitle: projects.title, title: needs.title, kind: needs.kind, createdAt: needs.createdAt, territory: territoryCols })
      .from(needs)
      .innerJoin(projects, eq(projects.id, needs.projectId))
      .innerJoin(territories, eq(territories.id, projects.territoryId))
      .where(and(
        isNull(needs.closedAt), inArray(projects.status, [...LIVE]), isNull(projects.hiddenAt), inArray(projects.territoryId, territoryIds),
        sql`NOT EXISTS (SELECT 1 FROM pledges p WHERE p.need_id = ${needs.id} AND p.status IN ('proposed', 'accepted', 'fulfilled'))`,
      ))
      .orderBy(asc(needs.createdAt), asc(needs.id))
      .limit(limit);
  },
  /** Public projects the caisse sponsors (named as their caisse), newest first. */
  async sponsoredProjects(db: Db, caisseId: string, limit: number): Promise<ProjectLine[]> {
    return db
      .select({ id: projects.id, title: projects.title, status: projects.status, updatedAt: projects.updatedAt, promoterName: users.displayName, territory: territoryCols })
      .from(projects)
      .innerJoin(users, eq(users.id, projects.promoterId))
      .innerJoin(territories, eq(territories.id, projects.territoryId))
      .where(and(eq(projects.caisseId, caisseId), inArray(projects.status, [...PUBLIC]), isNull(projects.hiddenAt)))
      .orderBy(desc(projects.publishedAt), desc(projects.id))
      .limit(limit);
  },
  /** The caisse's staff (its public contacts): names and handles only. */
  async staffOf(db: Db, caisseId: string): Promise<PersonLine[]> {
    return db
      .selectDistinct({ handle: users.handle, displayName: users.displayName })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.caisseId, caisseId), inArray(roleGrants.role, ['staff', 'admin']), activeUser))
      .orderBy(asc(users.displayName), asc(users.handle))
      .limit(50);
  },
  /** Organisations in an active partnership with the caisse (signed its charter, not suspended, not hidden). */
  async activePartners(db: Db, caisseId: string, limit: number): Promise<PartnerLine[]> {
    return db
      .select({ slug: organisations.slug, name: organisations.name, kind: organisations.kind, since: partnerships.since })
      .from(partnerships)
      .innerJoin(organisations, eq(organisations.id, partnerships.organisationId))
      .where(and(eq(partnerships.caisseId, caisseId), eq(partnerships.status, 'active'), isNull(organisations.hiddenAt)))
      .orderBy(asc(organisations.name))
      .limit(limit);
  },
  /** Open reports per territory (the caisse's staff moderate them). */
  async openReports(db: Db, territoryIds: string[]): Promise<ReportCount[]> {
    if (!territoryIds.length) return [];
    const rows = await db
      .select({ ...territoryCols, open: sql<number>`count(${reports.id})::int` })
      .from(territories)
      .leftJoin(reports, and(eq(reports.territoryId, territories.id), eq(reports.status, 'open')))
      .where(inArray(territories.id, territoryIds))
      .groupBy(territories.id, territories.slug, territories.nameFr, territories.nameEn, territories.position)
      .orderBy(asc(territories.position), asc(territories.nameFr));
    return rows;
  },
};
