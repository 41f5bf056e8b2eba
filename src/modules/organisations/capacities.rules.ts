import type { NeedUnit } from '../needs/needs.domain.js';
import type { CapacityKind, CapacityPeriod } from './partners.domain.js';

/** The unit a capacity is counted in; `other` capacities take any unit. Money is in cents. */
export function capacityUnit(kind: CapacityKind): NeedUnit | null {
  switch (kind) {
    case 'hours':
      return 'hours';
    case 'money':
      return 'cents';
    case 'equipment':
      return 'items';
    case 'other':
      return null;
  }
}

/** Whether a pledge in this need unit may draw on a capacity of this kind. */
export function fitsUnit(kind: CapacityKind, unit: NeedUnit): boolean {
  const own = capacityUnit(kind);
  return own === null || own === unit;
}

/** Montréal's calendar date (capacities renew at local midnight on the 1st). */
function localDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The key of the period `now` falls in: '2026-12' for a monthly capacity, '2026' for a yearly one. */
export function periodKey(period: CapacityPeriod, now: Date): string {
  const day = localDate(now);
  return period === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

/** What is left in a period, never below zero. */
export function remainingOf(amount: number, used: number): number {
  return Math.max(amount - used, 0);
}
