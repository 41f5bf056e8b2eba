import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { recordFulfilledHelp } from '../impact/impact.service.js';
import { confirmingSide, transitionNeedsReason, transitionVerdict, type PledgeRelation } from './pledges.policy.js';
import { pledgesRepository } from './pledges.repository.js';
import type { PledgeDetail } from './pledges.types.js';
import { enqueueThanksMail, notifyPledge } from './pledges.notify.js';
import type { TTransitionBody } from './pledges.schemas.js';
import { recordNeedMetIfMet, recordPledgeFulfilled } from '../social/activities.record.js';
import { consumeCapacity } from '../organisations/capacities.service.js';
import { accessRepository } from '../access/access.repository.js';

/** What a transition did, so pages can say it ("the other side is asked to confirm"). */
export type TransitionOutcome = 'accepted' | 'declined' | 'withdrawn' | 'fulfil_requested' | 'fulfilled';

/**
 * Moves a pledge, under a row lock, if the policy allows this actor to. Each move is logged in
 * pledge_events and notifies the other side in the same transaction; the second confirmation
 * that the help happened fulfils the pledge, records it in the impact ledger and thanks the supporter.
 */
export async function transitionPledge(deps: Pick<Deps, 'db' | 'config'>, actor: Actor | null, pledgeId: string, body: TTransitionBody): Promise<{ pledge: PledgeDetail; outcome: TransitionOutcome }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const outcome = await deps.db.transaction(async (tx) => {
    const row = await pledgesRepository.lock(tx, pledgeId);
    if (!row) throw new AppError('PLEDGE_NOT_FOUND');
    const pledge = (await pledgesRepository.detail(tx, pledgeId))!;
    const rel: PledgeRelation = { isTeam: await pledgesRepository.isTeam(tx, row.projectId, actor.id), servingCaisseIds: await accessRepository.servingCaisseIds(tx, pledge.project.territoryId) };
    const verdict = transitionVerdict(actor, row, rel, body.to);
    if (verdict === 'forbidden') throw new AppError('FORBIDDEN');
    if (verdict === 'not_allowed') throw new AppError('TRANSITION_NOT_ALLOWED', { from: row.status, to: body.to });
    if (transitionNeedsReason(body.to) && body.reason === '') throw validationError({ reason: { key: 'pledges.validation.reasonRequired' } });
    return apply(tx, deps, actor, pledge, rel, body);
  });
  return { pledge: (await pledgesRepository.detail(deps.db, pledgeId))!, outcome };
}

async function apply(tx: Db, deps: Pick<Deps, 'config'>, actor: Actor, p: PledgeDetail, rel: PledgeRelation, body: TTransitionBody): Promise<TransitionOutcome> {
  const log = (toStatus: string, note = '') => pledgesRepository.insertEvent(tx, { pledgeId: p.id, actorId: actor.id, fromStatus: p.status, toStatus, note });
  const team = () => pledgesRepository.teamIds(tx, p.projectId);
  switch (body.to) {
    case 'accepted':
      await pledgesRepository.update(tx, p.id, { status: 'accepted' });
      await log('accepted');
      await notifyPledge(tx, [p.supporterId], 'accepted', p);
      await recordNeedMetIfMet(tx, p);
      return 'accepted';
    case 'declined':
      await pledgesRepository.update(tx, p.id, { status: 'declined', reason: body.reason });
      await log('declined', body.reason);
      await notifyPledge(tx, [p.supporterId], 'declined', p);
      return 'declined';
    case 'withdrawn':
      await pledgesRepository.update(tx, p.id, { status: 'withdrawn', reason: body.reason });
      await log('withdrawn', body.reason);
      await notifyPledge(tx, await team(), 'withdrawn', p);
      return 'withdrawn';
    case 'fulfilled':
      return confirmFulfilled(tx, deps, actor, p, rel, log, team);
  }
}

async function confirmFulfilled(
  tx: Db, deps: Pick<Deps, 'config'>, actor: Actor, p: PledgeDetail, rel: PledgeRelation,
  log: (toStatus: string) => Promise<void>, team: () => Promise<string[]>,
): Promise<TransitionOutcome> {
  const side = confirmingSide(actor, p, rel)!;
  const now = new Date();
  const otherConfirmed = side === 'supporter' ? p.promoterConfirmedAt !== null : p.supporterConfirmedAt !== null;
  const stamp = side === 'supporter' ? { supporterConfirmedAt: now } : { promoterConfirmedAt: now };
  if (!otherConfirmed) {
    await pledgesRepository.update(tx, p.id, stamp);
    await log('fulfil_requested');
    await notifyPledge(tx, side === 'supporter' ? await team() : [p.supporterId], 'fulfil_requested', p);
    return 'fulfil_requested';
  }
  // A partner's capacity gives what the pledge gave: refused (and rolled back) if it would go below zero.
  if (p.capacityId) await consumeCapacity(tx, p.capacityId, p.quantity, now);
  await pledgesRepository.update(tx, p.id, { ...stamp, status: 'fulfilled', fulfilledAt: now });
  await log('fulfilled');
  await recordPledgeFulfilled(tx, p);
  await recordFulfilledHelp(tx, deps, { pledgeId: p.id, supporterId: p.supporterId, kind: p.need.kind, materialMode: p.need.materialMode, quantity: p.quantity, project: p.project, occurredAt: now, helpDay: p.endDate ?? p.startDate });
  if (side === 'supporter') await notifyPledge(tx, await team(), 'fulfilled', p);
  await notifyPledge(tx, [p.supporterId], 'thanks', p);
  await enqueueThanksMail(tx, deps.config, p);
  return 'fulfilled';
}
