import { actsForCaisse, isDelegateOf, isStaffOf, type ScopeActor } from '../access/access.scope.js';

/** The call as the review rules read it. */
export type ReviewedCall = { caisseId: string; membersOnly: boolean; resultsPublished: boolean };

/** Staff of the call's caisse (or a platform admin) run the jury, see the ranking, award and publish. */
export function canRunCall(actor: ScopeActor, call: Pick<ReviewedCall, 'caisseId'>): boolean {
  return actsForCaisse(actor, call.caisseId);
}

/** Who may sit on a call's jury: staff of its caisse, or its delegates in their current term. */
export function eligibleAsJuror(candidate: ScopeActor, caisseId: string): boolean {
  return isStaffOf(candidate, caisseId) || isDelegateOf(candidate, caisseId);
}

/** Jurors see applications and score them unless they declared a conflict of interest with one. */
export function canScore(isJuror: boolean, conflicted: boolean): boolean {
  return isJuror && !conflicted;
}

/** A juror's private note is read by that juror and the caisse's staff; never by other jurors, never published. */
export function canReadNote(actor: ScopeActor, call: Pick<ReviewedCall, 'caisseId'>, noteJurorUserId: string | null): boolean {
  return actor !== null && (actor.id === noteJurorUserId || canRunCall(actor, call));
}

export type Voter = { id: string; emailVerified: boolean; territoryId: string | null } | null;

/**
 * A public vote is cast by a signed-in person with a verified e-mail whose territory is one of the
 * call's (or lies under one of them). A members-only call asks the same of its voters: the verified
 * e-mail is how the platform knows its members (as the delegate programme does).
 */
export function canVote(voter: Voter, callTerritoryIds: readonly string[]): boolean {
  return voter !== null && voter.emailVerified && voter.territoryId !== null && callTerritoryIds.includes(voter.territoryId);
}

/** Results are public once published; before that, the caisse's staff only. */
export function canReadResults(actor: ScopeActor, call: ReviewedCall): boolean {
  return call.resultsPublished || canRunCall(actor, call);
}
