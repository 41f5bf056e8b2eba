import type { CampaignModel, CampaignStatus } from './crowdfunding.domain.js';

/** A caisse's matchfunding commitment: `ratioPercent` dollars per 100 dollars raised (100 = 1:1), up to `capCents`. */
export type MatchCommitment = { ratioPercent: number; capCents: number };

/** The caisse's share: min(cap, ratio × confirmed raised), in whole cents, never negative. */
export function matchedCents(raisedCents: number, match: MatchCommitment | null): number {
  if (!match) return 0;
  return Math.max(0, Math.min(match.capCents, Math.floor((Math.max(raisedCents, 0) * match.ratioPercent) / 100)));
}

export type OutcomeInput = { model: CampaignModel; goalCents: number; raisedCents: number; endsAt: Date };

/**
 * What a campaign is at `now`: running until its end date; then an all-or-nothing campaign succeeds
 * when the confirmed amount reached the goal and fails below it, and a keep-it-all campaign ends
 * (the money is kept whatever the goal).
 */
export function outcomeAt(c: OutcomeInput, now: Date): CampaignStatus {
  if (now.getTime() < c.endsAt.getTime()) return 'running';
  if (c.model === 'keep_it_all') return 'ended';
  return c.raisedCents >= c.goalCents ? 'succeeded' : 'failed';
}

/** A failed all-or-nothing campaign brought nothing: its raised and matched amounts count nowhere. */
export function countsTowardsFunding(status: CampaignStatus): boolean {
  return status !== 'failed';
}

/** Money kept, to record once in the impact ledger: a succeeded all-or-nothing campaign, or a keep-it-all one at its end. */
export function moneyKept(status: CampaignStatus): boolean {
  return status === 'succeeded' || status === 'ended';
}

export type FundingNeedSlot = { id: string; quantity: number; pledgedCents: number; open: boolean };

/**
 * Spreads the campaign's money (confirmed raised + matched) over the project's open funding needs,
 * in their order: each takes at most what pledges left missing. A dollar is counted once: never on
 * two needs, never on top of a pledge that already covers the need (ADR 0023).
 */
export function allocateToNeeds(needs: readonly FundingNeedSlot[], campaignCents: number): Map<string, number> {
  const shares = new Map<string, number>();
  let left = Math.max(campaignCents, 0);
  for (const need of needs) {
    if (!need.open || left === 0) continue;
    const share = Math.min(left, Math.max(need.quantity - need.pledgedCents, 0));
    if (share > 0) shares.set(need.id, share);
    left -= share;
  }
  return shares;
}

/** Whole days until the end (a part of a day counts as one), 0 once ended. */
export function daysLeft(endsAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / 86_400_000));
}

/** Progress towards the goal, capped at 100 for the bar. */
export function percentOfGoal(raisedCents: number, goalCents: number): number {
  return goalCents > 0 ? Math.min(100, Math.floor((raisedCents * 100) / goalCents)) : 0;
}
