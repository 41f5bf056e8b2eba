import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { territories, type RolloutState } from '../territories/territories.tables.js';
import type { TerritoryRow } from '../territories/territories.repository.js';

export type NewTerritory = typeof territories.$inferInsert;
export type TerritoryPatch = Partial<Pick<NewTerritory, 'nameFr' | 'nameEn' | 'descriptionFr' | 'descriptionEn' | 'parentId' | 'position' | 'rolloutState'>>;

/** Admin writes on territories (reads come from territoriesRepository). */
export const adminTerritoriesRepository = {
  /** Returns undefined when the slug is already used (the unique index decides, not a prior read). */
  async insert(db: Db, row: NewTerritory): Promise<TerritoryRow | undefined> {
    const rows = await db.insert(territories).values(row).onConflictDoNothing().returning();
    return rows[0];
  },
  async update(db: Db, id: string, patch: TerritoryPatch): Promise<TerritoryRow | undefined> {
    const rows = await db.update(territories).set({ ...patch, updatedAt: new Date() }).where(eq(territories.id, id)).returning();
    return rows[0];
  },
  /** Locks the row so two concurrent rollout changes audit the right `from` state. */
  async findForUpdate(db: Db, slug: string): Promise<TerritoryRow | undefined> {
    const rows = await db.select().from(territories).where(eq(territories.slug, slug)).limit(1).for('update');
    return rows[0];
  },
  async countByRolloutState(db: Db): Promise<Partial<Record<RolloutState, number>>> {
    const rows = await db.select({ state: territories.rolloutState, n: sql<number>`count(*)::int` }).from(territories).groupBy(territories.rolloutState);
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  },
};
