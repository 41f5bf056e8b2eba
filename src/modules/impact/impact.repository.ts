import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { caisses } from '../caisses/caisses.tables.js';
import { impactEntries } from '../pledges/pledges.tables.js';
import { territories } from '../territories/territories.tables.js';
import type { ImpactSums, TerritoryImpactRow } from './impact.types.js';

export type NewImpactEntry = Omit<typeof impactEntries.$inferInsert, 'id'>;

/** What the ledger is filtered by: a project, a territory (with the neighbourhoods under it), a caisse, a period of local days. */
export type ImpactFilter = { projectId?: string | undefined; territoryId?: string | undefined; caisseId?: string | undefined; from?: string | undefined; to?: string | undefined };

export type { ImpactSums, TerritoryImpactRow } from './impact.types.js';

const sums = {
  hours: sql<number>`coalesce(sum(${impactEntries.hours}), 0)::int`,
  fundedCents: sql<number>`coalesce(sum(${impactEntries.fundedCents}), 0)::bigint`,
  lentCents: sql<number>`coalesce(sum(${impactEntries.lentCents}), 0)::bigint`,
  itemsLent: sql<number>`coalesce(sum(${impactEntries.itemsLent}), 0)::int`,
  itemsGiven: sql<number>`coalesce(sum(${impactEntries.itemsGiven}), 0)::int`,
  people: sql<number>`count(distinct ${impactEntries.supporterKey})::int`,
  pledges: sql<number>`count(*)::int`,
  projects: sql<number>`count(distinct ${impactEntries.projectId})::int`,
};

const toSums = (r: Record<keyof ImpactSums, number | string>): ImpactSums => ({
  hours: Number(r.hours), fundedCents: Number(r.fundedCents), lentCents: Number(r.lentCents), itemsLent: Number(r.itemsLent),
  itemsGiven: Number(r.itemsGiven), people: Number(r.people), pledges: Number(r.pledges), projects: Number(r.projects),
});

/** A local day (Montréal) as the instant it starts. */
const dayStart = (day: string) => sql`(${day}::date)::timestamp AT TIME ZONE 'America/Toronto'`;

function where(f: ImpactFilter): SQL | undefined {
  const territoryTree = f.territoryId
    ? sql`${impactEntries.territoryId} IN (
        WITH RECURSIVE tree AS (
          SELECT id, 0 AS depth FROM ${territories} WHERE id = ${f.territoryId}
          UNION ALL
          SELECT t.id, tree.depth + 1 FROM ${territories} t JOIN tree ON t.parent_id = tree.id WHERE tree.depth < 10)
        SELECT id FROM tree)`
    : undefined;
  return and(
    f.projectId ? eq(impactEntries.projectId, f.projectId) : undefined,
    territoryTree,
    f.caisseId ? eq(impactEntries.caisseId, f.caisseId) : undefined,
    f.from ? gte(impactEntries.occurredAt, dayStart(f.from)) : undefined,
    f.to ? lt(impactEntries.occurredAt, sql`${dayStart(f.to)} + interval '1 day'`) : undefined,
  );
}

export const impactRepository = {
  /** Call inside the transaction that fulfils the pledge. */
  async insert(db: Db, row: NewImpactEntry): Promise<void> {
    await db.insert(impactEntries).values({ id: newId(), ...row });
  },
  async totals(db: Db, f: ImpactFilter): Promise<ImpactSums> {
    const rows = await db.select(sums).from(impactEntries).where(where(f));
    return toSums(rows[0] ?? { hours: 0, fundedCents: 0, lentCents: 0, itemsLent: 0, itemsGiven: 0, people: 0, pledges: 0, projects: 0 });
  },
  /** The same sums, one row per territory where help happened. */
  async byTerritory(db: Db, f: ImpactFilter): Promise<TerritoryImpactRow[]> {
    const rows = await db
      .select({ territoryId: impactEntries.territoryId, slug: territories.slug, nameFr: territories.nameFr, nameEn: territories.nameEn, ...sums })
      .from(impactEntries)
      .innerJoin(territories, eq(territories.id, impactEntries.territoryId))
      .where(where(f))
      .groupBy(impactEntries.territoryId, territories.slug, territories.nameFr, territories.nameEn)
      .orderBy(asc(territories.slug));
    return rows.map((r) => ({ territoryId: r.territoryId, slug: r.slug, nameFr: r.nameFr, nameEn: r.nameEn, ...toSums(r) }));
  },
  async territoryIdBySlug(db: Db, slug: string): Promise<string | undefined> {
    const rows = await db.select({ id: territories.id }).from(territories).where(eq(territories.slug, slug)).limit(1);
    return rows[0]?.id;
  },
  async caisseIdBySlug(db: Db, slug: string): Promise<string | undefined> {
    const rows = await db.select({ id: caisses.id }).from(caisses).where(eq(caisses.slug, slug)).limit(1);
    return rows[0]?.id;
  },
};
