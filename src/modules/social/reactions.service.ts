import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { hit } from '../../platform/rate-limit.js';
import { reactionTarget } from './comments.access.js';
import { REACTION_LIMIT } from './comments.policy.js';
import { reactionsRepository } from './reactions.repository.js';
import { tellTeamSomeoneWantsToHelp } from '../projects/projects.helpers.service.js';
import { presentReactions, type ReactionSummary } from './reactions.presenter.js';
import type { ReactionKind, ReactionTarget } from './social.domain.js';
import type { TReactionBody } from './reactions.schemas.js';

function reactor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  return actor;
}

/** Counts and the viewer's own kinds for each target, in one query each. */
export async function reactionSummaries(deps: Pick<Deps, 'db'>, viewerId: string | null, targetType: ReactionTarget, ids: string[]): Promise<Map<string, ReactionSummary>> {
  const [counts, mine] = await Promise.all([reactionsRepository.counts(deps.db, targetType, ids), viewerId ? reactionsRepository.mine(deps.db, viewerId, targetType, ids) : new Map<string, ReactionKind[]>()]);
  return new Map(ids.map((id) => [id, presentReactions(targetType, id, counts.get(id), mine.get(id))]));
}

async function summary(deps: Deps, viewerId: string, input: TReactionBody): Promise<ReactionSummary> {
  return (await reactionSummaries(deps, viewerId, input.targetType, [input.targetId])).get(input.targetId)!;
}

/** Adds one reaction (a repeat is a no-op): `created` tells which. */
export async function react(deps: Deps, actor: Actor | null, input: TReactionBody): Promise<{ created: boolean; summary: ReactionSummary }> {
  const me = reactor(actor);
  await reactionTarget(deps, me, input.targetType, input.targetId);
  await hit(deps.db, REACTION_LIMIT, me.id, deps.config.rateLimits);
  // "I want to help" on a project tells its team who, in the same transaction as the reaction row.
  const wantsToHelp = input.targetType === 'project' && input.kind === 'want_to_help';
  const created = !wantsToHelp ? await reactionsRepository.add(deps.db, { ...input, userId: me.id }) : await deps.db.transaction(async (tx) => {
    const added = await reactionsRepository.add(tx, { ...input, userId: me.id });
    if (added) await tellTeamSomeoneWantsToHelp(tx, input.targetId, me);
    return added;
  });
  return { created, summary: await summary(deps, me.id, input) };
}

/** Takes a reaction back (nothing to take back is fine too). */
export async function unreact(deps: Deps, actor: Actor | null, input: TReactionBody): Promise<ReactionSummary> {
  const me = reactor(actor);
  await reactionTarget(deps, me, input.targetType, input.targetId);
  await hit(deps.db, REACTION_LIMIT, me.id, deps.config.rateLimits);
  await reactionsRepository.remove(deps.db, { ...input, userId: me.id });
  return summary(deps, me.id, input);
}

