import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { users } from '../auth/auth.tables.js';
import { territories, territoryWaitlist, type RolloutState } from './territories.tables.js';
import { territoryRolloutChanges } from './territories.rollout.tables.js';

export type RolloutChangeRow = typeof territoryRolloutChanges.$inferSelect;
export type RolloutHistoryRow = RolloutChangeRow & { createdByName: string | null };
/** Per territory: since when it is in its state, and the change scheduled next (if any). */
export type RolloutDates = { territoryId: string; since: Date | null; nextState: RolloutState | null; nextAt: Date | null };
/** A waitlisted address just claimed for its invitation, with what the mail needs. */
export type ClaimedInvite = { id: string; email: string; locale: string; territoryId: string; slug: string; kind: string; nameFr: string; nameEn: string };

const OPEN_STATES = sql`('pilot', 'open')`;

export const rolloutRepository = {
  async insertChange(db: Db, row: Omit<typeof territoryRolloutChanges.$inferInsert, 'id'>): Promise<RolloutChangeRow> {
    const [created] = await db.insert(territoryRolloutChanges).values({ id: newId(), ...row }).returning();
    return created!;
  },
  /** A newer decision replaces a pending schedule: the old one is kept, marked cancelled. */
  async cancelPending(db: Db, territoryId: string): Promise<number> {
    const rows = await db
      .update(territoryRolloutChanges)
      .set({ cancelledAt: new Date() })
      .where(and(eq(territoryRolloutChanges.territoryId, territoryId), isNull(territoryRolloutChanges.appliedAt), isNull(territoryRolloutChanges.cancelledAt)))
      .returning({ id: territoryRolloutChanges.id });
    return rows.length;
  },
  /** The oldest due schedule, locked (SKIP LOCKED: two job runs never apply the same change). */
  async claimDue(db: Db, now: Date): Promise<RolloutChangeRow | undefined> {
    const rows = await db
      .select()
      .from(territoryRolloutChanges)
      .where(and(isNull(territoryRolloutChanges.appliedAt), isNull(territoryRolloutChanges.cancelledAt), sql`${territoryRolloutChanges.effectiveAt} <= ${now.toISOString()}`))
      .orderBy(territoryRolloutChanges.effectiveAt)
      .limit(1)
      .for('update', { skipLocked: true });
    return rows[0];
  },
  async markApplied(db: Db, id: string, fromState: RolloutState): Promise<void> {
    await db.update(territoryRolloutChanges).set({ appliedAt: new Date(), fromState }).where(eq(territoryRolloutChanges.id, id));
  },
  async history(db: Db, territoryId: string, limit = 50): Promise<RolloutHistoryRow[]> {
    const rows = await db
      .select({ change: territoryRolloutChanges, createdByName: users.displayName })
      .from(territoryRolloutChanges)
      .leftJoin(users, eq(users.id, territoryRolloutChanges.createdBy))
      .where(eq(territoryRolloutChanges.territoryId, territoryId))
      .orderBy(desc(territoryRolloutChanges.createdAt), desc(territoryRolloutChanges.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.change, createdByName: r.createdByName }));
  },
  async datesOf(db: Db, territoryId: string): Promise<RolloutDates | undefined> {
    return (await rolloutRepository.dates(db, territoryId))[0];
  },
  /** Since-dates and next schedules of every territory (or one), in one query. */
  async dates(db: Db, territoryId?: string): Promise<RolloutDates[]> {
    const rows = await execRows<{ territory_id: string; since: string | null; next_state: RolloutState | null; next_at: string | null }>(db, sql`
      SELECT t.id AS territory_id,
        (SELECT max(c.applied_at) FROM ${territoryRolloutChanges} c WHERE c.territory_id = t.id AND c.applied_at IS NOT NULL) AS since,
        n.to_state AS next_state, n.effective_at AS next_at
      FROM ${territories} t
      LEFT JOIN LATERAL (
        SELECT c.to_state, c.effective_at FROM ${territoryRolloutChanges} c
        WHERE c.territory_id = t.id AND c.applied_at IS NULL AND c.cancelled_at IS NULL
        ORDER BY c.effective_at LIMIT 1
      ) n ON true
      ${territoryId ? sql`WHERE t.id = ${territoryId}` : sql``}`);
    const date = (v: string | null) => (v ? new Date(v) : null);
    return rows.map((r) => ({ territoryId: r.territory_id, since: date(r.since), nextState: r.next_state, nextAt: date(r.next_at) }));
  },
  /**
   * Claims up to `limit` waitlisted addresses of opened territories that were never invited:
   * `notified_at` is set in the caller's transaction, which also queues the mail. A concurrent run
   * skips the locked rows and, after commit, sees them notified: each address is mailed once.
   */
  async claimInvites(db: Db, limit: number): Promise<ClaimedInvite[]> {
    const rows = await execRows<{ id: string; email: string; locale: string; territory_id: string; slug: string; kind: string; name_fr: string; name_en: string }>(db, sql`
      UPDATE ${territoryWaitlist} w SET notified_at = now()
      FROM ${territories} t
      WHERE t.id = w.territory_id AND w.id IN (
        SELECT w2.id FROM ${territoryWaitlist} w2 JOIN ${territories} t2 ON t2.id = w2.territory_id
        WHERE w2.notified_at IS NULL AND t2.rollout_state IN ${OPEN_STATES}
        ORDER BY w2.created_at, w2.id
        LIMIT ${limit}
        FOR UPDATE OF w2 SKIP LOCKED)
      AND w.notified_at IS NULL
      RETURNING w.id, w.email, w.locale, w.territory_id, t.slug, t.kind, t.name_fr, t.name_en`);
    return rows.map((r) => ({ id: r.id, email: r.email, locale: r.locale, territoryId: r.territory_id, slug: r.slug, kind: r.kind, nameFr: r.name_fr, nameEn: r.name_en }));
  },
  async findWaitlistEntry(db: Db, id: string): Promise<typeof territoryWaitlist.$inferSelect | undefined> {
    const rows = await db.select().from(territoryWaitlist).where(eq(territoryWaitlist.id, id)).limit(1);
    return rows[0];
  },
  /** Waitlist counts per territory (pending = not invited yet). */
  async waitlistCounts(db: Db, territoryId: string): Promise<{ total: number; pending: number }> {
    const rows = await db
      .select({ total: sql<number>`count(*)::int`, pending: sql<number>`count(*) FILTER (WHERE ${territoryWaitlist.notifiedAt} IS NULL)::int` })
      .from(territoryWaitlist)
      .where(eq(territoryWaitlist.territoryId, territoryId));
    return rows[0] ?? { total: 0, pending: 0 };
  },
  async setBoundary(db: Db, id: string, boundary: unknown): Promise<void> {
    await db.update(territories).set({ boundary, updatedAt: new Date() }).where(eq(territories.id, id));
  },
};
