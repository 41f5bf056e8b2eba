import { and, countDistinct, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { impactEntries, pledges } from '../pledges/pledges.tables.js';
import { projects } from '../projects/projects.tables.js';
import { needs, type NeedUnit } from '../needs/needs.tables.js';
import { territories } from '../territories/territories.tables.js';
import type { ImpactSums } from '../impact/impact.types.js';
import type { PledgeStatus } from '../pledges/pledges.tables.js';
import { PUBLIC_STATUSES } from '../projects/projects.policy.js';

/** The partner dashboard's figures, all scoped to pledges made on the organisation's behalf. */
export const dashboardRepository = {
  async pledgesByStatus(db: Db, organisationId: string): Promise<Partial<Record<PledgeStatus, number>>> {
    const rows = await db.select({ status: pledges.status, n: sql<number>`count(*)::int` }).from(pledges).where(eq(pledges.organisationId, organisationId)).groupBy(pledges.status);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },
  /** Projects the organisation pledged to (not counting declined or withdrawn pledges), most recent first. */
  async projectsSupported(db: Db, organisationId: string, limit: number): Promise<{ id: string; title: string; status: string; pledges: number }[]> {
    const rows = await db
      .select({ id: projects.id, title: projects.title, status: projects.status, pledges: sql<number>`count(*)::int`, last: sql<string>`max(${pledges.createdAt})` })
      .from(pledges)
      .innerJoin(projects, eq(projects.id, pledges.projectId))
      .where(and(eq(pledges.organisationId, organisationId), inArray(pledges.status, ['proposed', 'accepted', 'fulfilled']), inArray(projects.status, [...PUBLIC_STATUSES])))
      .groupBy(projects.id, projects.title, projects.status)
      .orderBy(desc(sql`max(${pledges.createdAt})`))
      .limit(limit);
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, pledges: Number(r.pledges) }));
  },
  /** What the organisation's fulfilled pledges added to the impact ledger (help whose date has come). */
  async impact(db: Db, organisationId: string): Promise<ImpactSums> {
    const [row] = await db
      .select({
        hours: sql<number>`coalesce(sum(${impactEntries.hours}), 0)::int`,
        fundedCents: sql<number>`coalesce(sum(${impactEntries.fundedCents}), 0)::int`,
        lentCents: sql<number>`coalesce(sum(${impactEntries.lentCents}), 0)::int`,
        itemsLent: sql<number>`coalesce(sum(${impactEntries.itemsLent}), 0)::int`,
        itemsGiven: sql<number>`coalesce(sum(${impactEntries.itemsGiven}), 0)::int`,
        people: countDistinct(impactEntries.supporterKey),
        pledges: sql<number>`count(*)::int`,
        projects: countDistinct(impactEntries.projectId),
      })
      .from(impactEntries)
      .innerJoin(pledges, eq(pledges.id, impactEntries.pledgeId))
      .where(and(eq(pledges.organisationId, organisationId), sql`${impactEntries.occurredAt} <= now()`));
    const n = (v: unknown) => Number(v ?? 0);
    return { hours: n(row?.hours), fundedCents: n(row?.fundedCents), lentCents: n(row?.lentCents), itemsLent: n(row?.itemsLent), itemsGiven: n(row?.itemsGiven), people: n(row?.people), pledges: n(row?.pledges), projects: n(row?.projects) };
  },
  /** The organisation's pledges on its honour to public projects (not hidden), newest first: what its page lists. */
  async honourPledges(db: Db, organisationId: string, limit: number): Promise<HonourPledge[]> {
    return db
      .select({ id: pledges.id, status: pledges.status, quantity: pledges.quantity, unit: needs.unit, needTitle: needs.title, projectId: projects.id, projectTitle: projects.title, territorySlug: territories.slug, territoryFr: territories.nameFr, territoryEn: territories.nameEn })
      .from(pledges)
      .innerJoin(needs, eq(needs.id, pledges.needId))
      .innerJoin(projects, eq(projects.id, pledges.projectId))
      .innerJoin(territories, eq(territories.id, projects.territoryId))
      .where(and(eq(pledges.organisationId, organisationId), eq(pledges.onHonour, true), inArray(pledges.status, ['proposed', 'accepted', 'fulfilled']), inArray(projects.status, [...PUBLIC_STATUSES]), isNull(projects.hiddenAt)))
      .orderBy(desc(pledges.createdAt), desc(pledges.id))
      .limit(limit);
  },
};

export type HonourPledge = { id: string; status: PledgeStatus; quantity: number; unit: NeedUnit; needTitle: string; projectId: string; projectTitle: string; territorySlug: string; territoryFr: string; territoryEn: string };
