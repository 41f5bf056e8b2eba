import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError, type ErrorCode, type FieldIssue } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { isPublicStatus } from '../projects/projects.policy.js';
import { seesHidden } from '../moderation/moderation.policy.js';
import { canSeeNeed, localToday, pledgeRefusal, type PledgeActor, type PledgeRelation } from './pledges.policy.js';
import { CREATION_FROM, pledgesRepository } from './pledges.repository.js';
import type { NeedTarget, Partner, PledgeDetail, ProjectTarget } from './pledges.types.js';
import { notifyPledge } from './pledges.notify.js';
import { PLEDGE_QUANTITY_MAX } from './pledges.quantity.js';
import { mayOpenAnother, PLEDGE_LIMITS } from './pledges.limits.js';
import { hit } from '../../platform/rate-limit.js';
import type { TCreatePledgeBody } from './pledges.schemas.js';
import { capacitiesFor, checkCapacityForPledge, type CapacityChoice } from '../organisations/capacities.choices.js';
import { accessRepository } from '../access/access.repository.js';

export { lapseOverduePledges } from './pledges.lapse.service.js';
export { transitionPledge } from './pledges.transitions.service.js';

/** Where a pledge would go, what is left to give, and whether this person may pledge (and as whom). */
export type PledgeTarget = {
  need: NeedTarget;
  project: ProjectTarget;
  remaining: number;
  partners: Partner[];
  /** Standing capacities of those partners that count in this need's unit. */
  capacities: CapacityChoice[];
  refusal: ErrorCode | null;
};

export async function relationTo(db: Db, actor: PledgeActor, project: Pick<ProjectTarget, 'id' | 'territoryId'>): Promise<PledgeRelation> {
  const [isTeam, servingCaisseIds] = await Promise.all([actor ? pledgesRepository.isTeam(db, project.id, actor.id) : false, accessRepository.servingCaisseIds(db, project.territoryId)]);
  return { isTeam, servingCaisseIds };
}

/** A need this actor may see (its project is public, or they are its team, its caisse staff, an admin); anything else is NEED_NOT_FOUND. */
export async function pledgeTarget(deps: Pick<Deps, 'db'>, actor: Actor | null, needId: string): Promise<PledgeTarget> {
  const found = await pledgesRepository.target(deps.db, needId);
  if (!found) throw new AppError('NEED_NOT_FOUND');
  const rel = await relationTo(deps.db, actor, found.project);
  if (!canSeeNeed(actor, isPublicStatus(found.project.status), rel)) throw new AppError('NEED_NOT_FOUND');
  // A project hidden by moderation hides its needs from everyone but its team and the territory's moderators.
  if (found.project.hiddenAt && !rel.isTeam && !seesHidden(actor, { authorIds: [], servingCaisseIds: rel.servingCaisseIds })) throw new AppError('NEED_NOT_FOUND');
  const [held, partners, mineOpen] = await Promise.all([
    pledgesRepository.heldQuantity(deps.db, needId),
    actor ? pledgesRepository.representedPartners(deps.db, actor.id, rel.servingCaisseIds) : [],
    actor ? pledgesRepository.openCountBy(deps.db, needId, actor.id) : 0,
  ]);
  const remaining = Math.max(found.need.quantity - held, 0);
  let refusal = pledgeRefusal(actor, { projectStatus: found.project.status, needClosed: found.need.closedAt !== null, isTeam: rel.isTeam });
  if (!refusal && !mayOpenAnother(mineOpen)) refusal = 'PLEDGE_ALREADY_OPEN';
  if (!refusal && remaining === 0) refusal = 'NEED_OVERSUBSCRIBED';
  const capacities = await capacitiesFor(deps.db, partners, found.need.unit);
  return { ...found, remaining, partners, capacities, refusal };
}

