import type { Locale, T } from '../../platform/i18n/i18n.js';
import type { Formatters } from '../../platform/i18n/format.js';
import type { NeedKind, NeedUnit } from '../needs/needs.domain.js';

/** The largest quantity one pledge may carry, by unit (10 000 hours or items, $1,000,000). */
export const PLEDGE_QUANTITY_MAX: Record<NeedUnit, number> = { hours: 10_000, items: 10_000, cents: 100_000_000 };

/**
 * Reads what a person typed in a form: whole hours or items, or dollars (with cents) for money.
 * French writes "2 000,50", English "2,000.50"; a lone comma or dot is the decimal mark; a "$"
 * is ignored. Returns the quantity in the
 * need's unit (cents for money), or null when it is not a number of that shape.
 */
export function parseFormQuantity(raw: string, unit: NeedUnit, locale: Locale): number | null {
  let s = raw.replace(/[\s\u00a0\u202f$]/g, '');
  if (s === '') return null;
  if (unit !== 'cents') return /^\d{1,9}$/.test(s) ? Number(s) : null;
  const thousandsCommas = locale === 'en' && /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s);
  if (thousandsCommas) s = s.replace(/,/g, '');
  else if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [whole = '0', fraction = ''] = s.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The value to put back in a form field for a stored quantity (dollars for money). */
export function formQuantity(quantity: number, unit: NeedUnit, locale: Locale): string {
  if (unit !== 'cents') return String(quantity);
  const dollars = Math.floor(quantity / 100);
  const cents = quantity % 100;
  if (cents === 0) return String(dollars);
  return `${dollars}${locale === 'fr' ? ',' : '.'}${String(cents).padStart(2, '0')}`;
}

/** "4 heures", "2 000,00 $", "1 unité" in the reader's language. */
export function describeQuantity(t: T, fmt: Formatters, unit: NeedUnit, quantity: number): string {
  if (unit === 'cents') return fmt.money(quantity);
  return t(`pledges.units.${unit}`, { count: quantity, formatted: fmt.number(quantity) });
}

/** A YYYY-MM-DD day shown as a date; noon UTC keeps it on the same day in Montréal. */
function dayToDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** "le 3 mai 2026" or "du 3 au 5 mai 2026", for the commitment sentence. */
function describeWhen(t: T, fmt: Formatters, startDate: string | null, endDate: string | null): string {
  if (!startDate) return '';
  if (!endDate || endDate === startDate) return t('pledges.when.on', { date: fmt.date(dayToDate(startDate)) });
  return t('pledges.when.between', { start: fmt.date(dayToDate(startDate)), end: fmt.date(dayToDate(endDate)) });
}

/** Which commitment sentence fits the need: give hours, lend or give things, fund, lend money. */
function commitmentKey(kind: NeedKind, materialMode: 'lend' | 'give' | null): string {
  if (kind === 'material') return materialMode === 'give' ? 'materialGive' : 'materialLend';
  return kind;
}

export type CommitmentFacts = {
  kind: NeedKind;
  unit: NeedUnit;
  materialMode: 'lend' | 'give' | null;
  quantity: number;
  needTitle: string;
  projectTitle: string;
  startDate: string | null;
  endDate: string | null;
};

/** "You commit to give 4 hours of volunteering to <project> on <date>." */
export function describeCommitment(t: T, fmt: Formatters, c: CommitmentFacts, subject: 'you' | 'they' = 'you'): string {
  return t(`pledges.commit.${subject}.${commitmentKey(c.kind, c.materialMode)}`, {
    quantity: describeQuantity(t, fmt, c.unit, c.quantity),
    need: c.needTitle,
    project: c.projectTitle,
    when: describeWhen(t, fmt, c.startDate, c.endDate),
  });
}
