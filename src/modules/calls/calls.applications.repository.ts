import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { projects, projectTeam, type ProjectStatus } from '../projects/projects.tables.js';
import { callApplications, calls, type ApplicationStatus, type CallLanguage, type CallPhase } from './calls.tables.js';

export type ApplicationRow = typeof callApplications.$inferSelect;
export type ApplicationRecord = ApplicationRow & {
  cursorAt: string;
  project: { id: string; title: string; territoryId: string };
  applicant: { handle: string; displayName: string } | null;
};
/** A row of "my applications": the application with its call's and project's labels. */
export type MyApplicationRow = {
  id: string; status: ApplicationStatus; requestedCents: number | null; submittedAt: Date | null; createdAt: Date; updatedAt: Date; cursorAt: string;
  projectId: string; projectTitle: string; promoter: boolean;
  callId: string; callSlug: string; callTitle: string; callLanguage: CallLanguage; callPhase: CallPhase; submissionsCloseAt: Date;
};
/** A project a promoter may apply with, with what eligibility reads of it. */
export type CandidateProject = { id: string; title: string; territoryId: string; status: ProjectStatus; hidden: boolean; organisationKind: string | null };

const exactUpdated = sql<string>`to_char(${callApplications.updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** Applications juries and staff look at: submitted, then decided at results. */
const REVIEWABLE: readonly ApplicationStatus[] = ['submitted', 'selected', 'not_selected'];

const joined = (db: Db) =>
  db
    .select({ application: callApplications, cursorAt: exactUpdated, projectTitle: projects.title, projectTerritoryId: projects.territoryId, handle: users.handle, displayName: users.displayName, deletedAt: users.deletedAt })
    .from(callApplications)
    .innerJoin(projects, eq(projects.id, callApplications.projectId))
    .leftJoin(users, eq(users.id, callApplications.applicantId));
type Joined = { application: ApplicationRow; cursorAt: string; projectTitle: string; projectTerritoryId: string; handle: string | null; displayName: string | null; deletedAt: Date | null };
const toRecord = (r: Joined): ApplicationRecord => ({
  ...r.application,
  cursorAt: r.cursorAt,
  project: { id: r.application.projectId, title: r.projectTitle, territoryId: r.projectTerritoryId },
  applicant: r.handle && r.displayName && !r.deletedAt ? { handle: r.handle, displayName: r.displayName } : null,
});

/** Applications to calls: one per project and call (unique index), the applicant's and the staff's lists. */
export const applicationsRepository = {
  /** Inserts, or returns undefined when the project already applied to this call (the unique index decides, no race). */
  async insert(db: Db, row: typeof callApplications.$inferInsert): Promise<ApplicationRow | undefined> {
    const [created] = await db.insert(callApplications).values(row).onConflictDoNothing({ target: [callApplications.callId, callApplications.projectId] }).returning();
    return created;
  },
  async findById(db: Db, id: string): Promise<ApplicationRecord | undefined> {
    const rows = await joined(db).where(eq(callApplications.id, id)).limit(1);
    return rows[0] ? toRecord(rows[0]) : undefined;
  },
  async findForProject(db: Db, callId: string, projectId: string): Promise<ApplicationRow | undefined> {
    const rows = await db.select().from(callApplications).where(and(eq(callApplications.callId, callId), eq(callApplications.projectId, projectId))).limit(1);
    return rows[0];
  },
  /** Changes an application only while it is in one of `from` (the caller checked the call's phase under a lock). */
  async update(db: Db, id: string, from: readonly ApplicationStatus[], patch: Partial<typeof callApplications.$inferInsert>): Promise<ApplicationRow | undefined> {
    const [row] = await db.update(callApplications).set({ ...patch, updatedAt: new Date() }).where(and(eq(callApplications.id, id), inArray(callApplications.status, [...from]))).returning();
    return row;
  },
  /** A call's applications, most recently changed first (drafts are the applicants' own business). */
  async listForCall(db: Db, callId: string, o: { status?: ApplicationStatus | undefined; limit: number; cursor?: Cursor | undefined }): Promise<ApplicationRecord[]> {
    const after = o.cursor ? or(lt(callApplications.updatedAt, new Date(o.cursor.at)), and(eq(callApplications.updatedAt, new Date(o.cursor.at)), lt(callApplications.id, o.cursor.id))) : undefined;
    const rows = await joined(db)
      .where(and(eq(callApplications.callId, callId), o.status ? eq(callApplications.status, o.status) : ne(callApplications.status, 'draft'), after))
      .orderBy(desc(callApplications.updatedAt), desc(callApplications.id))
      .limit(o.limit + 1);
    return rows.map(toRecord);
  },
  /** Submitted (and decided) applications of a call, oldest submission first: what juries review. */
  async reviewable(db: Db, callId: string): Promise<ApplicationRecord[]> {
    const rows = await joined(db).where(and(eq(callApplications.callId, callId), inArray(callApplications.status, [...REVIEWABLE]))).orderBy(asc(callApplications.submittedAt), asc(callApplications.id));
    return rows.map(toRecord);
  },
  /** Applications of the projects this person promotes (all calls, or one). */
  async forPromoter(db: Db, userId: string, callId?: string): Promise<(ApplicationRecord & { call: { slug: string; title: string } })[]> {
    const rows = await db
      .select({ application: callApplications, cursorAt: exactUpdated, projectTitle: projects.title, projectTerritoryId: projects.territoryId, handle: users.handle, displayName: users.displayName, deletedAt: users.deletedAt, callSlug: calls.slug, callTitle: calls.title })
      .from(callApplications)
      .innerJoin(projects, eq(projects.id, callApplications.projectId))
      .innerJoin(calls, eq(calls.id, callApplications.callId))
      .innerJoin(projectTeam, and(eq(projectTeam.projectId, projects.id), eq(projectTeam.userId, userId), eq(projectTeam.role, 'promoter')))
      .leftJoin(users, eq(users.id, callApplications.applicantId))
      .where(callId ? eq(callApplications.callId, callId) : undefined)
      .orderBy(desc(callApplications.updatedAt));
    return rows.map((r) => ({ ...toRecord(r), call: { slug: r.callSlug, title: r.callTitle } }));
  },
  /**
   * "My applications": those this person filed or that a project they promote filed, newest first,
   * keyset on (createdAt, id), up to limit + 1 rows, with what the list shows of the call and project.
   */
  async listMine(db: Db, userId: string, limit: number, cursor?: Cursor): Promise<MyApplicationRow[]> {
    const promotes = sql`EXISTS (SELECT 1 FROM ${projectTeam} pt WHERE pt.project_id = ${callApplications.projectId} AND pt.user_id = ${userId} AND pt.role = 'promoter')`;
    const after = cursor ? sql`(${callApplications.createdAt}, ${callApplications.id}) < (${cursor.at}::timestamptz, ${cursor.id})` : undefined;
    return db
      .select({
        id: callApplications.id, status: callApplications.status, requestedCents: callApplications.requestedCents, submittedAt: callApplications.submittedAt, createdAt: callApplications.createdAt, updatedAt: callApplications.updatedAt,
        cursorAt: sql<string>`to_char(${callApplications.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        projectId: projects.id, projectTitle: projects.title, promoter: sql<boolean>`${promotes}`,
        callId: calls.id, callSlug: calls.slug, callTitle: calls.title, callLanguage: calls.language, callPhase: calls.phase, submissionsCloseAt: calls.submissionsCloseAt,
      })
      .from(callApplications)
      .innerJoin(projects, eq(projects.id, callApplications.projectId))
      .innerJoin(calls, eq(calls.id, callApplications.callId))
      .where(and(or(eq(callApplications.applicantId, userId), promotes), after))
      .orderBy(desc(callApplications.createdAt), desc(callApplications.id))
      .limit(limit + 1);
  },
  /** Whether this person is a promoter of the project (the team's promoter role). */
  async isPromoter(db: Db, projectId: string, userId: string): Promise<boolean> {
    const rows = await db.select({ p: projectTeam.projectId }).from(projectTeam).where(and(eq(projectTeam.projectId, projectId), eq(projectTeam.userId, userId), eq(projectTeam.role, 'promoter'))).limit(1);
    return rows.length > 0;
  },
  /** The public projects this person promotes, with their organisation's kind (application candidates). */
  async candidateProjects(db: Db, userId: string, projectId?: string): Promise<CandidateProject[]> {
    const rows = await db
      .select({ id: projects.id, title: projects.title, territoryId: projects.territoryId, status: projects.status, hiddenAt: projects.hiddenAt, organisationKind: organisations.kind })
      .from(projects)
      .innerJoin(projectTeam, and(eq(projectTeam.projectId, projects.id), eq(projectTeam.userId, userId), eq(projectTeam.role, 'promoter')))
      .leftJoin(organisations, eq(organisations.id, projects.organisationId))
      .where(projectId ? eq(projects.id, projectId) : undefined)
      .orderBy(asc(projects.title));
    return rows.map((r) => ({ id: r.id, title: r.title, territoryId: r.territoryId, status: r.status, hidden: r.hiddenAt !== null, organisationKind: r.organisationKind }));
  },
  async countByCallStatus(db: Db, callIds: readonly string[]): Promise<{ callId: string; status: ApplicationStatus; n: number }[]> {
    if (callIds.length === 0) return [];
    const rows = await db.select({ callId: callApplications.callId, status: callApplications.status, n: sql<number>`count(*)::int` }).from(callApplications).where(inArray(callApplications.callId, [...callIds])).groupBy(callApplications.callId, callApplications.status);
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
  /**
   * Results (call-reviews module): the listed applications become `selected`, every other submitted
   * one `not_selected`; run in the caller's transaction.
   */
  async setOutcomes(db: Db, callId: string, selectedIds: readonly string[]): Promise<void> {
    const now = new Date();
    await db.update(callApplications).set({ status: 'not_selected', updatedAt: now }).where(and(eq(callApplications.callId, callId), inArray(callApplications.status, ['submitted', 'selected'])));
    if (selectedIds.length) await db.update(callApplications).set({ status: 'selected', updatedAt: now }).where(and(eq(callApplications.callId, callId), inArray(callApplications.id, [...selectedIds]), inArray(callApplications.status, ['not_selected'])));
  },

  /** Law 25 export: the applications this person filed. */
  async exportFor(db: Db, userId: string): Promise<Record<string, unknown>[]> {
    return db
      .select({ id: callApplications.id, call: calls.title, project: projects.title, status: callApplications.status, requested_cents: callApplications.requestedCents, answers: callApplications.answers, submitted_at: callApplications.submittedAt, created_at: callApplications.createdAt, updated_at: callApplications.updatedAt })
      .from(callApplications)
      .innerJoin(calls, eq(calls.id, callApplications.callId))
      .innerJoin(projects, eq(projects.id, callApplications.projectId))
      .where(eq(callApplications.applicantId, userId));
  },
  /** Account deletion: applications stay (the projects and results rely on them), no longer linked to the person. */
  async anonymise(db: Db, userId: string): Promise<void> {
    await db.update(callApplications).set({ applicantId: null }).where(eq(callApplications.applicantId, userId));
  },
};
