import type { NeedKind } from '../needs/needs.domain.js';

export type LedgerColumns = { hours: number; fundedCents: number; lentCents: number; itemsLent: number; itemsGiven: number };

/**
 * Where a fulfilled pledge counts: time (volunteering, expertise) in hours, funding and loans in
 * cents, lent material as items lent, given material, products and services as items given.
 */
export function ledgerColumns(kind: NeedKind, materialMode: 'lend' | 'give' | null, quantity: number): LedgerColumns {
  const columns: LedgerColumns = { hours: 0, fundedCents: 0, lentCents: 0, itemsLent: 0, itemsGiven: 0 };
  switch (kind) {
    case 'volunteering':
    case 'expertise':
      columns.hours = quantity;
      break;
    case 'funding':
      columns.fundedCents = quantity;
      break;
    case 'loan':
      columns.lentCents = quantity;
      break;
    case 'material':
      if (materialMode === 'give') columns.itemsGiven = quantity;
      else columns.itemsLent = quantity;
      break;
    case 'product':
    case 'service':
      columns.itemsGiven = quantity;
      break;
  }
  return columns;
}
