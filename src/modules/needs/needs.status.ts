import type { NeedKind, NeedUnit } from './needs.domain.js';

/**
 * Derived, never stored: open → partly met → met, or closed by hand. `pending`: not met yet, but
 * proposals waiting for the team's answer cover the rest, so nobody else can pledge for now.
 */
export const NEED_STATUSES = ['open', 'partly_met', 'pending', 'met', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const UNIT_BY_KIND: Record<NeedKind, NeedUnit> = {
  volunteering: 'hours',
  expertise: 'hours',
  product: 'items',
  service: 'items',
  funding: 'cents',
  loan: 'cents',
  material: 'items',
};

/** What the pledges of a need add up to: accepted + fulfilled, and still proposed. */
export type PledgeSums = { accepted: number; proposed: number };

export type NeedProgress = {
  status: NeedStatus;
  /** Accepted + fulfilled quantity, in the need's unit. */
  accepted: number;
  /** Held by proposals still waiting for the team's answer (pending). */
  proposed: number;
  /** What is still missing once accepted help is counted (never negative). */
  remaining: number;
  /** What a new pledge may still take: missing once pending proposals are counted too (never negative). */
  available: number;
  /** Shown percentage, capped at 100. */
  percent: number;
  /** More was accepted than asked: said explicitly rather than showing more than 100 %. */
  oversubscribed: boolean;
};

export function needStatus(need: { quantity: number; closedAt: Date | null }, sums: PledgeSums): NeedStatus {
  if (need.closedAt) return 'closed';
  if (sums.accepted >= need.quantity) return 'met';
  if (sums.accepted + sums.proposed >= need.quantity) return 'pending';
  if (sums.accepted > 0) return 'partly_met';
  return 'open';
}

export function needProgress(need: { quantity: number; closedAt: Date | null }, sums: PledgeSums): NeedProgress {
  const quantity = Math.max(need.quantity, 1);
  return {
    status: needStatus(need, sums),
    accepted: sums.accepted,
    proposed: sums.proposed,
    remaining: Math.max(need.quantity - sums.accepted, 0),
    available: Math.max(need.quantity - sums.accepted - sums.proposed, 0),
    percent: Math.min(100, Math.floor((sums.accepted * 100) / quantity)),
    oversubscribed: sums.accepted > need.quantity,
  };
}

/** Needs still asking for help: the ones a "I can help" link and the need-kind filter care about. */
export function isOpenForHelp(status: NeedStatus): boolean {
  return status === 'open' || status === 'partly_met';
}
