import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { execRows, type Db } from '../../db/client.js';
import { territories, territoryWaitlist, type RolloutState, type TerritoryKind } from './territories.tables.js';
import { caisses, caisseTerritories } from '../caisses/caisses.tables.js';
import { newId } from '../../db/ids.js';

export type TerritoryRow = typeof territories.$inferSelect;
export type TerritoryWithParent = TerritoryRow & { parentSlug: string | null };
export type TerritoryListFilters = { kind?: TerritoryKind | undefined; states?: readonly RolloutState[] | undefined };
/** A caisse serving a territory (one row per link). */
export type CaisseLink = { territoryId: string; caisseId: string; slug: string; name: string };
export type AncestorRow = Pick<TerritoryRow, 'id' | 'slug' | 'kind' | 'nameFr' | 'nameEn' | 'rolloutState'>;

const parent = alias(territories, 'parent');

export const territoriesRepository = {
  async list(db: Db): Promise<TerritoryRow[]> {
    return db.select().from(territories).orderBy(asc(territories.position), asc(territories.nameFr));
  },
  /** Territories with their parent's slug, in one query; optional kind and state filters. */
  async listWithParent(db: Db, filters: TerritoryListFilters = {}): Promise<TerritoryWithParent[]> {
    const conditions = [
      filters.kind ? eq(territories.kind, filters.kind) : undefined,
      filters.states ? inArray(territories.rolloutState, [...filters.states]) : undefined,
    ].filter((c) => c !== undefined);
    const rows = await db
      .select({ territory: territories, parentSlug: parent.slug })
      .from(territories)
      .leftJoin(parent, eq(parent.id, territories.parentId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(territories.position), asc(territories.nameFr));
    return rows.map((r) => ({ ...r.territory, parentSlug: r.parentSlug }));
  },
  async findBySlug(db: Db, slug: string): Promise<TerritoryRow | undefined> {
    const rows = await db.select().from(territories).where(eq(territories.slug, slug)).limit(1);
    return rows[0];
  },
  async findById(db: Db, id: string): Promise<TerritoryRow | undefined> {
    const rows = await db.select().from(territories).where(eq(territories.id, id)).limit(1);
    return rows[0];
  },
  async findByIds(db: Db, ids: string[]): Promise<TerritoryRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(territories).where(inArray(territories.id, ids));
  },
  /** The chain above a territory, from the root down to its parent (one recursive query). */
  async ancestors(db: Db, id: string): Promise<AncestorRow[]> {
    const rows = await execRows<{ id: string; slug: string; kind: TerritoryKind; name_fr: string; name_en: string; rollout_state: RolloutState; depth: number }>(db, sql`
      WITH RECURSIVE chain AS (
        SELECT p.id, p.slug, p.kind, p.name_fr, p.name_en, p.rollout_state, p.parent_id, 1 AS depth
        FROM ${territories} t JOIN ${territories} p ON p.id = t.parent_id WHERE t.id = ${id}
        UNION ALL
        SELECT p.id, p.slug, p.kind, p.name_fr, p.name_en, p.rollout_state, p.parent_id, chain.depth + 1
        FROM chain JOIN ${territories} p ON p.id = chain.parent_id WHERE chain.depth < 10
      )
      SELECT id, slug, kind, name_fr, name_en, rollout_state, depth FROM chain ORDER BY depth DESC`);
    return rows.map((r) => ({ id: r.id, slug: r.slug, kind: r.kind, nameFr: r.name_fr, nameEn: r.name_en, rolloutState: r.rollout_state }));
  },
  async children(db: Db, parentId: string): Promise<TerritoryRow[]> {
    return db.select().from(territories).where(eq(territories.parentId, parentId)).orderBy(asc(territories.position), asc(territories.nameFr));
  },
  async insert(db: Db, row: typeof territories.$inferInsert): Promise<TerritoryRow> {
    const [created] = await db.insert(territories).values(row).returning();
    return created!;
  },
  async update(db: Db, id: string, patch: Partial<typeof territories.$inferInsert>): Promise<TerritoryRow | undefined> {
    const [row] = await db.update(territories).set({ ...patch, updatedAt: new Date() }).where(eq(territories.id, id)).returning();
    return row;
  },
  async setRollout(db: Db, id: string, state: RolloutState): Promise<void> {
    await db.update(territories).set({ rolloutState: state, updatedAt: new Date() }).where(eq(territories.id, id));
  },
  /** Caisses serving each territory, in one query. */
  async caissesByTerritory(db: Db): Promise<CaisseLink[]> {
    return db
      .select({ territoryId: caisseTerritories.territoryId, caisseId: caisses.id, slug: caisses.slug, name: caisses.name })
      .from(caisseTerritories)
      .innerJoin(caisses, eq(caisses.id, caisseTerritories.caisseId))
      .orderBy(asc(caisses.name));
  },
  /** Adds an address to a territory's waitlist; a second time changes nothing (unique per territory). */
  async joinWaitlist(db: Db, territoryId: string, email: string, locale: string): Promise<void> {
    await db.insert(territoryWaitlist).values({ id: newId(), territoryId, email, locale }).onConflictDoNothing();
  },
};
