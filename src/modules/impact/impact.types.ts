/** What fulfilled help adds up to in the ledger's columns; money in integer cents. */
export type LedgerSums = { hours: number; fundedCents: number; lentCents: number; itemsLent: number; itemsGiven: number; pledges: number };
/**
 * What the impact ledger adds up to: fulfilled help whose date has come (counted), and, apart,
 * fulfilled help whose date is still ahead (`planned`, never in the counted figures).
 */
export type ImpactSums = LedgerSums & { people: number; projects: number; planned?: LedgerSums | undefined };
export type TerritoryImpactRow = ImpactSums & { territoryId: string; slug: string; nameFr: string; nameEn: string };
