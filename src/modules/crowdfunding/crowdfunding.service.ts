import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { viewableProject } from '../projects/projects.access.js';
import { montrealDay } from '../delegates/delegates.dates.js';
import { caissesRepository } from '../caisses/caisses.repository.js';
import { presentNeed, type NeedView } from '../needs/needs.presenter.js';
import { needsWithProgress } from '../needs/needs.service.js';
import { crowdfundingRepository as repo, type CampaignRow } from './crowdfunding.repository.js';
import { campaignAbilities, canConfirmSnapshots, canManageCampaign, matchingCaisseIds, type CampaignAbilities, type CampaignPolicyContext } from './crowdfunding.policy.js';
import { presentCampaign, presentPendingSnapshot, presentSnapshot, type CampaignView, type PendingSnapshotView, type SnapshotView } from './crowdfunding.presenter.js';
import { allocateToNeeds, percentOfGoal } from './crowdfunding.rules.js';
import { settleLocked } from './crowdfunding.settle.service.js';
import type { TCampaignBody, TMatchfundingBody, TSnapshotBody, TSnapshotDecisionBody, TSnapshotListQuery } from './crowdfunding.schemas.js';

type ProjectRef = { id: string; title: string; url: string };
export type CampaignPage = { project: ProjectRef; campaign: CampaignView | null; needShares: { needId: string; cents: number }[]; can: CampaignAbilities };

/** The project (as this actor may see it) with what the campaign rules need. */
async function access(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string, db?: Db) {
  const a = await viewableProject(deps, actor, projectId, db ? { db } : {});
  const ctx: CampaignPolicyContext = { onTeam: a.ctx.teamRole !== null, servingCaisseIds: a.serving.map((c) => c.id) };
  return { project: a.project, ctx, ref: { id: a.project.id, title: a.project.title, url: `/projets/${a.project.id}` } satisfies ProjectRef };
}

async function present(db: Db, row: CampaignRow, now = new Date()): Promise<CampaignView> {
  const caisse = row.matchCaisseId ? await repo.caisseName(db, row.matchCaisseId) : undefined;
  return presentCampaign(row, caisse ? { slug: caisse.slug, name: caisse.name } : null, now);
}

/** Confirmed raised + matched: what the campaign brings to the project's funding needs (nothing once it failed). */
function campaignMoney(c: CampaignView): number {
  return c.counts ? c.raisedCents + (c.matchfunding?.matchedCents ?? 0) : 0;
}

/** How the campaign's money shows on the project's funding needs, after pledges (ADR 0023). */
function needSharesOf(campaign: CampaignView | null, needs: readonly NeedView[]): { needId: string; cents: number }[] {
  if (!campaign) return [];
  const slots = needs.filter((n) => n.kind === 'funding').map((n) => ({ id: n.id, quantity: n.quantity, pledgedCents: n.progress.accepted, open: n.status !== 'closed' }));
  return [...allocateToNeeds(slots, campaignMoney(campaign))].map(([needId, cents]) => ({ needId, cents }));
}

/** The campaign of a project for its page and the API, with what this actor may do. */
export async function campaignPage(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string, needs?: readonly NeedView[]): Promise<CampaignPage> {
  const { ctx, ref } = await access(deps, actor, projectId);
  const row = await repo.findByProject(deps.db, projectId);
  const campaign = row ? await present(deps.db, row) : null;
  const needViews = needs ?? (campaign ? (await needsWithProgress(deps, projectId)).map(presentNeed) : []);
  return { project: ref, campaign, needShares: needSharesOf(campaign, needViews), can: campaignAbilities(actor, ctx) };
}

/** A campaign URL, normalised: http(s) (https only in production), no credentials; else the field's error. */
function checkedUrl(raw: string, production: boolean): string | { key: string } {
  const error = { key: production ? 'crowdfunding.validation.urlHttps' : 'crowdfunding.validation.url' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return error;
  }
  const ok = url.protocol === 'https:' || (!production && url.protocol === 'http:');
  return ok && !url.username && !url.password ? url.toString() : error;
}

/**
 * The team links (or changes) the project's one campaign. The goal must be above zero and, when the
 * date is new, the end in the future. The preview is fetched afterwards by the preview job.
 */
