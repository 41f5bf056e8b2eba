import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pledges } from '../pledges/pledges.tables.js';
import { needs } from './needs.tables.js';
import type { PledgeSums } from './needs.status.js';

export type NeedRow = typeof needs.$inferSelect;
export type NewNeed = typeof needs.$inferInsert;
export type NeedWithSums = NeedRow & PledgeSums;

/** Sums of each need's pledges: accepted + fulfilled, and proposed (one grouped pass over the pledges asked for). */
const sums = (db: Db, where: SQL) =>
  db
    .select({
      needId: pledges.needId,
      accepted: sql<number>`coalesce(sum(${pledges.quantity}) FILTER (WHERE ${pledges.status} IN ('accepted', 'fulfilled')), 0)::int`.as('accepted'),
      proposed: sql<number>`coalesce(sum(${pledges.quantity}) FILTER (WHERE ${pledges.status} = 'proposed'), 0)::int`.as('proposed'),
    })
    .from(pledges)
    .where(where)
    .groupBy(pledges.needId)
    .as('sums');

export const needsRepository = {
  async insert(db: Db, row: NewNeed): Promise<NeedRow> {
    const [created] = await db.insert(needs).values(row).returning();
    return created!;
  },
  async findById(db: Db, id: string): Promise<NeedRow | undefined> {
    const rows = await db.select().from(needs).where(eq(needs.id, id)).limit(1);
    return rows[0];
  },
  async update(db: Db, id: string, patch: Partial<NewNeed>): Promise<NeedRow | undefined> {
    const [row] = await db.update(needs).set({ ...patch, updatedAt: new Date() }).where(eq(needs.id, id)).returning();
    return row;
  },
  async nextPosition(db: Db, projectId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`coalesce(max(${needs.position}) + 1, 0)::int` }).from(needs).where(eq(needs.projectId, projectId));
    return rows[0]?.n ?? 0;
  },
  /**
   * Needs with what their pledges add up to, in one query: the status and progress are derived
   * from these sums (needs.status.ts), never stored. By project(s) or by need id.
   */
  async withSums(db: Db, by: { projectIds: string[] } | { needId: string }): Promise<NeedWithSums[]> {
    if ('projectIds' in by && by.projectIds.length === 0) return [];
    const s = sums(db, 'needId' in by ? eq(pledges.needId, by.needId) : inArray(pledges.projectId, by.projectIds));
    const rows = await db
      .select({ need: needs, accepted: sql<number>`coalesce(${s.accepted}, 0)`, proposed: sql<number>`coalesce(${s.proposed}, 0)` })
      .from(needs)
      .leftJoin(s, eq(s.needId, needs.id))
      .where('needId' in by ? eq(needs.id, by.needId) : inArray(needs.projectId, by.projectIds))
      .orderBy(asc(needs.projectId), asc(needs.position), asc(needs.createdAt));
    return rows.map((r) => ({ ...r.need, accepted: Number(r.accepted), proposed: Number(r.proposed) }));
  },
};
