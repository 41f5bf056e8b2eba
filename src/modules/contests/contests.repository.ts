import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { territories } from '../territories/territories.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { contestParticipants, contestPrizes, contests, contestWinners, type EntryAction, type WinStatus } from './contests.tables.js';

export type ContestRow = typeof contests.$inferSelect;
export type PrizeRow = typeof contestPrizes.$inferSelect;
export type WinnerRow = typeof contestWinners.$inferSelect;
export type ParticipantRow = typeof contestParticipants.$inferSelect;
export type ContestListRow = ContestRow & { caisseSlug: string; caisseName: string };
export type ActionRecord = { userId: string; action: EntryAction; subjectId: string; at: Date };
export type PersonFacts = { userId: string; birthYear: number | null; emailVerified: boolean; territoryId: string | null; active: boolean; organiserStaff: boolean };
export type ContestWhen = 'current' | 'upcoming' | 'past';

const listColumns = { contest: contests, caisseSlug: caisses.slug, caisseName: caisses.name };
const toListRow = (r: { contest: ContestRow; caisseSlug: string; caisseName: string }): ContestListRow => ({ ...r.contest, caisseSlug: r.caisseSlug, caisseName: r.caisseName });

function whenFilter(when: ContestWhen, now: Date): SQL {
  if (when === 'current') return and(lte(contests.startsAt, now), gt(contests.endsAt, now))!;
  if (when === 'upcoming') return gt(contests.startsAt, now);
  return lte(contests.endsAt, now);
}

