import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { callReviewsRepository as repo, type CallRow, type CompetingApplication } from './call-reviews.repository.js';
import { canRunCall } from './call-reviews.policy.js';

/** The call by id (API) or slug (pages); CALL_NOT_FOUND otherwise, and for drafts outside its caisse's staff. */
export async function loadCall(deps: Pick<Deps, 'db'>, actor: Actor | null, ref: { id: string } | { slug: string }): Promise<CallRow> {
  const call = 'id' in ref ? await repo.callById(deps.db, ref.id) : await repo.callBySlug(deps.db, ref.slug);
  if (!call || (call.phase === 'draft' && !canRunCall(actor, call))) throw new AppError('CALL_NOT_FOUND');
  return call;
}

/** The caisse's staff (or a platform admin) only; anyone else FORBIDDEN, visitors UNAUTHENTICATED. */
export function requireRunner(actor: Actor | null, call: CallRow): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canRunCall(actor, call)) throw new AppError('FORBIDDEN');
  return actor;
}

/** The actor's seat on this jury; REVIEW_NOT_JUROR when they have none. */
export async function requireJuror(deps: Pick<Deps, 'db'>, actor: Actor | null, call: CallRow): Promise<{ actor: Actor; jurorId: string }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const seat = await repo.jurorOf(deps.db, call.id, actor.id);
  if (!seat) throw new AppError('REVIEW_NOT_JUROR');
  return { actor, jurorId: seat.id };
}

/** An application in the running of a call, with its call; CALL_APPLICATION_NOT_FOUND otherwise. */
export async function loadCompetingApplication(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<{ call: CallRow; application: CompetingApplication }> {
  const application = await repo.application(deps.db, id);
  if (!application || !repo.isCompeting(application.status)) throw new AppError('CALL_APPLICATION_NOT_FOUND');
  return { call: await loadCall(deps, actor, { id: application.callId }), application };
}
