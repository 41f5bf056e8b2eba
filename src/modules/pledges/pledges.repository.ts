import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Cursor } from '../../platform/pagination.js';
import { users } from '../auth/auth.tables.js';
import { needs } from '../needs/needs.tables.js';
import { organisationMembers, organisations, SPEAKING_ROLES } from '../organisations/organisations.tables.js';
import { partnerships } from '../organisations/partners.tables.js';
import { projects, projectTeam } from '../projects/projects.tables.js';
import { HOLDING_STATUSES, pledgeEvents, pledges, type PledgeStatus } from './pledges.tables.js';
import type { NeedTarget, Partner, PledgeDetail, PledgeRow, ProjectTarget } from './pledges.types.js';
import { OPEN_STATUSES } from './pledges.limits.js';

export type NewPledge = typeof pledges.$inferInsert;
export type { PledgeRow, PledgeDetail } from './pledges.types.js';
/**
 * The creation event records the supporter's choice to be named on the project page (pledges has
 * no column for it): `from_status = 'new'` and this note.
 */
export const CREATION_FROM = 'new';

const needTarget = { id: needs.id, projectId: needs.projectId, kind: needs.kind, title: needs.title, quantity: needs.quantity, unit: needs.unit, materialMode: needs.materialMode, closedAt: needs.closedAt };
const projectTarget = { id: projects.id, title: projects.title, status: projects.status, territoryId: projects.territoryId, caisseId: projects.caisseId, hiddenAt: projects.hiddenAt };

const detailColumns = {
  pledge: pledges,
  need: { id: needs.id, title: needs.title, kind: needs.kind, unit: needs.unit, materialMode: needs.materialMode, quantity: needs.quantity },
  project: projectTarget,
  supporter: { id: users.id, handle: users.handle, displayName: users.displayName, email: users.email, locale: users.locale, deletedAt: users.deletedAt },
  organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name },
  showName: pledges.showName,
};

function detailQuery(db: Db) {
  return db
    .select(detailColumns)
    .from(pledges)
    .innerJoin(needs, eq(needs.id, pledges.needId))
    .innerJoin(projects, eq(projects.id, pledges.projectId))
    .leftJoin(users, eq(users.id, pledges.supporterId))
    .leftJoin(organisations, eq(organisations.id, pledges.organisationId));
}
type RawDetail = Awaited<ReturnType<ReturnType<typeof detailQuery>['execute']>>[number];

const toDetail = (r: RawDetail): PledgeDetail => ({ ...r.pledge, need: r.need, project: r.project, supporter: r.supporter, organisation: r.organisation, showName: Boolean(r.showName) });

const newestFirst = [desc(pledges.createdAt), desc(pledges.id)];
const before = (cursor: Cursor | undefined): SQL | undefined =>
  cursor ? or(lt(pledges.createdAt, new Date(cursor.at)), and(eq(pledges.createdAt, new Date(cursor.at)), lt(pledges.id, cursor.id))) : undefined;

export type ListOptions = { statuses?: readonly PledgeStatus[] | undefined; limit: number; cursor?: Cursor | undefined };
const statusIn = (statuses: readonly PledgeStatus[] | undefined) => (statuses?.length ? inArray(pledges.status, [...statuses]) : undefined);

