import { AppError } from '../../platform/errors.js';
import type { CallPhase } from './calls.domain.js';

/** What the phase rules read of a call (a row of `calls` fits). */
export type PhasedCall = {
  phase: CallPhase;
  opensAt: Date;
  submissionsCloseAt: Date;
  reviewEndsAt: Date;
  voteOpensAt: Date | null;
  voteClosesAt: Date | null;
  resultsAt: Date;
  publishedAt: Date | null;
};

function hasVote(call: Pick<PhasedCall, 'voteOpensAt'>): boolean {
  return call.voteOpensAt !== null;
}

/** The one phase after this one for this call (vote is skipped when the call has no vote dates); null after closed. */
export function nextPhase(call: Pick<PhasedCall, 'phase' | 'voteOpensAt'>): CallPhase | null {
  switch (call.phase) {
    case 'draft':
      return 'open';
    case 'open':
      return 'review';
    case 'review':
      return hasVote(call) ? 'vote' : 'results';
    case 'vote':
      return 'results';
    case 'results':
      return 'closed';
    case 'closed':
      return null;
  }
}

/** Staff may only move a call to its next phase. */
export function canTransition(call: Pick<PhasedCall, 'phase' | 'voteOpensAt'>, to: CallPhase): boolean {
  return nextPhase(call) === to;
}

/**
 * The phase the call's dates call for from its current one, or null when no date has come. A draft
 * moves only once published (scheduled); `closed` is never reached by date. The phases job applies
 * one step per tick with a conditional UPDATE (from this phase only), so it is idempotent.
 */
export function dueTransition(call: PhasedCall, now: Date): CallPhase | null {
  const due = (d: Date | null) => d !== null && d.getTime() <= now.getTime();
  switch (call.phase) {
    case 'draft':
      return call.publishedAt !== null && due(call.opensAt) ? 'open' : null;
    case 'open':
      return due(call.submissionsCloseAt) ? 'review' : null;
    case 'review':
      if (hasVote(call)) return due(call.voteOpensAt) ? 'vote' : null;
      return due(call.resultsAt) ? 'results' : null;
    case 'vote':
      return due(call.resultsAt) ? 'results' : null;
    case 'results':
    case 'closed':
      return null;
  }
}

/** The phases this call goes through, in order (for the timeline). */
export function phasesOf(call: Pick<PhasedCall, 'voteOpensAt'>): CallPhase[] {
  return hasVote(call) ? ['draft', 'open', 'review', 'vote', 'results', 'closed'] : ['draft', 'open', 'review', 'results', 'closed'];
}

/**
 * Refuses an action outside its phase: `CALL_PHASE_CLOSED` (409) whose translated message names the
 * current phase (`details.phase`, `details.allowed`).
 */
export function assertPhase(call: Pick<PhasedCall, 'phase'>, ...allowed: CallPhase[]): void {
  if (allowed.includes(call.phase)) return;
  throw new AppError('CALL_PHASE_CLOSED', { phase: call.phase, allowed, messageParams: { phase: call.phase } });
}

/** Submissions are accepted while the call is open and its deadline has not passed (even if the job lags). */
export function acceptsSubmissions(call: Pick<PhasedCall, 'phase' | 'submissionsCloseAt'>, now: Date): boolean {
  return call.phase === 'open' && now.getTime() < call.submissionsCloseAt.getTime();
}

/** Staff see the call in the list as upcoming (scheduled), current, or past. */
export function listBucket(call: Pick<PhasedCall, 'phase' | 'publishedAt'>): 'upcoming' | 'open' | 'past' | 'draft' {
  if (call.phase === 'draft') return call.publishedAt ? 'upcoming' : 'draft';
  if (call.phase === 'open') return 'open';
  return 'past';
}
