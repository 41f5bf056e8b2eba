/** The offers domain's closed sets and value types; `offers.tables.ts` uses them and re-exports them. */
export const OFFER_PERIODS = ['once', 'week', 'month', 'year'] as const;
export const OFFER_STATUSES = ['active', 'paused'] as const;
