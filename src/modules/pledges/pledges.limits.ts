import type { Limit } from '../../platform/rate-limit.js';
import type { PledgeStatus } from './pledges.domain.js';

/**
 * Proposing pledges, per person: 10 an hour and 30 a day. Each proposal writes to a project
 * team's inbox (and may mail them at once), so a script must not be able to flood it.
 */
export const PLEDGE_LIMITS: Limit[] = [
  { name: 'pledge-user-h', max: 10, windowSeconds: 3600 },
  { name: 'pledge-user-d', max: 30, windowSeconds: 86_400 },
];

/** Pledges still in progress: proposed, or accepted and not yet fulfilled. */
export const OPEN_STATUSES = ['proposed', 'accepted'] as const satisfies readonly PledgeStatus[];

/** How many open pledges one person may have on one need: one, so nobody can hold a need alone by piling up proposals. */
const OPEN_PLEDGES_PER_PERSON_PER_NEED = 1;

/** Whether this person may propose another pledge to this need, given how many of theirs are open. */
export function mayOpenAnother(openByThisPerson: number): boolean {
  return openByThisPerson < OPEN_PLEDGES_PER_PERSON_PER_NEED;
}