export const contestsRepository = {
  async insert(db: Db, row: typeof contests.$inferInsert): Promise<ContestRow> {
    const [created] = await db.insert(contests).values(row).returning();
    return created!;
  },
  /** Only drafts change; returns undefined when the contest was published meanwhile. */
  async updateDraft(db: Db, id: string, patch: Partial<typeof contests.$inferInsert>): Promise<ContestRow | undefined> {
    const [row] = await db.update(contests).set({ ...patch, updatedAt: new Date() }).where(and(eq(contests.id, id), eq(contests.status, 'draft'))).returning();
    return row;
  },
  async replacePrizes(db: Db, contestId: string, rows: (typeof contestPrizes.$inferInsert)[]): Promise<void> {
    await db.delete(contestPrizes).where(eq(contestPrizes.contestId, contestId));
    if (rows.length) await db.insert(contestPrizes).values(rows);
  },
  async slugTaken(db: Db, slug: string): Promise<boolean> {
    return (await db.select({ id: contests.id }).from(contests).where(eq(contests.slug, slug)).limit(1)).length > 0;
  },
  /** By id or by slug (the API takes either). */
  async find(db: Db, idOrSlug: string, opts: { lock?: boolean } = {}): Promise<ContestRow | undefined> {
    const q = db.select().from(contests).where(or(eq(contests.id, idOrSlug), eq(contests.slug, idOrSlug))).limit(1);
    return (opts.lock ? await q.for('update') : await q)[0];
  },
  async prizes(db: Db, contestId: string): Promise<PrizeRow[]> {
    return db.select().from(contestPrizes).where(eq(contestPrizes.contestId, contestId)).orderBy(asc(contestPrizes.position));
  },
  async territoryNames(db: Db, ids: readonly string[]): Promise<{ id: string; slug: string; nameFr: string; nameEn: string }[]> {
    if (!ids.length) return [];
    return db.select({ id: territories.id, slug: territories.slug, nameFr: territories.nameFr, nameEn: territories.nameEn }).from(territories).where(inArray(territories.id, [...ids])).orderBy(asc(territories.position), asc(territories.nameFr));
  },
  /**
   * Published contests of one time window (and drafts of `draftCaisseIds`, or all drafts when null),
   * keyset on (date, id): current and upcoming soonest first, past newest first. limit + 1 rows.
   */
  async list(db: Db, o: { when: ContestWhen; now: Date; limit: number; cursor?: Cursor | undefined; draftCaisseIds: string[] | null }): Promise<ContestListRow[]> {
    const key = o.when === 'upcoming' ? contests.startsAt : contests.endsAt;
    const past = o.when === 'past';
    const drafts = o.draftCaisseIds === null ? eq(contests.status, 'draft') : o.draftCaisseIds.length ? and(eq(contests.status, 'draft'), inArray(contests.caisseId, o.draftCaisseIds)) : undefined;
    const visible = drafts ? or(eq(contests.status, 'published'), drafts) : eq(contests.status, 'published');
    const after = o.cursor ? (past ? sql`(${key}, ${contests.id}) < (${o.cursor.at}::timestamptz, ${o.cursor.id})` : sql`(${key}, ${contests.id}) > (${o.cursor.at}::timestamptz, ${o.cursor.id})`) : undefined;
    const rows = await db
      .select(listColumns)
      .from(contests)
      .innerJoin(caisses, eq(caisses.id, contests.caisseId))
      .where(and(visible, whenFilter(o.when, o.now), after))
      .orderBy(past ? desc(key) : asc(key), past ? desc(contests.id) : asc(contests.id))
      .limit(o.limit + 1);
    return rows.map(toListRow);
  },
  async caisseOf(db: Db, caisseId: string): Promise<{ id: string; slug: string; name: string } | undefined> {
    return (await db.select({ id: caisses.id, slug: caisses.slug, name: caisses.name }).from(caisses).where(eq(caisses.id, caisseId)).limit(1))[0];
  },
  /** The commitment goes out with the status, strictly before the period ends (conditional UPDATE). */
  async publish(db: Db, id: string, o: { seedSealed: string; commitment: string; now: Date }): Promise<ContestRow | undefined> {
    const [row] = await db
      .update(contests)
      .set({ status: 'published', seedSealed: o.seedSealed, commitment: o.commitment, publishedAt: o.now, updatedAt: o.now })
      .where(and(eq(contests.id, id), eq(contests.status, 'draft'), gt(contests.endsAt, o.now)))
      .returning();
    return row;
  },

  /**
   * The recorded actions that earn entries, for everyone or one person: fulfilled pledges (when they
   * became fulfilled), updates they published (not hidden), and personal pages first completed (photo,
   * bio, skills; `users.profile_completed_at`, set once by the users repository) — each in the period.
   */
  async actions(db: Db, o: { startsAt: Date; endsAt: Date; userId?: string }): Promise<ActionRecord[]> {
    const one = (col: SQL) => (o.userId ? sql`AND ${col} = ${o.userId}` : sql``);
    const rows = await execRows<{ userId: string; action: EntryAction; subjectId: string; at: string }>(db, sql`
      SELECT supporter_id AS "userId", 'pledge_fulfilled' AS action, id AS "subjectId", fulfilled_at AS at FROM pledges
        WHERE status = 'fulfilled' AND supporter_id IS NOT NULL AND fulfilled_at >= ${o.startsAt.toISOString()}::timestamptz AND fulfilled_at < ${o.endsAt.toISOString()}::timestamptz ${one(sql`supporter_id`)}
      UNION ALL
      SELECT author_id, 'project_update_published', id, created_at FROM project_updates
        WHERE author_id IS NOT NULL AND hidden_at IS NULL AND created_at >= ${o.startsAt.toISOString()}::timestamptz AND created_at < ${o.endsAt.toISOString()}::timestamptz ${one(sql`author_id`)}
      UNION ALL
      SELECT id, 'profile_completed', id, profile_completed_at FROM users
        WHERE deleted_at IS NULL AND profile_completed_at >= ${o.startsAt.toISOString()}::timestamptz AND profile_completed_at < ${o.endsAt.toISOString()}::timestamptz ${one(sql`id`)}`);
    return rows.map((r) => ({ userId: r.userId, action: r.action, subjectId: r.subjectId, at: new Date(r.at) }));
  },
  /** What eligibility needs about these people, with whether they hold a current grant of the organising caisse (or are platform admins). */
  async people(db: Db, userIds: readonly string[], caisseId: string): Promise<PersonFacts[]> {
    if (!userIds.length) return [];
    return execRows<PersonFacts>(db, sql`SELECT u.id AS "userId", u.birth_year AS "birthYear", u.email_verified_at IS NOT NULL AS "emailVerified", u.territory_id AS "territoryId",
        (u.deleted_at IS NULL AND u.suspended_at IS NULL) AS active,
        EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND (g.expires_at IS NULL OR g.expires_at > now())
          AND ((g.caisse_id = ${caisseId} AND g.role IN ('staff', 'moderator', 'admin')) OR (g.caisse_id IS NULL AND g.role = 'admin'))) AS "organiserStaff"
      FROM users u WHERE u.id IN (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)})`);
  },

  async participant(db: Db, contestId: string, userId: string): Promise<ParticipantRow | undefined> {
    return (await db.select().from(contestParticipants).where(and(eq(contestParticipants.contestId, contestId), eq(contestParticipants.userId, userId))).limit(1))[0];
  },
  /** Creates the person's pseudonym if they have none; false when the pseudonym is taken (the caller picks another). */
  async insertParticipant(db: Db, row: { contestId: string; userId: string; pseudonym: string }): Promise<boolean> {
    const rows = await db.insert(contestParticipants).values(row).onConflictDoNothing().returning({ p: contestParticipants.pseudonym });
    return rows.length > 0;
  },
  async pseudonymsOf(db: Db, contestId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await db.select({ userId: contestParticipants.userId, pseudonym: contestParticipants.pseudonym }).from(contestParticipants).where(and(eq(contestParticipants.contestId, contestId), inArray(contestParticipants.userId, [...userIds])));
    return new Map(rows.map((r) => [r.userId!, r.pseudonym]));
  },
  /** Records the frozen counts and the canonical file; false when another request froze it first. */
  async freeze(db: Db, contestId: string, o: { lines: { pseudonym: string; entries: number }[]; file: string; sha256: string; now: Date }): Promise<boolean> {
    const [done] = await db.update(contests).set({ frozenAt: o.now, entryListFile: o.file, entryListSha256: o.sha256 }).where(and(eq(contests.id, contestId), isNull(contests.frozenAt))).returning({ id: contests.id });
    if (!done) return false;
    for (const line of o.lines) {
      await db.update(contestParticipants).set({ entries: line.entries, listed: true }).where(and(eq(contestParticipants.contestId, contestId), eq(contestParticipants.pseudonym, line.pseudonym)));
    }
    return true;
  },
  async listedEntries(db: Db, contestId: string): Promise<{ pseudonym: string; entries: number }[]> {
    return db.select({ pseudonym: contestParticipants.pseudonym, entries: contestParticipants.entries }).from(contestParticipants).where(and(eq(contestParticipants.contestId, contestId), eq(contestParticipants.listed, true))).orderBy(asc(contestParticipants.pseudonym));
  },
  /** The draw's result and the revealed seed, once (conditional on drawn_at being empty). */
  async markDrawn(db: Db, contestId: string, o: { seed: string; drawnBy: string | null; rounds: ContestRow['rounds']; nextCounter: number; now: Date }): Promise<boolean> {
    const rows = await db.update(contests).set({ seedRevealed: o.seed, drawnAt: o.now, drawnBy: o.drawnBy, rounds: o.rounds, nextCounter: o.nextCounter, updatedAt: o.now }).where(and(eq(contests.id, contestId), isNull(contests.drawnAt))).returning({ id: contests.id });
    return rows.length > 0;
  },
  async recordRedraw(db: Db, contestId: string, o: { rounds: ContestRow['rounds']; nextCounter: number; now: Date }): Promise<void> {
    await db.update(contests).set({ rounds: o.rounds, nextCounter: o.nextCounter, updatedAt: o.now }).where(eq(contests.id, contestId));
  },
  async insertWinners(db: Db, rows: (typeof contestWinners.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(contestWinners).values(rows);
  },
  async winners(db: Db, contestId: string): Promise<WinnerRow[]> {
    return db.select().from(contestWinners).where(eq(contestWinners.contestId, contestId)).orderBy(asc(contestWinners.round), asc(contestWinners.slot));
  },
  /** The person's win in this contest (at most one: a person wins once), locked for a claim when asked. */
  async winOf(db: Db, contestId: string, userId: string, opts: { lock?: boolean } = {}): Promise<WinnerRow | undefined> {
    const q = db
      .select({ w: contestWinners })
      .from(contestWinners)
      .innerJoin(contestParticipants, and(eq(contestParticipants.contestId, contestWinners.contestId), eq(contestParticipants.pseudonym, contestWinners.pseudonym)))
      .where(and(eq(contestWinners.contestId, contestId), eq(contestParticipants.userId, userId)))
      .limit(1);
    const rows = opts.lock ? await q.for('update', { of: contestWinners }) : await q;
    return rows[0]?.w;
  },
  async userOfPseudonym(db: Db, contestId: string, pseudonym: string): Promise<string | null> {
    return (await db.select({ userId: contestParticipants.userId }).from(contestParticipants).where(and(eq(contestParticipants.contestId, contestId), eq(contestParticipants.pseudonym, pseudonym))).limit(1))[0]?.userId ?? null;
  },
  async setWinStatus(db: Db, id: string, from: WinStatus, patch: Partial<typeof contestWinners.$inferInsert>): Promise<boolean> {
    const rows = await db.update(contestWinners).set(patch).where(and(eq(contestWinners.id, id), eq(contestWinners.status, from))).returning({ id: contestWinners.id });
    return rows.length > 0;
  },
  /** Wins whose claim window closed unanswered become `expired` (one UPDATE); returns the contests touched. */
  async expireOverdue(db: Db, now: Date): Promise<string[]> {
    const rows = await db.update(contestWinners).set({ status: 'expired' }).where(and(eq(contestWinners.status, 'notified'), isNotNull(contestWinners.claimDeadline), lte(contestWinners.claimDeadline, now))).returning({ contestId: contestWinners.contestId });
    return [...new Set(rows.map((r) => r.contestId))];
  },
  /** Contests with a lost prize (expired or forfeited) whose slot has no newer round yet. */
  async contestsToRedraw(db: Db): Promise<string[]> {
    const rows = await execRows<{ id: string }>(db, sql`SELECT DISTINCT w.contest_id AS id FROM contest_winners w
      WHERE w.status IN ('expired', 'forfeited') AND w.pseudonym IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM contest_winners n WHERE n.contest_id = w.contest_id AND n.slot = w.slot AND n.round > w.round)`);
    return rows.map((r) => r.id);
  },
  /** Published contests whose period ended and whose list is not frozen yet. */
  async endedUnfrozen(db: Db, now: Date): Promise<string[]> {
    const rows = await db.select({ id: contests.id }).from(contests).where(and(eq(contests.status, 'published'), lte(contests.endsAt, now), isNull(contests.frozenAt))).limit(100);
    return rows.map((r) => r.id);
  },

  /** Law 25 export: the person's pseudonyms and entries, and their wins with claims. */
  async exportFor(db: Db, userId: string): Promise<{ contestEntries: Record<string, unknown>[]; contestWins: Record<string, unknown>[] }> {
    const entries = await execRows<Record<string, unknown>>(db, sql`SELECT c.slug AS contest, p.pseudonym, p.entries, p.listed, p.created_at FROM contest_participants p JOIN contests c ON c.id = p.contest_id WHERE p.user_id = ${userId} ORDER BY p.created_at`);
    const wins = await execRows<Record<string, unknown>>(db, sql`SELECT c.slug AS contest, w.round, w.slot, z.name_fr AS prize, w.status, w.claim_deadline, w.attempts, w.claimed_at
      FROM contest_winners w JOIN contest_participants p ON p.contest_id = w.contest_id AND p.pseudonym = w.pseudonym JOIN contests c ON c.id = w.contest_id JOIN contest_prizes z ON z.id = w.prize_id
      WHERE p.user_id = ${userId} ORDER BY w.created_at`);
    return { contestEntries: entries, contestWins: wins };
  },
  /** On deletion the published list keeps the pseudonym and its count; only the link to the person goes. */
  async unlinkPerson(db: Db, userId: string): Promise<void> {
    await db.update(contestParticipants).set({ userId: null }).where(eq(contestParticipants.userId, userId));
  },
};
