/** The partners domain's closed sets and value types; `partners.tables.ts` uses them and re-exports them. */
export const PARTNERSHIP_STATUSES = ['active', 'suspended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
export const CAPACITY_KINDS = ['hours', 'equipment', 'money', 'other'] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];
export const CAPACITY_PERIODS = ['month', 'year'] as const;
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];
