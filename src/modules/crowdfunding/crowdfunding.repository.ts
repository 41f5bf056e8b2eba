import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { roleGrants, users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { projects } from '../projects/projects.tables.js';
import { crowdfundingCampaigns as campaigns, crowdfundingSnapshots as snapshots, type CampaignStatus, type SnapshotStatus } from './crowdfunding.tables.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type SnapshotRow = typeof snapshots.$inferSelect;
export type SnapshotRecord = SnapshotRow & { submitterName: string | null; submitterHandle: string | null; deciderName: string | null };
export type PendingSnapshotRow = SnapshotRow & { projectId: string; projectTitle: string; platform: string };

const submitter = alias(users, 'submitter');
const decider = alias(users, 'decider');
type Person = { deletedAt: AnyColumn; displayName: AnyColumn; handle: AnyColumn };
/** A deleted account is never named (its row stays as a tombstone). */
const nameOf = (u: Person) => sql<string | null>`CASE WHEN ${u.deletedAt} IS NULL THEN ${u.displayName} END`;
const handleOf = (u: Person) => sql<string | null>`CASE WHEN ${u.deletedAt} IS NULL THEN ${u.handle} END`;

export const crowdfundingRepository = {
  async findByProject(db: Db, projectId: string, opts: { lock?: boolean } = {}): Promise<CampaignRow | undefined> {
    const q = db.select().from(campaigns).where(eq(campaigns.projectId, projectId)).limit(1);
    return (opts.lock ? await q.for('update') : await q)[0];
  },
  async findById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<CampaignRow | undefined> {
    const q = db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
    return (opts.lock ? await q.for('update') : await q)[0];
  },
  /** The campaigns of these projects (project cards). */
  async forProjects(db: Db, projectIds: readonly string[]): Promise<CampaignRow[]> {
    if (projectIds.length === 0) return [];
    return db.select().from(campaigns).where(inArray(campaigns.projectId, [...projectIds]));
  },
  /** One campaign per project: a second link replaces the first one's link fields (amounts and history stay). */
  async upsert(db: Db, row: NewCampaign): Promise<CampaignRow> {
    const rows = await db
      .insert(campaigns)
      .values(row)
      .onConflictDoUpdate({
        target: campaigns.projectId,
        set: { url: row.url, platform: row.platform, goalCents: row.goalCents, endsAt: row.endsAt, model: row.model, previewStatus: 'pending', updatedAt: sql`now()` },
      })
      .returning();
    return rows[0]!;
  },
  async setPreview(db: Db, id: string, preview: { status: 'ready' | 'failed' | 'pending'; title?: string | null; imageKey?: string | null; imageWidth?: number | null; imageHeight?: number | null }): Promise<void> {
    await db
      .update(campaigns)
      .set({
        previewStatus: preview.status,
        ...(preview.title !== undefined ? { previewTitle: preview.title } : {}),
        ...(preview.imageKey !== undefined ? { previewImageKey: preview.imageKey, previewImageWidth: preview.imageWidth ?? null, previewImageHeight: preview.imageHeight ?? null } : {}),
        previewFetchedAt: preview.status === 'pending' ? undefined : sql`now()`,
      })
      .where(eq(campaigns.id, id));
  },
  async insertSnapshot(db: Db, row: typeof snapshots.$inferInsert): Promise<SnapshotRow> {
    return (await db.insert(snapshots).values(row).returning())[0]!;
  },
  async findSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
    return (await db.select().from(snapshots).where(eq(snapshots.id, id)).limit(1))[0];
  },
  /** Decides a pending snapshot; undefined when someone decided it first (the conditional UPDATE is the guard). */
  async decideSnapshot(db: Db, id: string, d: { status: Exclude<SnapshotStatus, 'pending'>; decidedBy: string; reason: string }): Promise<SnapshotRow | undefined> {
    const rows = await db
      .update(snapshots)
      .set({ status: d.status, decidedBy: d.decidedBy, decidedAt: sql`now()`, rejectReason: d.reason })
      .where(and(eq(snapshots.id, id), eq(snapshots.status, 'pending')))
      .returning();
    return rows[0];
  },
  /** The confirmed snapshot that sets the amount: the latest by its time (then by id, so ties are stable). */
  async latestConfirmed(db: Db, campaignId: string): Promise<SnapshotRow | undefined> {
    return (await db.select().from(snapshots).where(and(eq(snapshots.campaignId, campaignId), eq(snapshots.status, 'confirmed'))).orderBy(desc(snapshots.takenAt), desc(snapshots.id)).limit(1))[0];
  },
  async setRaised(db: Db, id: string, r: { raisedCents: number; backers: number | null; raisedAsOf: Date | null; confirmedAt: Date | null }): Promise<CampaignRow> {
    return (await db.update(campaigns).set({ ...r, updatedAt: sql`now()` }).where(eq(campaigns.id, id)).returning())[0]!;
  },
  async setMatch(db: Db, id: string, m: { caisseId: string; ratioPercent: number; capCents: number; setBy: string }): Promise<void> {
    await db.update(campaigns).set({ matchCaisseId: m.caisseId, matchRatioPercent: m.ratioPercent, matchCapCents: m.capCents, matchSetBy: m.setBy, matchSetAt: sql`now()`, updatedAt: sql`now()` }).where(eq(campaigns.id, id));
  },
  /** Moves the status from what the caller read (under its lock) to the outcome. */
  async setStatus(db: Db, id: string, from: CampaignStatus, to: CampaignStatus): Promise<CampaignRow | undefined> {
    const rows = await db.update(campaigns).set({ status: to, settledAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(campaigns.id, id), eq(campaigns.status, from))).returning();
    return rows[0];
  },
  /** True once: the money of this campaign goes into the impact ledger a single time. */
  async claimImpactRecording(db: Db, id: string): Promise<boolean> {
    const rows = await db.update(campaigns).set({ impactRecordedAt: sql`now()` }).where(and(eq(campaigns.id, id), isNull(campaigns.impactRecordedAt))).returning({ id: campaigns.id });
    return rows.length === 1;
  },
  /** Campaigns whose preview waits to be read (new link or refresh), oldest change first. */
  async pendingPreviews(db: Db, limit: number): Promise<{ id: string }[]> {
    return db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.previewStatus, 'pending')).orderBy(asc(campaigns.updatedAt)).limit(limit);
  },
  /** Running campaigns whose end date has passed (the settlement job). */
  async dueForSettlement(db: Db, now: Date, limit: number): Promise<{ id: string }[]> {
    return db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.status, 'running'), lte(campaigns.endsAt, now))).orderBy(asc(campaigns.endsAt)).limit(limit);
  },
  /** A campaign's snapshots, newest first (keyset on takenAt, id); up to limit + 1 rows. */
  async listSnapshots(db: Db, campaignId: string, limit: number, cursor?: Cursor): Promise<SnapshotRecord[]> {
    const after = cursor ? or(lt(snapshots.takenAt, new Date(cursor.at)), and(eq(snapshots.takenAt, new Date(cursor.at)), lt(snapshots.id, cursor.id))) : undefined;
    const rows = await db
      .select({ s: snapshots, submitterName: nameOf(submitter), submitterHandle: handleOf(submitter), deciderName: nameOf(decider) })
      .from(snapshots)
      .leftJoin(submitter, eq(submitter.id, snapshots.submittedBy))
      .leftJoin(decider, eq(decider.id, snapshots.decidedBy))
      .where(and(eq(snapshots.campaignId, campaignId), after))
      .orderBy(desc(snapshots.takenAt), desc(snapshots.id))
      .limit(limit + 1);
    return rows.map((r) => ({ ...r.s, submitterName: r.submitterName, submitterHandle: r.submitterHandle, deciderName: r.deciderName }));
  },
  /** Pending snapshots of projects in these territories, oldest first (the caisse space's "amounts to confirm"). */
  async pendingInTerritories(db: Db, territoryIds: readonly string[], limit: number): Promise<PendingSnapshotRow[]> {
    if (territoryIds.length === 0) return [];
    const rows = await db
      .select({ s: snapshots, projectId: projects.id, projectTitle: projects.title, platform: campaigns.platform })
      .from(snapshots)
      .innerJoin(campaigns, eq(campaigns.id, snapshots.campaignId))
      .innerJoin(projects, eq(projects.id, campaigns.projectId))
      .where(and(eq(snapshots.status, 'pending'), inArray(projects.territoryId, [...territoryIds])))
      .orderBy(asc(snapshots.takenAt), asc(snapshots.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.s, projectId: r.projectId, projectTitle: r.projectTitle, platform: r.platform }));
  },
  async caisseName(db: Db, caisseId: string): Promise<{ id: string; slug: string; name: string } | undefined> {
    return (await db.select({ id: caisses.id, slug: caisses.slug, name: caisses.name }).from(caisses).where(eq(caisses.id, caisseId)).limit(1))[0];
  },
  /** Active staff of a caisse (who hear about its matchfunding). */
  async staffIdsOf(db: Db, caisseId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ id: users.id })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.caisseId, caisseId), inArray(roleGrants.role, ['staff', 'admin']), isNull(users.deletedAt)));
    return rows.map((r) => r.id);
  },
  /** Law 25 export: the amounts this person reported (snake_case columns, as the export expects). */
  async snapshotsSubmittedBy(db: Db, userId: string): Promise<Record<string, unknown>[]> {
    const rows = await db
      .select({ id: snapshots.id, campaign_url: campaigns.url, project_id: campaigns.projectId, raised_cents: snapshots.raisedCents, backers: snapshots.backers, note: snapshots.note, status: snapshots.status, taken_at: snapshots.takenAt, decided_at: snapshots.decidedAt, reject_reason: snapshots.rejectReason })
      .from(snapshots)
      .innerJoin(campaigns, eq(campaigns.id, snapshots.campaignId))
      .where(eq(snapshots.submittedBy, userId))
      .orderBy(asc(snapshots.takenAt));
    return rows;
  },
  /** Account deletion: the amounts stay (the project relies on them), without who reported or decided them. */
  async forgetPerson(db: Db, userId: string): Promise<void> {
    await db.update(snapshots).set({ submittedBy: null }).where(eq(snapshots.submittedBy, userId));
    await db.update(snapshots).set({ decidedBy: null }).where(eq(snapshots.decidedBy, userId));
    await db.update(campaigns).set({ createdBy: null }).where(eq(campaigns.createdBy, userId));
    await db.update(campaigns).set({ matchSetBy: null }).where(eq(campaigns.matchSetBy, userId));
  },
};
