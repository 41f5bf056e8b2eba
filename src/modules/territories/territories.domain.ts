/** The territories domain's closed sets and value types; `territories.tables.ts` uses them and re-exports them. */
export const TERRITORY_KINDS = ['metropolis', 'borough', 'neighbourhood'] as const;
export const ROLLOUT_STATES = ['planned', 'waitlist', 'pilot', 'open'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
export type RolloutState = (typeof ROLLOUT_STATES)[number];
