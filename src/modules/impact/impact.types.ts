/** What the impact ledger adds up to; money in integer cents. */
export type ImpactSums = { hours: number; fundedCents: number; lentCents: number; itemsLent: number; itemsGiven: number; people: number; pledges: number; projects: number };
export type TerritoryImpactRow = ImpactSums & { territoryId: string; slug: string; nameFr: string; nameEn: string };
