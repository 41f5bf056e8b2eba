import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { assertPhase } from '../calls/calls.phase.js';
import { callReviewsRepository as repo, type CallRow } from './call-reviews.repository.js';
import { canVote } from './call-reviews.policy.js';
import { loadCall } from './call-reviews.access.js';
import { presentCallRef, projectRef, type BallotView } from './call-reviews.presenter.js';

type CallRef = { id: string } | { slug: string };
class AlreadyVoted extends Error {}

/** Open for votes: the vote phase, a vote configured, and the closing time not passed (even if the phases job lags). */
function voteOpen(call: CallRow, now: Date): boolean {
  return call.phase === 'vote' && call.votesPerMember !== null && (call.voteClosesAt === null || now.getTime() < call.voteClosesAt.getTime());
}

async function eligibility(deps: Pick<Deps, 'db'>, actor: Actor | null, call: CallRow, now: Date): Promise<BallotView['reason']> {
  if (!voteOpen(call, now)) return 'phase';
  if (!actor) return 'signIn';
  const voter = await repo.voter(deps.db, actor.id);
  if (!voter?.emailVerified) return 'verify';
  return canVote(voter, await repo.territoryTree(deps.db, call.id)) ? null : 'territory';
}

/** The ballot: applications in the running, the caller's votes and how many remain, or why they cannot vote. */
export async function ballot(deps: Deps, actor: Actor | null, ref: CallRef, now = new Date()): Promise<BallotView> {
  const call = await loadCall(deps, actor, ref);
  if (call.votesPerMember === null) throw new AppError('CALL_PHASE_CLOSED', { phase: call.phase, required: 'vote' });
  const [applications, mine, reason] = await Promise.all([repo.competingApplications(deps.db, call.id), actor ? repo.votesOf(deps.db, call.id, actor.id) : Promise.resolve([]), eligibility(deps, actor, call, now)]);
  const voted = new Set(mine);
  return {
    call: presentCallRef(call),
    votesPerMember: call.votesPerMember,
    used: voted.size,
    remaining: Math.max(0, call.votesPerMember - voted.size),
    closesAt: call.voteClosesAt?.toISOString() ?? null,
    items: applications.map((a) => ({ applicationId: a.id, project: projectRef(a), summary: a.projectSummary, voted: voted.has(a.id) })),
    can: { vote: reason === null },
    reason,
  };
}

async function checkedVoter(deps: Pick<Deps, 'db'>, actor: Actor | null, ref: CallRef, applicationId: string, now: Date): Promise<{ call: CallRow; voter: Actor }> {
  const call = await loadCall(deps, actor, ref);
  assertPhase(call, 'vote');
  const reason = await eligibility(deps, actor, call, now);
  if (reason === 'phase') throw new AppError('CALL_PHASE_CLOSED', { phase: call.phase, required: 'vote' });
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (reason === 'verify') throw new AppError('EMAIL_NOT_VERIFIED');
  if (reason) throw new AppError('VOTE_NOT_ELIGIBLE');
  const application = await repo.application(deps.db, applicationId);
  if (!application || application.callId !== call.id || !repo.isCompeting(application.status)) throw new AppError('CALL_APPLICATION_NOT_FOUND');
  return { call, voter: actor };
}

/**
 * Casts a vote for an application. The voter's budget row is taken with a conditional UPDATE inside
 * the transaction, so parallel casts never exceed `votes_per_member`; voting twice for the same
 * application changes nothing (idempotent).
 */
export async function castVote(deps: Deps, actor: Actor | null, ref: CallRef, applicationId: string, now = new Date()): Promise<BallotView> {
  const { call, voter } = await checkedVoter(deps, actor, ref, applicationId, now);
  try {
    await deps.db.transaction(async (tx) => {
      if (!(await repo.takeVote(tx, call.id, voter.id, call.votesPerMember!))) {
        if ((await repo.votesOf(tx, call.id, voter.id)).includes(applicationId)) throw new AlreadyVoted();
        throw new AppError('VOTE_LIMIT_REACHED', { votesPerMember: call.votesPerMember });
      }
      if (!(await repo.insertVote(tx, { callId: call.id, applicationId, voterId: voter.id }))) throw new AlreadyVoted();
    });
  } catch (error) {
    if (!(error instanceof AlreadyVoted)) throw error;
  }
  return ballot(deps, actor, { id: call.id }, now);
}

/** Withdraws one's vote for an application (the vote goes back to the voter) until the vote closes. */
export async function withdrawVote(deps: Deps, actor: Actor | null, ref: CallRef, applicationId: string, now = new Date()): Promise<BallotView> {
  const { call, voter } = await checkedVoter(deps, actor, ref, applicationId, now);
  await deps.db.transaction(async (tx) => {
    if (!(await repo.deleteVote(tx, call.id, applicationId, voter.id))) throw new AppError('VOTE_NOT_FOUND');
  });
  return ballot(deps, actor, { id: call.id }, now);
}
