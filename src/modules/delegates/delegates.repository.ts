import { and, asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Cursor } from '../../platform/pagination.js';
import { roleGrants, users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { territories } from '../territories/territories.tables.js';
import { delegateApplications, delegateCampaigns, type DelegateApplicationStatus } from './delegates.tables.js';

export type CampaignRow = typeof delegateCampaigns.$inferSelect;
export type ApplicationRow = typeof delegateApplications.$inferSelect;
export type ApplicationRecord = ApplicationRow & {
  cursorAt: string;
  person: { handle: string; displayName: string };
  territory: { slug: string; nameFr: string; nameEn: string };
};
export type DelegateRecord = { handle: string; displayName: string; expiresAt: Date | null; territory: { slug: string; nameFr: string; nameEn: string } | null };
export type TerritoryCountRow = { territoryId: string; slug: string; nameFr: string; nameEn: string; status: DelegateApplicationStatus; n: number };

const activeUser = and(isNull(users.deletedAt), isNull(users.suspendedAt));
const current = or(isNull(roleGrants.expiresAt), gt(roleGrants.expiresAt, sql`now()`));
const exactCreatedAt = sql<string>`to_char(${delegateApplications.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const applicationColumns = {
  application: delegateApplications,
  cursorAt: exactCreatedAt,
  handle: users.handle,
  displayName: users.displayName,
  territorySlug: territories.slug,
  territoryFr: territories.nameFr,
  territoryEn: territories.nameEn,
};
type JoinedApplication = { application: ApplicationRow; cursorAt: string; handle: string; displayName: string; territorySlug: string; territoryFr: string; territoryEn: string };
const toRecord = (r: JoinedApplication): ApplicationRecord => ({
  ...r.application,
  cursorAt: r.cursorAt,
  person: { handle: r.handle, displayName: r.displayName },
  territory: { slug: r.territorySlug, nameFr: r.territoryFr, nameEn: r.territoryEn },
});
const applications = (db: Db) =>
  db.select(applicationColumns).from(delegateApplications).innerJoin(users, eq(users.id, delegateApplications.userId)).innerJoin(territories, eq(territories.id, delegateApplications.territoryId));

export const delegatesRepository = {
  /** The newest campaign of a caisse (its current one), if any. */
  async currentCampaign(db: Db, caisseId: string): Promise<CampaignRow | undefined> {
    const rows = await db.select().from(delegateCampaigns).where(eq(delegateCampaigns.caisseId, caisseId)).orderBy(desc(delegateCampaigns.createdAt), desc(delegateCampaigns.id)).limit(1);
    return rows[0];
  },
  async campaignById(db: Db, id: string): Promise<CampaignRow | undefined> {
    const rows = await db.select().from(delegateCampaigns).where(eq(delegateCampaigns.id, id)).limit(1);
    return rows[0];
  },
  async insertCampaign(db: Db, row: typeof delegateCampaigns.$inferInsert): Promise<CampaignRow> {
    const [created] = await db.insert(delegateCampaigns).values(row).returning();
    return created!;
  },
  /** Returns false when this person already applied to this campaign (the unique key decides). */
  async insertApplication(db: Db, row: typeof delegateApplications.$inferInsert): Promise<boolean> {
    const rows = await db.insert(delegateApplications).values(row).onConflictDoNothing().returning({ id: delegateApplications.id });
    return rows.length > 0;
  },
  async findApplication(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<ApplicationRow | undefined> {
    const q = db.select().from(delegateApplications).where(eq(delegateApplications.id, id)).limit(1);
    const rows = opts.lock ? await q.for('update') : await q;
    return rows[0];
  },
  async findRecord(db: Db, id: string): Promise<ApplicationRecord | undefined> {
    const rows = await applications(db).where(eq(delegateApplications.id, id)).limit(1);
    return rows[0] ? toRecord(rows[0]) : undefined;
  },
  async findForUser(db: Db, campaignId: string, userId: string): Promise<ApplicationRecord | undefined> {
    const rows = await applications(db).where(and(eq(delegateApplications.campaignId, campaignId), eq(delegateApplications.userId, userId))).limit(1);
    return rows[0] ? toRecord(rows[0]) : undefined;
  },
  /** A campaign's applications, oldest first (first come, first decided); keyset on (createdAt, id); limit + 1 rows. */
  async listApplications(db: Db, campaignId: string, status: DelegateApplicationStatus | undefined, limit: number, after?: Cursor): Promise<ApplicationRecord[]> {
    const rows = await applications(db)
      .where(and(
        eq(delegateApplications.campaignId, campaignId),
        status ? eq(delegateApplications.status, status) : undefined,
        after ? sql`(${delegateApplications.createdAt}, ${delegateApplications.id}) > (${after.at}::timestamptz, ${after.id})` : undefined,
      ))
      .orderBy(asc(delegateApplications.createdAt), asc(delegateApplications.id))
      .limit(limit + 1);
    return rows.map(toRecord);
  },
  /** Moves a pending application to its decision; undefined when it was no longer pending. */
  async decide(db: Db, id: string, d: { status: 'approved' | 'declined'; message: string; decidedBy: string }): Promise<ApplicationRow | undefined> {
    const [row] = await db
      .update(delegateApplications)
      .set({ status: d.status, decisionMessage: d.message, decidedBy: d.decidedBy, decidedAt: new Date() })
      .where(and(eq(delegateApplications.id, id), eq(delegateApplications.status, 'pending')))
      .returning();
    return row;
  },
  /** Grants (or renews) the delegate role of a caisse until the end of the term. */
  async grantDelegate(db: Db, g: { userId: string; caisseId: string; expiresAt: Date; grantedBy: string }): Promise<void> {
    await db.execute(sql`INSERT INTO role_grants (id, user_id, role, caisse_id, granted_by, expires_at)
      VALUES (${newId()}, ${g.userId}, 'delegate', ${g.caisseId}, ${g.grantedBy}, ${g.expiresAt.toISOString()}::timestamptz)
      ON CONFLICT (user_id, role, coalesce(caisse_id, '')) DO UPDATE SET expires_at = EXCLUDED.expires_at, granted_by = EXCLUDED.granted_by`);
  },
  /** Applications of a campaign counted per territory and status, in one query. */
  async countsByTerritory(db: Db, campaignId: string): Promise<TerritoryCountRow[]> {
    return execRows<TerritoryCountRow>(db, sql`SELECT t.id AS "territoryId", t.slug, t.name_fr AS "nameFr", t.name_en AS "nameEn", a.status, count(*)::int AS n
      FROM delegate_applications a JOIN territories t ON t.id = a.territory_id
      WHERE a.campaign_id = ${campaignId} GROUP BY t.id, t.slug, t.name_fr, t.name_en, t.position, a.status ORDER BY t.position, t.name_fr`);
  },
  /** The caisse's delegates in their current term, with the territory of their latest approved application. */
  async currentDelegates(db: Db, caisseId: string, limit = 100): Promise<DelegateRecord[]> {
    const rows = await db
      .select({ handle: users.handle, displayName: users.displayName, expiresAt: roleGrants.expiresAt, territorySlug: territories.slug, territoryFr: territories.nameFr, territoryEn: territories.nameEn })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .leftJoin(delegateApplications, sql`${delegateApplications.id} = (SELECT a.id FROM delegate_applications a WHERE a.user_id = ${roleGrants.userId} AND a.caisse_id = ${caisseId} AND a.status = 'approved' ORDER BY a.decided_at DESC NULLS LAST LIMIT 1)`)
      .leftJoin(territories, eq(territories.id, delegateApplications.territoryId))
      .where(and(eq(roleGrants.role, 'delegate'), eq(roleGrants.caisseId, caisseId), current, activeUser))
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(limit);
    return rows.map((r) => ({ handle: r.handle, displayName: r.displayName, expiresAt: r.expiresAt, territory: r.territorySlug ? { slug: r.territorySlug, nameFr: r.territoryFr ?? '', nameEn: r.territoryEn ?? '' } : null }));
  },
  /** The caisses a person is a delegate of now (their personal page's badges). */
  async delegateCaissesOf(db: Db, userId: string): Promise<{ slug: string; name: string }[]> {
    return db
      .select({ slug: caisses.slug, name: caisses.name })
      .from(roleGrants)
      .innerJoin(caisses, eq(caisses.id, roleGrants.caisseId))
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'delegate'), current))
      .orderBy(asc(caisses.name));
  },
};