export async function linkCampaign(deps: Deps, actor: Actor | null, projectId: string, input: TCampaignBody, now = new Date()): Promise<CampaignView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const url = checkedUrl(input.url, deps.config.env === 'production');
  const endsAt = montrealDay(input.endsOn, 'end');
  const row = await deps.db.transaction(async (tx) => {
    const { ctx } = await access(deps, actor, projectId, tx);
    if (!canManageCampaign(actor, ctx)) throw new AppError('FORBIDDEN');
    const existing = await repo.findByProject(tx, projectId, { lock: true });
    if (existing && existing.status !== 'running') throw new AppError('CAMPAIGN_SETTLED');
    const fields: Record<string, { key: string }> = {};
    if (typeof url !== 'string') fields.url = url;
    if (input.goalCents <= 0) fields.goalCents = { key: 'crowdfunding.validation.goal' };
    if (Number.isNaN(endsAt.getTime())) fields.endsOn = { key: 'validation.date' };
    else if ((!existing || existing.endsAt.getTime() !== endsAt.getTime()) && endsAt.getTime() <= now.getTime()) fields.endsOn = { key: 'crowdfunding.validation.endInFuture' };
    if (Object.keys(fields).length > 0) throw validationError(fields);
    const saved = await repo.upsert(tx, { id: newId(), projectId, url: url as string, platform: input.platform, goalCents: input.goalCents, endsAt, model: input.model, createdBy: actor.id });
    await audit(tx, { actorId: actor.id, action: existing ? 'crowdfunding.campaign.update' : 'crowdfunding.campaign.link', subjectType: 'project', subjectId: projectId, data: { campaignId: saved.id, url } });
    return saved;
  });
  return present(deps.db, row, now);
}

async function campaignOf(db: Db, projectId: string, lock = false): Promise<CampaignRow> {
  const row = await repo.findByProject(db, projectId, { lock });
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND');
  return row;
}

/** The team reports the amount on the campaign page; it counts once staff confirm it. */
export async function submitSnapshot(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string, input: TSnapshotBody): Promise<SnapshotView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const { ctx } = await access(deps, actor, projectId);
  if (!canManageCampaign(actor, ctx)) throw new AppError('FORBIDDEN');
  const campaign = await campaignOf(deps.db, projectId);
  if (campaign.impactRecordedAt) throw new AppError('CAMPAIGN_SETTLED');
  const row = await repo.insertSnapshot(deps.db, { id: newId(), campaignId: campaign.id, raisedCents: input.raisedCents, backers: input.backers ?? null, note: input.note, submittedBy: actor.id });
  return presentSnapshot({ ...row, submitterName: actor.displayName, submitterHandle: actor.handle, deciderName: null });
}

/**
 * Staff of a serving caisse confirm or reject a reported amount. Under the campaign's row lock the
 * current amount becomes the latest confirmed snapshot by its time, so parallel confirmations
 * agree; after the end date the outcome is decided again (a late confirmation may save or sink it).
 */
export async function decideSnapshot(deps: Deps, actor: Actor | null, projectId: string, snapshotId: string, input: TSnapshotDecisionBody, now = new Date()): Promise<CampaignView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (input.decision === 'reject' && !input.reason) throw validationError({ reason: { key: 'crowdfunding.validation.reason' } });
  const row = await deps.db.transaction(async (tx) => {
    const { ctx } = await access(deps, actor, projectId, tx);
    if (!canConfirmSnapshots(actor, ctx)) throw new AppError('FORBIDDEN');
    const campaign = await campaignOf(tx, projectId, true);
    const snapshot = await repo.findSnapshot(tx, snapshotId);
    if (!snapshot || snapshot.campaignId !== campaign.id) throw new AppError('SNAPSHOT_NOT_FOUND');
    const decided = await repo.decideSnapshot(tx, snapshotId, { status: input.decision === 'confirm' ? 'confirmed' : 'rejected', decidedBy: actor.id, reason: input.reason });
    if (!decided) throw new AppError('SNAPSHOT_ALREADY_DECIDED');
    await audit(tx, { actorId: actor.id, action: `crowdfunding.snapshot.${decided.status}`, subjectType: 'project', subjectId: projectId, data: { snapshotId, raisedCents: decided.raisedCents } });
    if (decided.status === 'rejected') return campaign;
    const latest = (await repo.latestConfirmed(tx, campaign.id))!;
    const updated = await repo.setRaised(tx, campaign.id, { raisedCents: latest.raisedCents, backers: latest.backers, raisedAsOf: latest.takenAt, confirmedAt: latest.decidedAt });
    return settleLocked(tx, deps, updated, now);
  });
  return present(deps.db, row, now);
}

