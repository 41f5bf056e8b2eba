/** The contests domain's closed sets and value types; `contests.tables.ts` uses them and re-exports them. */

/** The fixed set of recorded actions that earn entries (never self-declared). */
export const ENTRY_ACTIONS = ['pledge_fulfilled', 'project_update_published', 'profile_completed'] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];
export type EntryRule = { action: EntryAction; entries: number };

export const CONTEST_STATUSES = ['draft', 'published'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

/** Where a contest stands in time, derived from its status, dates and draw. */
export const CONTEST_PHASES = ['draft', 'upcoming', 'running', 'closed', 'drawn'] as const;
export type ContestPhase = (typeof CONTEST_PHASES)[number];

/** A won prize: waiting for its claim, claimed (skill-testing question answered), or lost (expired, or too many wrong answers) and redrawn. */
export const WIN_STATUSES = ['notified', 'claimed', 'expired', 'forfeited'] as const;
export type WinStatus = (typeof WIN_STATUSES)[number];

/** Why someone cannot win. */
export const INELIGIBILITY_REASONS = ['age_unknown', 'under_age', 'not_member', 'outside_territory', 'organiser_staff', 'inactive'] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

/** Wrong answers allowed to the skill-testing question before the prize is lost. */
export const CLAIM_ATTEMPTS = 3;
