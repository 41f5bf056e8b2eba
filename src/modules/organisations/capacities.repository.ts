import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { capacities, capacityUsage } from './partners.tables.js';

export type CapacityRow = typeof capacities.$inferSelect;
export type NewCapacity = typeof capacities.$inferInsert;

/** Standing capacities and what each gave per period: the only SQL of the capacity catalogue. */
export const capacitiesRepository = {
  async insert(db: Db, row: NewCapacity): Promise<CapacityRow> {
    const [created] = await db.insert(capacities).values(row).returning();
    return created!;
  },
  async find(db: Db, id: string): Promise<CapacityRow | undefined> {
    const rows = await db.select().from(capacities).where(eq(capacities.id, id)).limit(1);
    return rows[0];
  },
  /** Current capacities of an organisation, oldest first. */
  async listOf(db: Db, organisationId: string): Promise<CapacityRow[]> {
    return db.select().from(capacities).where(and(eq(capacities.organisationId, organisationId), isNull(capacities.archivedAt))).orderBy(asc(capacities.createdAt), asc(capacities.id));
  },
  async archive(db: Db, id: string): Promise<void> {
    await db.update(capacities).set({ archivedAt: new Date() }).where(eq(capacities.id, id));
  },
  /** Used amounts of these capacities, by `capacityId|periodKey`. */
  async usage(db: Db, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select().from(capacityUsage).where(inArray(capacityUsage.capacityId, ids));
    return new Map(rows.map((r) => [`${r.capacityId}|${r.periodKey}`, r.used]));
  },
  /**
   * Takes `quantity` from a capacity's period, only if what is used stays within its amount: one
   * conditional UPDATE, so concurrent fulfilments queue on the usage row and re-check the condition
   * (PostgreSQL re-evaluates the WHERE after the lock). Returns the new used amount, or null when
   * it would go over.
   */
  async consume(db: Db, capacityId: string, key: string, quantity: number): Promise<number | null> {
    await db.insert(capacityUsage).values({ capacityId, periodKey: key, used: 0 }).onConflictDoNothing();
    const rows = await db
      .update(capacityUsage)
      .set({ used: sql`${capacityUsage.used} + ${quantity}` })
      .where(and(
        eq(capacityUsage.capacityId, capacityId),
        eq(capacityUsage.periodKey, key),
        sql`${capacityUsage.used} + ${quantity} <= (SELECT ${capacities.amount} FROM ${capacities} WHERE ${capacities.id} = ${capacityId})`,
      ))
      .returning({ used: capacityUsage.used });
    return rows[0]?.used ?? null;
  },
};