export const pledgesRepository = {
  /** The need and its project, without locking (pages, early checks). */
  async target(db: Db, needId: string): Promise<{ need: NeedTarget; project: ProjectTarget } | undefined> {
    const rows = await db.select({ need: needTarget, project: projectTarget }).from(needs).innerJoin(projects, eq(projects.id, needs.projectId)).where(eq(needs.id, needId)).limit(1);
    return rows[0];
  },
  /** SELECT … FROM needs WHERE id = $1 FOR UPDATE: concurrent pledges to one need queue here. */
  async lockNeed(db: Db, needId: string): Promise<NeedTarget | undefined> {
    const rows = await db.select(needTarget).from(needs).where(eq(needs.id, needId)).for('update').limit(1);
    return rows[0];
  },
  /** What the proposed, accepted and fulfilled pledges of a need hold. */
  async heldQuantity(db: Db, needId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`coalesce(sum(${pledges.quantity}), 0)::int` }).from(pledges).where(and(eq(pledges.needId, needId), inArray(pledges.status, [...HOLDING_STATUSES])));
    return Number(rows[0]?.n ?? 0);
  },
  /** This person's proposed or accepted pledges to this need (the per-person cap). */
  async openCountBy(db: Db, needId: string, supporterId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(pledges).where(and(eq(pledges.needId, needId), eq(pledges.supporterId, supporterId), inArray(pledges.status, [...OPEN_STATUSES])));
    return Number(rows[0]?.n ?? 0);
  },
  async project(db: Db, projectId: string): Promise<ProjectTarget | undefined> {
    const rows = await db.select(projectTarget).from(projects).where(eq(projects.id, projectId)).limit(1);
    return rows[0];
  },
  /** Among these projects, the ones whose team this person is on. */
  async teamProjectIds(db: Db, userId: string, projectIds: string[]): Promise<Set<string>> {
    if (projectIds.length === 0) return new Set();
    const rows = await db.select({ id: projectTeam.projectId }).from(projectTeam).where(and(eq(projectTeam.userId, userId), inArray(projectTeam.projectId, projectIds)));
    return new Set(rows.map((r) => r.id));
  },
  async isTeam(db: Db, projectId: string, userId: string): Promise<boolean> {
    const rows = await db.select({ userId: projectTeam.userId }).from(projectTeam).where(and(eq(projectTeam.projectId, projectId), eq(projectTeam.userId, userId))).limit(1);
    return rows.length > 0;
  },
  async teamIds(db: Db, projectId: string): Promise<string[]> {
    const rows = await db.select({ userId: projectTeam.userId }).from(projectTeam).where(eq(projectTeam.projectId, projectId)).orderBy(asc(projectTeam.createdAt));
    return rows.map((r) => r.userId);
  },
  /**
   * Partner organisations this person speaks for (owner or representative) with an active
   * partnership with one of these caisses (those serving the project's territory); `null` = any caisse.
   */
  async representedPartners(db: Db, userId: string, caisseIds: readonly string[] | null): Promise<Partner[]> {
    if (caisseIds?.length === 0) return [];
    const partnered = db
      .selectDistinct({ organisationId: partnerships.organisationId })
      .from(partnerships)
      .where(and(eq(partnerships.status, 'active'), caisseIds ? inArray(partnerships.caisseId, [...caisseIds]) : undefined));
    return db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(and(eq(organisationMembers.userId, userId), inArray(organisationMembers.role, [...SPEAKING_ROLES]), isNotNull(organisations.charterSignedAt), inArray(organisations.id, partnered)))
      .orderBy(asc(organisations.name));
  },
  async insert(db: Db, row: NewPledge): Promise<PledgeRow> {
    const [created] = await db.insert(pledges).values(row).returning();
    return created!;
  },
  async insertEvent(db: Db, row: { pledgeId: string; actorId: string | null; fromStatus: string; toStatus: string; note?: string; createdAt?: Date }): Promise<void> {
    await db.insert(pledgeEvents).values({ id: newId(), note: '', ...row });
  },
  /** The pledge row, locked until the caller's transaction ends (transitions). */
  async lock(db: Db, id: string): Promise<PledgeRow | undefined> {
    const rows = await db.select().from(pledges).where(eq(pledges.id, id)).for('update').limit(1);
    return rows[0];
  },
  async update(db: Db, id: string, patch: Partial<NewPledge>): Promise<void> {
    await db.update(pledges).set({ ...patch, updatedAt: new Date() }).where(eq(pledges.id, id));
  },
  async detail(db: Db, id: string): Promise<PledgeDetail | undefined> {
    const rows = await detailQuery(db).where(eq(pledges.id, id)).limit(1);
    return rows[0] ? toDetail(rows[0]) : undefined;
  },
  async details(db: Db, ids: string[]): Promise<PledgeDetail[]> {
    if (ids.length === 0) return [];
    return (await detailQuery(db).where(inArray(pledges.id, ids)).orderBy(...newestFirst)).map(toDetail);
  },
  /** Pledges a person made, newest first (limit + 1 rows for keyset pagination). */
  async listBySupporter(db: Db, userId: string, o: ListOptions): Promise<PledgeDetail[]> {
    const rows = await detailQuery(db).where(and(eq(pledges.supporterId, userId), statusIn(o.statuses), before(o.cursor))).orderBy(...newestFirst).limit(o.limit + 1);
    return rows.map(toDetail);
  },
  /** Pledges to the projects whose team this person is on (the promoter's inbox). */
  async listReceived(db: Db, userId: string, o: ListOptions): Promise<PledgeDetail[]> {
    const mine = db.select({ id: projectTeam.projectId }).from(projectTeam).where(eq(projectTeam.userId, userId));
    const rows = await detailQuery(db).where(and(inArray(pledges.projectId, mine), statusIn(o.statuses), before(o.cursor))).orderBy(...newestFirst).limit(o.limit + 1);
    return rows.map(toDetail);
  },
  /** A project's pledges for the API, newest first, keyset-paged (limit + 1 rows). */
  async pageByProject(db: Db, projectId: string, o: { statuses: readonly PledgeStatus[] | undefined; limit: number; cursor: Cursor | undefined }): Promise<PledgeDetail[]> {
    const rows = await detailQuery(db).where(and(eq(pledges.projectId, projectId), statusIn(o.statuses), before(o.cursor))).orderBy(...newestFirst).limit(o.limit + 1);
    return rows.map(toDetail);
  },
  async listByProject(db: Db, projectId: string, statuses?: readonly PledgeStatus[]): Promise<PledgeDetail[]> {
    const rows = await detailQuery(db).where(and(eq(pledges.projectId, projectId), statusIn(statuses))).orderBy(asc(needs.position), ...newestFirst).limit(500);
    return rows.map(toDetail);
  },
  async events(db: Db, pledgeId: string) {
    return db
      .select({ id: pledgeEvents.id, fromStatus: pledgeEvents.fromStatus, toStatus: pledgeEvents.toStatus, note: pledgeEvents.note, createdAt: pledgeEvents.createdAt, actorId: pledgeEvents.actorId, actorName: users.displayName, actorHandle: users.handle, actorDeletedAt: users.deletedAt })
      .from(pledgeEvents)
      .leftJoin(users, eq(users.id, pledgeEvents.actorId))
      .where(eq(pledgeEvents.pledgeId, pledgeId))
      .orderBy(asc(pledgeEvents.createdAt), asc(pledgeEvents.id));
  },
  /**
   * One UPDATE … RETURNING: every proposed or accepted pledge whose end (else start) date is before
   * the cutoff day becomes lapsed; rows another transaction holds are left for the next run.
   */
  async lapseBefore(db: Db, cutoff: string): Promise<{ id: string; fromStatus: PledgeStatus }[]> {
    const rows = await execRows<{ id: string; from_status: PledgeStatus }>(db, sql`
      WITH due AS (
        SELECT id, status FROM ${pledges}
        WHERE status IN ('proposed', 'accepted') AND coalesce(end_date, start_date) < ${cutoff}::date
        FOR UPDATE SKIP LOCKED)
      UPDATE ${pledges} SET status = 'lapsed', updated_at = now()
      FROM due WHERE ${pledges}.id = due.id
      RETURNING ${pledges}.id AS id, due.status AS from_status`);
    return rows.map((r) => ({ id: r.id, fromStatus: r.from_status }));
  },
};
