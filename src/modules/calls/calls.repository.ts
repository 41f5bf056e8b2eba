import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { roleGrants } from '../auth/auth.tables.js';
import { territories } from '../territories/territories.tables.js';
import { callCriteria, callQuestions, calls, callTerritories, type CallPhase } from './calls.tables.js';

export type CallRow = typeof calls.$inferSelect;
export type NewCall = typeof calls.$inferInsert;
export type QuestionRow = typeof callQuestions.$inferSelect;
export type CriterionRow = typeof callCriteria.$inferSelect;
export type CallTerritoryRow = { id: string; slug: string; nameFr: string; nameEn: string };
export type CallListFilter = { when?: 'open' | 'upcoming' | 'past' | undefined; territoryId?: string | undefined; caisseId?: string | undefined };

const exact = (col: SQL | typeof calls.opensAt) => sql<string>`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** How each list sorts: open calls by deadline, upcoming by opening, past (and all) newest first. */
function ordering(when: CallListFilter['when']) {
  if (when === 'open') return { col: calls.submissionsCloseAt, dir: 'asc' as const };
  if (when === 'upcoming') return { col: calls.opensAt, dir: 'asc' as const };
  return { col: calls.opensAt, dir: 'desc' as const };
}

const publicCall = or(sql`${calls.phase} <> 'draft'`, isNotNull(calls.publishedAt))!;

/** Calls: rows, their territories, questions and criteria, the public list and the phase moves. */
export const callsRepository = {
  async insert(db: Db, row: NewCall): Promise<CallRow> {
    const [created] = await db.insert(calls).values(row).returning();
    return created!;
  },
  async update(db: Db, id: string, patch: Partial<NewCall>): Promise<CallRow | undefined> {
    const [row] = await db.update(calls).set({ ...patch, updatedAt: new Date() }).where(eq(calls.id, id)).returning();
    return row;
  },
  async findById(db: Db, id: string): Promise<CallRow | undefined> {
    const rows = await db.select().from(calls).where(eq(calls.id, id)).limit(1);
    return rows[0];
  },
  async findBySlug(db: Db, slug: string): Promise<CallRow | undefined> {
    const rows = await db.select().from(calls).where(eq(calls.slug, slug)).limit(1);
    return rows[0];
  },
  async slugExists(db: Db, slug: string): Promise<boolean> {
    const rows = await db.select({ id: calls.id }).from(calls).where(eq(calls.slug, slug)).limit(1);
    return rows.length > 0;
  },
  /** Locks the call's row for the rest of the transaction (phase checks that must not race a move). */
  async lock(db: Db, id: string): Promise<CallRow | undefined> {
    const rows = await db.select().from(calls).where(eq(calls.id, id)).for('update');
    return rows[0];
  },

  async territoryIds(db: Db, callId: string): Promise<string[]> {
    return (await db.select({ id: callTerritories.territoryId }).from(callTerritories).where(eq(callTerritories.callId, callId))).map((r) => r.id);
  },
  async territoriesOf(db: Db, callIds: readonly string[]): Promise<(CallTerritoryRow & { callId: string })[]> {
    if (callIds.length === 0) return [];
    return db
      .select({ callId: callTerritories.callId, id: territories.id, slug: territories.slug, nameFr: territories.nameFr, nameEn: territories.nameEn })
      .from(callTerritories)
      .innerJoin(territories, eq(territories.id, callTerritories.territoryId))
      .where(inArray(callTerritories.callId, [...callIds]))
      .orderBy(asc(territories.position), asc(territories.nameFr));
  },
  async replaceTerritories(db: Db, callId: string, territoryIds: readonly string[]): Promise<void> {
    await db.delete(callTerritories).where(eq(callTerritories.callId, callId));
    if (territoryIds.length) await db.insert(callTerritories).values(territoryIds.map((territoryId) => ({ callId, territoryId })));
  },

  async questions(db: Db, callId: string): Promise<QuestionRow[]> {
    return db.select().from(callQuestions).where(eq(callQuestions.callId, callId)).orderBy(asc(callQuestions.position));
  },
  async replaceQuestions(db: Db, callId: string, rows: (Omit<typeof callQuestions.$inferInsert, 'callId' | 'position'>)[]): Promise<void> {
    await db.delete(callQuestions).where(eq(callQuestions.callId, callId));
    if (rows.length) await db.insert(callQuestions).values(rows.map((r, i) => ({ ...r, callId, position: i })));
  },
  async criteria(db: Db, callId: string): Promise<CriterionRow[]> {
    return db.select().from(callCriteria).where(eq(callCriteria.callId, callId)).orderBy(asc(callCriteria.position));
  },
  async replaceCriteria(db: Db, callId: string, rows: (Omit<typeof callCriteria.$inferInsert, 'callId' | 'position'>)[]): Promise<void> {
    await db.delete(callCriteria).where(eq(callCriteria.callId, callId));
    if (rows.length) await db.insert(callCriteria).values(rows.map((r, i) => ({ ...r, callId, position: i })));
  },

  /** Public calls (and, with `drafts`, the unpublished drafts of these caisses), keyset-paged. */
  async list(db: Db, f: CallListFilter, limit: number, cursor: Cursor | undefined, draftsOf: readonly string[] = []): Promise<(CallRow & { cursorAt: string })[]> {
    const { col, dir } = ordering(f.when);
    const visible = draftsOf.length ? or(publicCall, inArray(calls.caisseId, [...draftsOf])) : publicCall;
    const whenCond =
      f.when === 'open' ? eq(calls.phase, 'open') : f.when === 'upcoming' ? and(eq(calls.phase, 'draft'), isNotNull(calls.publishedAt)) : f.when === 'past' ? inArray(calls.phase, ['review', 'vote', 'results', 'closed']) : undefined;
    const territoryCond = f.territoryId ? sql`exists (select 1 from ${callTerritories} where ${callTerritories.callId} = ${calls.id} and ${callTerritories.territoryId} = ${f.territoryId})` : undefined;
    const after = cursor ? (dir === 'asc' ? or(gt(col, new Date(cursor.at)), and(eq(col, new Date(cursor.at)), gt(calls.id, cursor.id))) : or(lt(col, new Date(cursor.at)), and(eq(col, new Date(cursor.at)), lt(calls.id, cursor.id)))) : undefined;
    return db
      .select({ ...sqlColumns(), cursorAt: exact(col) })
      .from(calls)
      .where(and(visible, whenCond, territoryCond, f.caisseId ? eq(calls.caisseId, f.caisseId) : undefined, after))
      .orderBy(dir === 'asc' ? asc(col) : desc(col), dir === 'asc' ? asc(calls.id) : desc(calls.id))
      .limit(limit + 1);
  },

  /** Counts per phase of a caisse's calls (the caisse space card). */
  async countByPhase(db: Db, caisseId: string): Promise<{ phase: CallPhase; scheduled: boolean; n: number }[]> {
    const rows = await db
      .select({ phase: calls.phase, scheduled: sql<boolean>`${calls.publishedAt} is not null`, n: count() })
      .from(calls)
      .where(eq(calls.caisseId, caisseId))
      .groupBy(calls.phase, sql`${calls.publishedAt} is not null`);
    return rows.map((r) => ({ phase: r.phase, scheduled: Boolean(r.scheduled), n: Number(r.n) }));
  },

  /** Moves one call from `from` to `to` only if it is still in `from` (staff action); null when another move won. */
  async transition(db: Db, id: string, from: CallPhase, to: CallPhase, now: Date, extra: Partial<NewCall> = {}): Promise<CallRow | undefined> {
    const [row] = await db.update(calls).set({ ...extra, phase: to, phaseChangedAt: now, updatedAt: now }).where(and(eq(calls.id, id), eq(calls.phase, from))).returning();
    return row;
  },

  /**
   * The phases job: one conditional UPDATE per transition whose date has come (ADR 0020), opening
   * apart (`openDue`). Running it twice moves nothing more; each call moves at most one step per statement.
   */
  async moveDue(db: Db, now: Date): Promise<{ id: string; phase: CallPhase }[]> {
    const moved: { id: string; phase: CallPhase }[] = [];
    const step = async (to: CallPhase, where: SQL | undefined) => {
      const rows = await db.update(calls).set({ phase: to, phaseChangedAt: now, updatedAt: now }).where(where).returning({ id: calls.id, phase: calls.phase });
      moved.push(...rows);
    };
    await step('results', and(eq(calls.phase, 'vote'), lte(calls.resultsAt, now)));
    await step('results', and(eq(calls.phase, 'review'), isNull(calls.voteOpensAt), lte(calls.resultsAt, now)));
    await step('vote', and(eq(calls.phase, 'review'), isNotNull(calls.voteOpensAt), lte(calls.voteOpensAt, now)));
    await step('review', and(eq(calls.phase, 'open'), lte(calls.submissionsCloseAt, now)));
    return moved;
  },
  /**
   * The phases job's last step: scheduled drafts whose opening has come become open, in the caller's
   * transaction (which announces them). A concurrent tick waits on the rows, then finds them open.
   */
  async openDue(db: Db, now: Date): Promise<CallRow[]> {
    return db.update(calls).set({ phase: 'open', phaseChangedAt: now, updatedAt: now }).where(and(eq(calls.phase, 'draft'), isNotNull(calls.publishedAt), lte(calls.opensAt, now))).returning();
  },

  /** Staff and caisse admins of a caisse (the people told of new submissions). */
  async staffIds(db: Db, caisseId: string): Promise<string[]> {
    const rows = await db.selectDistinct({ id: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.caisseId, caisseId), inArray(roleGrants.role, ['staff', 'admin'])));
    return rows.map((r) => r.id);
  },
};

function sqlColumns() {
  return {
    id: calls.id, caisseId: calls.caisseId, slug: calls.slug, title: calls.title, theme: calls.theme, description: calls.description, language: calls.language,
    membersOnly: calls.membersOnly, allowedOrganisationKinds: calls.allowedOrganisationKinds, budgetCents: calls.budgetCents, maxPerProjectCents: calls.maxPerProjectCents,
    opensAt: calls.opensAt, submissionsCloseAt: calls.submissionsCloseAt, reviewEndsAt: calls.reviewEndsAt, voteOpensAt: calls.voteOpensAt, voteClosesAt: calls.voteClosesAt,
    resultsAt: calls.resultsAt, phase: calls.phase, phaseChangedAt: calls.phaseChangedAt, publishedAt: calls.publishedAt, votesPerMember: calls.votesPerMember,
    juryWeightPercent: calls.juryWeightPercent, createdBy: calls.createdBy, createdAt: calls.createdAt, updatedAt: calls.updatedAt,
  };
}
