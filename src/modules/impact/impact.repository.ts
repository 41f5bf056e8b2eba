import { and, asc, eq, gte, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { caisses } from '../caisses/caisses.tables.js';
import { impactEntries } from '../pledges/pledges.tables.js';
import { territories } from '../territories/territories.tables.js';
import type { ImpactSums, TerritoryImpactRow } from './impact.types.js';

export type NewImpactEntry = Omit<typeof impactEntries.$inferInsert, 'id'>;

/** What the ledger is filtered by: a project, a territory (with the neighbourhoods under it), a caisse, a period of local days. */
export type ImpactFilter = { projectId?: string | undefined; territoryId?: string | undefined; caisseId?: string | undefined; from?: string | undefined; to?: string | undefined; supporterKey?: string | undefined };

export type { ImpactSums, TerritoryImpactRow } from './impact.types.js';

/** Help counts once its date has come; until then it is planned. */
const due = sql`${impactEntries.occurredAt} <= now()`;
const ahead = sql`${impactEntries.occurredAt} > now()`;
const sumWhen = (column: AnyColumn, when: SQL, cast: 'int' | 'bigint') => sql<number>`coalesce(sum(${column}) FILTER (WHERE ${when}), 0)::${sql.raw(cast)}`;

const sums = {
  hours: sumWhen(impactEntries.hours, due, 'int'),
  fundedCents: sumWhen(impactEntries.fundedCents, due, 'bigint'),
  lentCents: sumWhen(impactEntries.lentCents, due, 'bigint'),
  itemsLent: sumWhen(impactEntries.itemsLent, due, 'int'),
  itemsGiven: sumWhen(impactEntries.itemsGiven, due, 'int'),
  people: sql<number>`count(distinct ${impactEntries.supporterKey}) FILTER (WHERE ${due})::int`,
  // Fulfilled pledges only: a caisse's call award (ADR 0021) is money in the ledger without a pledge.
  pledges: sql<number>`count(${impactEntries.pledgeId}) FILTER (WHERE ${due})::int`,
  projects: sql<number>`count(distinct ${impactEntries.projectId}) FILTER (WHERE ${due})::int`,
  plannedHours: sumWhen(impactEntries.hours, ahead, 'int'),
  plannedFundedCents: sumWhen(impactEntries.fundedCents, ahead, 'bigint'),
  plannedLentCents: sumWhen(impactEntries.lentCents, ahead, 'bigint'),
  plannedItemsLent: sumWhen(impactEntries.itemsLent, ahead, 'int'),
  plannedItemsGiven: sumWhen(impactEntries.itemsGiven, ahead, 'int'),
  plannedPledges: sql<number>`count(${impactEntries.pledgeId}) FILTER (WHERE ${ahead})::int`,
};
type RawSums = Record<keyof typeof sums, number | string>;

const toSums = (r: RawSums): ImpactSums => ({
  hours: Number(r.hours), fundedCents: Number(r.fundedCents), lentCents: Number(r.lentCents), itemsLent: Number(r.itemsLent),
  itemsGiven: Number(r.itemsGiven), people: Number(r.people), pledges: Number(r.pledges), projects: Number(r.projects),
  planned: {
    hours: Number(r.plannedHours), fundedCents: Number(r.plannedFundedCents), lentCents: Number(r.plannedLentCents),
    itemsLent: Number(r.plannedItemsLent), itemsGiven: Number(r.plannedItemsGiven), pledges: Number(r.plannedPledges),
  },
});
const NO_SUMS = Object.fromEntries(Object.keys(sums).map((k) => [k, 0])) as RawSums;

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
    f.supporterKey ? eq(impactEntries.supporterKey, f.supporterKey) : undefined,
    f.from ? gte(impactEntries.occurredAt, dayStart(f.from)) : undefined,
    f.to ? lt(impactEntries.occurredAt, sql`${dayStart(f.to)} + interval '1 day'`) : undefined,
  );
}

export const impactRepository = {
  /**
   * Call inside the transaction that fulfils the pledge. With `helpDay` (the help's last local
   * day), the entry happens at the later of `occurredAt` and the start of that day: help confirmed
   * ahead of its date stays planned until the day comes.
   */
  async insert(db: Db, row: NewImpactEntry & { occurredAt: Date }, helpDay?: string | null): Promise<void> {
    const occurredAt = helpDay ? sql`greatest(${row.occurredAt.toISOString()}::timestamptz, ${dayStart(helpDay)})` : row.occurredAt;
    await db.insert(impactEntries).values({ id: newId(), ...row, occurredAt });
  },
  async totals(db: Db, f: ImpactFilter): Promise<ImpactSums> {
    const rows = await db.select(sums).from(impactEntries).where(where(f));
    return toSums(rows[0] ?? NO_SUMS);
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
