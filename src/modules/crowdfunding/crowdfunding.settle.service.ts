import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { hmac } from '../../platform/crypto.js';
import { audit } from '../../platform/audit.js';
import { impactRepository } from '../impact/impact.repository.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { projectsRepository } from '../projects/projects.repository.js';
import type { CampaignStatus } from './crowdfunding.domain.js';
import { crowdfundingRepository as repo, type CampaignRow } from './crowdfunding.repository.js';
import { countsTowardsFunding, matchedCents, moneyKept, outcomeAt } from './crowdfunding.rules.js';

/** The caisse's matched amount for a campaign row (0 without a commitment, or once it failed). */
function matchedOf(row: CampaignRow): number {
  if (!countsTowardsFunding(row.status) || row.matchRatioPercent === null || row.matchCapCents === null) return 0;
  return matchedCents(row.raisedCents, { ratioPercent: row.matchRatioPercent, capCents: row.matchCapCents });
}

/** Moves allowed once the end date passed: from running to the outcome, and a failed campaign saved by a late confirmation. */
function mayMove(from: CampaignStatus, to: CampaignStatus): boolean {
  return from !== to && (from === 'running' || (from === 'failed' && to === 'succeeded'));
}

/**
 * Decides a campaign's outcome under its row lock (the caller holds it): at the end date, or when
 * an amount is confirmed after it. Money kept (succeeded, or keep-it-all ended) goes into the impact
 * ledger once — the raised amount from the campaign, the matched amount from the caisse; a failed
 * campaign never reaches the ledger, and its amounts stop counting on the needs. The team (and the
 * matching caisse's staff) are told.
 */
export async function settleLocked(tx: Db, deps: Pick<Deps, 'config'>, campaign: CampaignRow, now: Date): Promise<CampaignRow> {
  const outcome = outcomeAt(campaign, now);
  if (outcome === 'running' || !mayMove(campaign.status, outcome)) return campaign;
  const moved = (await repo.setStatus(tx, campaign.id, campaign.status, outcome))!;
  await audit(tx, { actorId: null, action: `crowdfunding.campaign.${outcome}`, subjectType: 'project', subjectId: campaign.projectId, data: { campaignId: campaign.id, raisedCents: moved.raisedCents, goalCents: moved.goalCents } });
  const project = await projectsRepository.findById(tx, campaign.projectId);
  if (!project) return moved;
  if (moneyKept(outcome) && (await repo.claimImpactRecording(tx, campaign.id))) {
    const occurredAt = moved.endsAt.getTime() < now.getTime() ? moved.endsAt : now;
    const base = { pledgeId: null, projectId: project.id, territoryId: project.territoryId, kind: 'funding', occurredAt };
    if (moved.raisedCents > 0) await impactRepository.insert(tx, { ...base, caisseId: project.caisseId, fundedCents: moved.raisedCents, supporterKey: hmac(deps.config.sessionSecret, `impact:crowdfunding:${moved.id}`) });
    const matched = matchedOf(moved);
    if (matched > 0 && moved.matchCaisseId) await impactRepository.insert(tx, { ...base, caisseId: moved.matchCaisseId, fundedCents: matched, supporterKey: hmac(deps.config.sessionSecret, `impact:caisse:${moved.matchCaisseId}`) });
  }
  if (outcome === 'succeeded' || outcome === 'failed') {
    const team = await projectsRepository.team(tx, project.id);
    const staff = outcome === 'failed' && moved.matchCaisseId ? await repo.staffIdsOf(tx, moved.matchCaisseId) : [];
    const recipients = [...new Set([...team.filter((m) => !m.deleted).map((m) => m.userId), ...staff])];
    for (const userId of recipients) {
      await notificationsRepository.insert(tx, { userId, kind: `crowdfunding.${outcome}`, data: { subjectTitle: project.title }, url: `/projets/${project.id}`, subjectType: 'project', subjectId: project.id });
    }
  }
  return moved;
}

/** The settlement job: running campaigns past their end date, each in its own short transaction. */
export async function settleDueCampaigns(deps: Pick<Deps, 'db' | 'config'>, now = new Date()): Promise<number> {
  let settled = 0;
  for (const { id } of await repo.dueForSettlement(deps.db, now, 100)) {
    await deps.db.transaction(async (tx) => {
      const campaign = await repo.findById(tx, id, { lock: true });
      if (campaign && (await settleLocked(tx, deps, campaign, now)).status !== campaign.status) settled++;
    });
  }
  return settled;
}