/** Field rules that need the need or today's date: the unit's cap, dates not in the past, in order. */
function pledgeFieldIssues(input: Pick<TCreatePledgeBody, 'quantity' | 'startDate' | 'endDate'>, need: Pick<NeedTarget, 'unit'>, today: string): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  const max = PLEDGE_QUANTITY_MAX[need.unit];
  if (input.quantity > max) issues.quantity = { key: 'validation.tooBig', params: { max } };
  if (input.startDate < today) issues.startDate = { key: 'pledges.validation.startInPast' };
  if (input.endDate && input.endDate < input.startDate) issues.endDate = { key: 'pledges.validation.endBeforeStart' };
  return issues;
}

/**
 * Everything creating would check, without writing: used by the form before its confirmation
 * step. Returns the target so the page can restate the commitment.
 */
export async function checkPledge(deps: Pick<Deps, 'db'>, actor: Actor | null, needId: string, input: TCreatePledgeBody, now = new Date()): Promise<PledgeTarget> {
  const target = await pledgeTarget(deps, actor, needId);
  if (target.refusal) throw new AppError(target.refusal, target.refusal === 'NEED_OVERSUBSCRIBED' ? { remaining: 0 } : {});
  const issues = pledgeFieldIssues(input, target.need, localToday(now));
  if (Object.keys(issues).length) throw validationError(issues);
  if (input.organisationId && !target.partners.some((p) => p.id === input.organisationId)) {
    // A partner of another caisse only: it may not pledge on its honour outside the caisses it signed with.
    const anywhere = actor ? await pledgesRepository.representedPartners(deps.db, actor.id, null) : [];
    throw new AppError(anywhere.some((p) => p.id === input.organisationId) ? 'PARTNER_OUTSIDE_TERRITORY' : 'NOT_PARTNER_REPRESENTATIVE');
  }
  if (input.quantity > target.remaining) throw new AppError('NEED_OVERSUBSCRIBED', { remaining: target.remaining });
  if (input.capacityId) await checkCapacityForPledge(deps.db, input.capacityId, input.organisationId, target.need.unit, input.quantity, now);
  return target;
}

/**
 * Creates a proposed pledge. The need's row is locked (SELECT … FOR UPDATE) while what the other
 * pledges hold is summed and this person's open pledges are counted, so two people can never both
 * take the last of it and one person never holds two open pledges on one need. Proposals are rate
 * limited per person (PLEDGE_LIMITS → 429 with Retry-After).
 */
export async function createPledge(deps: Pick<Deps, 'db' | 'config'>, actor: Actor | null, needId: string, input: TCreatePledgeBody, now = new Date()): Promise<PledgeDetail> {
  const target = await checkPledge(deps, actor, needId, input, now);
  const supporter = actor!;
  for (const limit of PLEDGE_LIMITS) await hit(deps.db, limit, supporter.id, deps.config.rateLimits);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const need = await pledgesRepository.lockNeed(tx, needId);
    if (!need) throw new AppError('NEED_NOT_FOUND');
    if (need.closedAt) throw new AppError('NEED_CLOSED');
    if (!mayOpenAnother(await pledgesRepository.openCountBy(tx, needId, supporter.id))) throw new AppError('PLEDGE_ALREADY_OPEN');
    const remaining = Math.max(need.quantity - (await pledgesRepository.heldQuantity(tx, needId)), 0);
    if (input.quantity > remaining) throw new AppError('NEED_OVERSUBSCRIBED', { remaining });
    await pledgesRepository.insert(tx, {
      id, needId, projectId: target.project.id, supporterId: supporter.id, organisationId: input.organisationId, capacityId: input.capacityId ?? null, onHonour: input.organisationId !== null,
      quantity: input.quantity, message: input.message, startDate: input.startDate, endDate: input.endDate, status: 'proposed', showName: input.showName,
    });
    await pledgesRepository.insertEvent(tx, { pledgeId: id, actorId: supporter.id, fromStatus: CREATION_FROM, toStatus: 'proposed', note: '' });
    await notifyPledge(tx, await pledgesRepository.teamIds(tx, target.project.id), 'proposed', { id, project: target.project, need: target.need });
  });
  return (await pledgesRepository.detail(deps.db, id))!;
}
