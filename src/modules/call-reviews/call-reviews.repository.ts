import { and, asc, eq, gt, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { roleGrants, users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { callApplications, callCriteria, callQuestions, calls } from '../calls/calls.tables.js';
import { projects } from '../projects/projects.tables.js';
import { callAwards, callConflicts, callJurors, callPublications, callReviewNotes, callScores, callVoteBudgets, callVotes, type PublishedLine } from './call-reviews.tables.js';

export type CallRow = typeof calls.$inferSelect & { caisseSlug: string; caisseName: string; publishedResultsAt: Date | null };
export type CriterionRow = typeof callCriteria.$inferSelect;
export type JurorRow = { id: string; userId: string | null; handle: string | null; displayName: string | null; createdAt: Date };
export type CandidateRow = { id: string; handle: string; displayName: string; role: string };
export type CompetingApplication = {
  id: string; callId: string; projectId: string; projectTitle: string; projectSummary: string; projectLanguage: 'fr' | 'en';
  applicantId: string | null; status: string; requestedCents: number | null; answers: Record<string, string | number>; submittedAt: Date | null;
};
export type ScoreRow = { applicationId: string; jurorId: string; criterionId: string; score: number };
export type AwardRow = { applicationId: string; amountCents: number };

/** Applications in the running: submitted, then selected or not once results are out (never drafts or withdrawn ones). */
const COMPETING = ['submitted', 'selected', 'not_selected'] as const;
const currentGrant = or(isNull(roleGrants.expiresAt), gt(roleGrants.expiresAt, sql`now()`));

const callColumns = { call: calls, caisseSlug: caisses.slug, caisseName: caisses.name, publishedResultsAt: callPublications.publishedAt };
const callQuery = (db: Db) => db.select(callColumns).from(calls).innerJoin(caisses, eq(caisses.id, calls.caisseId)).leftJoin(callPublications, eq(callPublications.callId, calls.id));
const toCall = (r: { call: typeof calls.$inferSelect; caisseSlug: string; caisseName: string; publishedResultsAt: Date | null }): CallRow => ({ ...r.call, caisseSlug: r.caisseSlug, caisseName: r.caisseName, publishedResultsAt: r.publishedResultsAt });

const applicationColumns = {
  id: callApplications.id, callId: callApplications.callId, projectId: callApplications.projectId, projectTitle: projects.title, projectSummary: projects.summary,
  projectLanguage: projects.language, applicantId: callApplications.applicantId, status: callApplications.status, requestedCents: callApplications.requestedCents,
  answers: callApplications.answers, submittedAt: callApplications.submittedAt,
};

export const callReviewsRepository = {
  async callById(db: Db, id: string): Promise<CallRow | undefined> {
    const rows = await callQuery(db).where(eq(calls.id, id)).limit(1);
    return rows[0] ? toCall(rows[0]) : undefined;
  },
  async callBySlug(db: Db, slug: string): Promise<CallRow | undefined> {
    const rows = await callQuery(db).where(eq(calls.slug, slug)).limit(1);
    return rows[0] ? toCall(rows[0]) : undefined;
  },
  /** Locks the call's row for the transaction: awards and publication of one call run one at a time. */
  async lockCall(db: Db, id: string): Promise<void> {
    await db.select({ id: calls.id }).from(calls).where(eq(calls.id, id)).for('update');
  },
  async questions(db: Db, callId: string): Promise<(typeof callQuestions.$inferSelect)[]> {
    return db.select().from(callQuestions).where(eq(callQuestions.callId, callId)).orderBy(asc(callQuestions.position), asc(callQuestions.id));
  },
  async voter(db: Db, userId: string): Promise<{ id: string; emailVerified: boolean; territoryId: string | null } | undefined> {
    const rows = await db.select({ id: users.id, verifiedAt: users.emailVerifiedAt, territoryId: users.territoryId }).from(users).where(eq(users.id, userId)).limit(1);
    return rows[0] ? { id: rows[0].id, emailVerified: rows[0].verifiedAt !== null, territoryId: rows[0].territoryId } : undefined;
  },
  async criteria(db: Db, callId: string): Promise<CriterionRow[]> {
    return db.select().from(callCriteria).where(eq(callCriteria.callId, callId)).orderBy(asc(callCriteria.position), asc(callCriteria.id));
  },
  /** The call's territories and every territory under them (a voter's neighbourhood may be one level down). */
  async territoryTree(db: Db, callId: string): Promise<string[]> {
    const rows = await execRows<{ id: string }>(db, sql`WITH RECURSIVE tree AS (
        SELECT territory_id AS id, 0 AS depth FROM call_territories WHERE call_id = ${callId}
        UNION ALL SELECT t.id, tree.depth + 1 FROM territories t JOIN tree ON t.parent_id = tree.id WHERE tree.depth < 10)
      SELECT DISTINCT id FROM tree`);
    return rows.map((r) => r.id);
  },
  async competingApplications(db: Db, callId: string): Promise<CompetingApplication[]> {
    return db.select(applicationColumns).from(callApplications).innerJoin(projects, eq(projects.id, callApplications.projectId))
      .where(and(eq(callApplications.callId, callId), inArray(callApplications.status, [...COMPETING])))
      .orderBy(asc(callApplications.submittedAt), asc(callApplications.id));
  },
  async application(db: Db, id: string): Promise<CompetingApplication | undefined> {
    const rows = await db.select(applicationColumns).from(callApplications).innerJoin(projects, eq(projects.id, callApplications.projectId)).where(eq(callApplications.id, id)).limit(1);
    return rows[0];
  },
  isCompeting(status: string): boolean {
    return (COMPETING as readonly string[]).includes(status);
  },

  // ——— jury ———
  async jurors(db: Db, callId: string): Promise<JurorRow[]> {
    return db.select({ id: callJurors.id, userId: callJurors.userId, handle: users.handle, displayName: users.displayName, createdAt: callJurors.createdAt })
      .from(callJurors).leftJoin(users, eq(users.id, callJurors.userId)).where(eq(callJurors.callId, callId)).orderBy(asc(callJurors.createdAt), asc(callJurors.id));
  },
  async jurorOf(db: Db, callId: string, userId: string): Promise<{ id: string } | undefined> {
    const rows = await db.select({ id: callJurors.id }).from(callJurors).where(and(eq(callJurors.callId, callId), eq(callJurors.userId, userId))).limit(1);
    return rows[0];
  },
  /** Returns false when the person already sits on this jury (the unique key decides). */
  async insertJuror(db: Db, row: { callId: string; userId: string; addedBy: string }): Promise<boolean> {
    const rows = await db.insert(callJurors).values({ id: newId(), ...row }).onConflictDoNothing().returning({ id: callJurors.id });
    return rows.length > 0;
  },
  /** Removes a juror with their scores, notes and conflicts (cascade); false when they were not on it. */
  async deleteJuror(db: Db, callId: string, userId: string): Promise<boolean> {
    const rows = await db.delete(callJurors).where(and(eq(callJurors.callId, callId), eq(callJurors.userId, userId))).returning({ id: callJurors.id });
    return rows.length > 0;
  },
  /** The people who may sit on a caisse's juries: its staff and its delegates in their term, active accounts only. */
  async candidates(db: Db, caisseId: string): Promise<CandidateRow[]> {
    return db.selectDistinctOn([users.displayName, users.id], { id: users.id, handle: users.handle, displayName: users.displayName, role: roleGrants.role })
      .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.caisseId, caisseId), inArray(roleGrants.role, ['staff', 'admin', 'delegate']), currentGrant, isNull(users.deletedAt), isNull(users.suspendedAt)))
      .orderBy(asc(users.displayName), asc(users.id), asc(roleGrants.role))
      .limit(200);
  },
  async userByHandle(db: Db, handle: string): Promise<{ id: string; displayName: string; deleted: boolean } | undefined> {
    const rows = await db.select({ id: users.id, displayName: users.displayName, deletedAt: users.deletedAt, suspendedAt: users.suspendedAt }).from(users).where(eq(users.handle, handle)).limit(1);
    const r = rows[0];
    return r ? { id: r.id, displayName: r.displayName, deleted: r.deletedAt !== null || r.suspendedAt !== null } : undefined;
  },

  // ——— conflicts ———
  async conflicts(db: Db, callId: string): Promise<{ jurorId: string; applicationId: string; reason: string }[]> {
    return db.select({ jurorId: callConflicts.jurorId, applicationId: callConflicts.applicationId, reason: callConflicts.reason }).from(callConflicts).where(eq(callConflicts.callId, callId));
  },
  async isConflicted(db: Db, jurorId: string, applicationId: string): Promise<boolean> {
    const rows = await db.select({ j: callConflicts.jurorId }).from(callConflicts).where(and(eq(callConflicts.jurorId, jurorId), eq(callConflicts.applicationId, applicationId))).limit(1);
    return rows.length > 0;
  },
  /** Replaces a juror's declarations; the applications newly declared lose that juror's scores and note. */
  async replaceConflicts(db: Db, callId: string, jurorId: string, items: { applicationId: string; reason: string }[]): Promise<void> {
    const ids = items.map((i) => i.applicationId);
    await db.delete(callConflicts).where(and(eq(callConflicts.jurorId, jurorId), ids.length ? notInArray(callConflicts.applicationId, ids) : undefined));
    if (!items.length) return;
    for (const i of items) {
      await db.insert(callConflicts).values({ callId, jurorId, applicationId: i.applicationId, reason: i.reason })
        .onConflictDoUpdate({ target: [callConflicts.jurorId, callConflicts.applicationId], set: { reason: i.reason } });
    }
    await db.delete(callScores).where(and(eq(callScores.jurorId, jurorId), inArray(callScores.applicationId, ids)));
    await db.delete(callReviewNotes).where(and(eq(callReviewNotes.jurorId, jurorId), inArray(callReviewNotes.applicationId, ids)));
  },

  // ——— scores and notes ———
  async scores(db: Db, callId: string): Promise<ScoreRow[]> {
    return db.select({ applicationId: callScores.applicationId, jurorId: callScores.jurorId, criterionId: callScores.criterionId, score: callScores.score }).from(callScores).where(eq(callScores.callId, callId));
  },
  async scoresOf(db: Db, applicationId: string, jurorId: string): Promise<ScoreRow[]> {
    return db.select({ applicationId: callScores.applicationId, jurorId: callScores.jurorId, criterionId: callScores.criterionId, score: callScores.score }).from(callScores)
      .where(and(eq(callScores.applicationId, applicationId), eq(callScores.jurorId, jurorId)));
  },
  async upsertScores(db: Db, callId: string, applicationId: string, jurorId: string, scores: { criterionId: string; score: number }[]): Promise<void> {
    for (const s of scores) {
      await db.insert(callScores).values({ callId, applicationId, jurorId, criterionId: s.criterionId, score: s.score })
        .onConflictDoUpdate({ target: [callScores.applicationId, callScores.jurorId, callScores.criterionId], set: { score: s.score, updatedAt: new Date() } });
    }
  },
  async noteOf(db: Db, applicationId: string, jurorId: string): Promise<string> {
    const rows = await db.select({ note: callReviewNotes.note }).from(callReviewNotes).where(and(eq(callReviewNotes.applicationId, applicationId), eq(callReviewNotes.jurorId, jurorId))).limit(1);
    return rows[0]?.note ?? '';
  },
  async saveNote(db: Db, applicationId: string, jurorId: string, note: string): Promise<void> {
    if (!note) {
      await db.delete(callReviewNotes).where(and(eq(callReviewNotes.applicationId, applicationId), eq(callReviewNotes.jurorId, jurorId)));
      return;
    }
    await db.insert(callReviewNotes).values({ applicationId, jurorId, note }).onConflictDoUpdate({ target: [callReviewNotes.applicationId, callReviewNotes.jurorId], set: { note, updatedAt: new Date() } });
  },
  /** Every juror's notes on a call's applications (the caisse's staff read them beside the ranking). */
  async notes(db: Db, callId: string): Promise<{ applicationId: string; jurorId: string; note: string }[]> {
    return db.select({ applicationId: callReviewNotes.applicationId, jurorId: callReviewNotes.jurorId, note: callReviewNotes.note })
      .from(callReviewNotes).innerJoin(callJurors, eq(callJurors.id, callReviewNotes.jurorId)).where(eq(callJurors.callId, callId));
  },

  // ——— public vote ———
  async voteCounts(db: Db, callId: string): Promise<Map<string, number>> {
    const rows = await db.select({ applicationId: callVotes.applicationId, n: sql<number>`count(*)::int` }).from(callVotes).where(eq(callVotes.callId, callId)).groupBy(callVotes.applicationId);
    return new Map(rows.map((r) => [r.applicationId, Number(r.n)]));
  },
  async votesOf(db: Db, callId: string, voterId: string): Promise<string[]> {
    const rows = await db.select({ applicationId: callVotes.applicationId }).from(callVotes).where(and(eq(callVotes.callId, callId), eq(callVotes.voterId, voterId)));
    return rows.map((r) => r.applicationId);
  },
  /**
   * Takes one of the voter's votes: the budget row is created if needed, then a conditional UPDATE
   * (which waits on that row's lock) takes a vote only while fewer than `cap` are used. False when none is left.
   */
  async takeVote(db: Db, callId: string, voterId: string, cap: number): Promise<boolean> {
    await db.insert(callVoteBudgets).values({ callId, voterId, used: 0 }).onConflictDoNothing();
    const rows = await db.update(callVoteBudgets).set({ used: sql`${callVoteBudgets.used} + 1` })
      .where(and(eq(callVoteBudgets.callId, callId), eq(callVoteBudgets.voterId, voterId), sql`${callVoteBudgets.used} < ${cap}`))
      .returning({ used: callVoteBudgets.used });
    return rows.length > 0;
  },
  /** Inserts the vote; false when this voter already voted for this application. */
  async insertVote(db: Db, row: { callId: string; applicationId: string; voterId: string }): Promise<boolean> {
    const rows = await db.insert(callVotes).values(row).onConflictDoNothing().returning({ id: callVotes.applicationId });
    return rows.length > 0;
  },
  /** Withdraws a vote and gives it back; false when there was none. */
  async deleteVote(db: Db, callId: string, applicationId: string, voterId: string): Promise<boolean> {
    const rows = await db.delete(callVotes).where(and(eq(callVotes.callId, callId), eq(callVotes.applicationId, applicationId), eq(callVotes.voterId, voterId))).returning({ id: callVotes.applicationId });
    if (!rows.length) return false;
    await db.update(callVoteBudgets).set({ used: sql`${callVoteBudgets.used} - 1` }).where(and(eq(callVoteBudgets.callId, callId), eq(callVoteBudgets.voterId, voterId)));
    return true;
  },

  // ——— awards and publication ———
  async awards(db: Db, callId: string): Promise<AwardRow[]> {
    return db.select({ applicationId: callAwards.applicationId, amountCents: callAwards.amountCents }).from(callAwards).where(eq(callAwards.callId, callId)).orderBy(asc(callAwards.createdAt));
  },
  /** The sum already awarded in a call, leaving one application out (the one being set). */
  async awardedExcept(db: Db, callId: string, applicationId: string): Promise<number> {
    const rows = await db.select({ total: sql<string>`coalesce(sum(${callAwards.amountCents}), 0)` }).from(callAwards).where(and(eq(callAwards.callId, callId), ne(callAwards.applicationId, applicationId)));
    return Number(rows[0]?.total ?? 0);
  },
  async upsertAward(db: Db, row: { callId: string; applicationId: string; amountCents: number; decidedBy: string }): Promise<void> {
    await db.insert(callAwards).values(row).onConflictDoUpdate({ target: [callAwards.applicationId], set: { amountCents: row.amountCents, decidedBy: row.decidedBy, createdAt: new Date() } });
  },
  async deleteAward(db: Db, callId: string, applicationId: string): Promise<boolean> {
    const rows = await db.delete(callAwards).where(and(eq(callAwards.callId, callId), eq(callAwards.applicationId, applicationId))).returning({ id: callAwards.applicationId });
    return rows.length > 0;
  },
  /** Returns false when the results were already published (the primary key decides). */
  async insertPublication(db: Db, row: { callId: string; publishedBy: string; lines: PublishedLine[] }): Promise<boolean> {
    const rows = await db.insert(callPublications).values(row).onConflictDoNothing().returning({ id: callPublications.callId });
    return rows.length > 0;
  },
  async publication(db: Db, callId: string): Promise<{ publishedAt: Date; lines: PublishedLine[] } | undefined> {
    const rows = await db.select({ publishedAt: callPublications.publishedAt, lines: callPublications.lines }).from(callPublications).where(eq(callPublications.callId, callId)).limit(1);
    return rows[0];
  },
  /** Winners become `selected`, every other application in the running `not_selected` (the calls module owns the column). */
  async setResultStatuses(db: Db, callId: string, winnerIds: string[]): Promise<void> {
    await db.update(callApplications).set({ status: sql`CASE WHEN ${callApplications.id} IN (${sql.join(winnerIds.map((id) => sql`${id}`), sql`, `)}) THEN 'selected' ELSE 'not_selected' END`, updatedAt: new Date() })
      .where(and(eq(callApplications.callId, callId), inArray(callApplications.status, [...COMPETING])));
  },
  /** Who hears about the results: the applicant of each application in the running (active accounts). */
  async applicants(db: Db, callId: string): Promise<{ applicationId: string; projectId: string; projectTitle: string; userId: string; email: string; locale: 'fr' | 'en'; displayName: string }[]> {
    return db.select({ applicationId: callApplications.id, projectId: projects.id, projectTitle: projects.title, userId: users.id, email: users.email, locale: users.locale, displayName: users.displayName })
      .from(callApplications).innerJoin(projects, eq(projects.id, callApplications.projectId)).innerJoin(users, eq(users.id, callApplications.applicantId))
      .where(and(eq(callApplications.callId, callId), inArray(callApplications.status, ['selected', 'not_selected']), isNull(users.deletedAt)));
  },
  async project(db: Db, projectId: string): Promise<{ id: string; territoryId: string } | undefined> {
    const rows = await db.select({ id: projects.id, territoryId: projects.territoryId }).from(projects).where(eq(projects.id, projectId)).limit(1);
    return rows[0];
  },

  // ——— lauréat badges ———
  /** Of these projects, those that won a call whose results are published. */
  async laureateProjectIds(db: Db, projectIds: readonly string[]): Promise<Set<string>> {
    if (!projectIds.length) return new Set();
    const rows = await db.selectDistinct({ projectId: callApplications.projectId }).from(callAwards)
      .innerJoin(callApplications, eq(callApplications.id, callAwards.applicationId)).innerJoin(callPublications, eq(callPublications.callId, callAwards.callId))
      .where(inArray(callApplications.projectId, [...projectIds]));
    return new Set(rows.map((r) => r.projectId));
  },
  /** The published calls a project won, newest first (its page links to their results). */
  async laureateCalls(db: Db, projectId: string): Promise<{ slug: string; title: string; amountCents: number; publishedAt: Date }[]> {
    return db.select({ slug: calls.slug, title: calls.title, amountCents: callAwards.amountCents, publishedAt: callPublications.publishedAt }).from(callAwards)
      .innerJoin(callApplications, eq(callApplications.id, callAwards.applicationId)).innerJoin(callPublications, eq(callPublications.callId, callAwards.callId))
      .innerJoin(calls, eq(calls.id, callAwards.callId))
      .where(eq(callApplications.projectId, projectId)).orderBy(sql`${callPublications.publishedAt} DESC`);
  },

  // ——— personal data (Law 25) ———
  async exportFor(db: Db, userId: string): Promise<Record<string, Record<string, unknown>[]>> {
    const [juries, scores, notes, conflicts, votes] = await Promise.all([
      execRows<Record<string, unknown>>(db, sql`SELECT c.slug AS call_slug, c.title AS call_title, j.created_at AS added_at FROM call_jurors j JOIN calls c ON c.id = j.call_id WHERE j.user_id = ${userId} ORDER BY j.created_at`),
      execRows<Record<string, unknown>>(db, sql`SELECT c.slug AS call_slug, p.title AS project_title, cr.label AS criterion, s.score, s.updated_at FROM call_scores s
        JOIN call_jurors j ON j.id = s.juror_id JOIN calls c ON c.id = s.call_id JOIN call_applications a ON a.id = s.application_id JOIN projects p ON p.id = a.project_id
        JOIN call_criteria cr ON cr.id = s.criterion_id WHERE j.user_id = ${userId} ORDER BY s.updated_at`),
      execRows<Record<string, unknown>>(db, sql`SELECT c.slug AS call_slug, p.title AS project_title, n.note, n.updated_at FROM call_review_notes n
        JOIN call_jurors j ON j.id = n.juror_id JOIN calls c ON c.id = j.call_id JOIN call_applications a ON a.id = n.application_id JOIN projects p ON p.id = a.project_id
        WHERE j.user_id = ${userId} ORDER BY n.updated_at`),
      execRows<Record<string, unknown>>(db, sql`SELECT c.slug AS call_slug, p.title AS project_title, x.reason, x.declared_at FROM call_conflicts x
        JOIN call_jurors j ON j.id = x.juror_id JOIN calls c ON c.id = x.call_id JOIN call_applications a ON a.id = x.application_id JOIN projects p ON p.id = a.project_id
        WHERE j.user_id = ${userId} ORDER BY x.declared_at`),
      execRows<Record<string, unknown>>(db, sql`SELECT c.slug AS call_slug, p.title AS project_title, v.created_at FROM call_votes v
        JOIN calls c ON c.id = v.call_id JOIN call_applications a ON a.id = v.application_id JOIN projects p ON p.id = a.project_id
        WHERE v.voter_id = ${userId} ORDER BY v.created_at`),
    ]);
    return { callJuries: juries, callScores: scores, callReviewNotes: notes, callConflicts: conflicts, callVotes: votes };
  },
  /**
   * Account deletion: votes and vote budgets go (published results are frozen at publication); notes go;
   * the juror rows lose their person, so scores and conflicts stay counted, anonymously.
   */
  async anonymise(db: Db, userId: string): Promise<void> {
    await db.delete(callVotes).where(eq(callVotes.voterId, userId));
    await db.delete(callVoteBudgets).where(eq(callVoteBudgets.voterId, userId));
    await db.delete(callReviewNotes).where(inArray(callReviewNotes.jurorId, db.select({ id: callJurors.id }).from(callJurors).where(eq(callJurors.userId, userId))));
    await db.update(callJurors).set({ userId: null }).where(eq(callJurors.userId, userId));
    await db.update(callJurors).set({ addedBy: null }).where(eq(callJurors.addedBy, userId));
  },
};
