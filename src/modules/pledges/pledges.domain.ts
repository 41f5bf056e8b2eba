/** The pledges domain's closed sets and value types; `pledges.tables.ts` uses them and re-exports them. */
export const PLEDGE_STATUSES = ['proposed', 'accepted', 'fulfilled', 'declined', 'withdrawn', 'lapsed'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
/** Statuses that hold part of a need's quantity. */
export const HOLDING_STATUSES = ['proposed', 'accepted', 'fulfilled'] as const;