/** Staff of a serving caisse commit matchfunding (ratio, cap) on behalf of their caisse while the campaign runs. */
export async function setMatchfunding(deps: Deps, actor: Actor | null, projectId: string, input: TMatchfundingBody): Promise<CampaignView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await deps.db.transaction(async (tx) => {
    const { ctx } = await access(deps, actor, projectId, tx);
    const mine = matchingCaisseIds(actor, ctx);
    if (mine.length === 0) throw new AppError('FORBIDDEN');
    let caisseId = mine.length === 1 && !input.caisse ? mine[0]! : undefined;
    if (input.caisse) {
      const chosen = await caissesRepository.findBySlug(tx, input.caisse);
      if (!chosen || !mine.includes(chosen.id)) throw new AppError('MATCH_CAISSE_NOT_SERVING');
      caisseId = chosen.id;
    }
    if (!caisseId) throw validationError({ caisse: { key: 'validation.choice' } });
    const campaign = await campaignOf(tx, projectId, true);
    if (campaign.status !== 'running') throw new AppError('CAMPAIGN_SETTLED');
    await repo.setMatch(tx, campaign.id, { caisseId, ratioPercent: input.ratioPercent, capCents: input.capCents, setBy: actor.id });
    await audit(tx, { actorId: actor.id, action: 'crowdfunding.matchfunding.set', subjectType: 'project', subjectId: projectId, data: { caisseId, ratioPercent: input.ratioPercent, capCents: input.capCents } });
    return (await repo.findById(tx, campaign.id))!;
  });
  return present(deps.db, row);
}

/** The team asks for the preview to be read again (the preview job picks it up). */
export async function requestPreviewRefresh(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const { ctx } = await access(deps, actor, projectId);
  if (!canManageCampaign(actor, ctx)) throw new AppError('FORBIDDEN');
  const campaign = await campaignOf(deps.db, projectId);
  await repo.setPreview(deps.db, campaign.id, { status: 'pending' });
}

/** The history of reported amounts: the team and the staff who confirm them. */
export async function listSnapshots(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string, query: TSnapshotListQuery): Promise<{ items: SnapshotView[]; nextCursor: string | null }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const { ctx } = await access(deps, actor, projectId);
  if (!canManageCampaign(actor, ctx) && !canConfirmSnapshots(actor, ctx)) throw new AppError('FORBIDDEN');
  const campaign = await campaignOf(deps.db, projectId);
  const rows = await repo.listSnapshots(deps.db, campaign.id, query.limit, decodeCursor(query.cursor));
  const result = page(rows, query.limit, (r) => ({ at: r.takenAt, id: r.id }));
  return { items: result.items.map(presentSnapshot), nextCursor: result.nextCursor };
}

/** Reported amounts waiting in a caisse's territories (the caisse space card; the caller checked the staff). */
export async function pendingAmountsIn(deps: Pick<Deps, 'db'>, territoryIds: readonly string[], limit = 25): Promise<PendingSnapshotView[]> {
  return (await repo.pendingInTerritories(deps.db, territoryIds, limit)).map(presentPendingSnapshot);
}

/** What the staff's matchfunding form offers: the serving caisses this actor acts for. */
export async function matchingCaisses(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string): Promise<{ slug: string; name: string }[]> {
  const { ctx } = await access(deps, actor, projectId);
  const ids = matchingCaisseIds(actor, ctx);
  const rows = await Promise.all(ids.map((id) => repo.caisseName(deps.db, id)));
  return rows.filter((r) => r !== undefined).map((r) => ({ slug: r.slug, name: r.name }));
}

export type CampaignChip = { platform: string; percent: number; status: CampaignRow['status'] };

/** The campaign line of project cards (one query for a page of cards); a failed campaign shows none. */
export async function campaignChips(deps: Pick<Deps, 'db'>, projectIds: readonly string[]): Promise<Map<string, CampaignChip>> {
  const rows = await repo.forProjects(deps.db, projectIds);
  return new Map(rows.filter((r) => r.status !== 'failed').map((r) => [r.projectId, { platform: r.platform, percent: percentOfGoal(r.raisedCents, r.goalCents), status: r.status }]));
}
