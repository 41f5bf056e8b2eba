import type { OfferView } from './offers.presenter.js';

const MONEY: readonly unknown[] = ['funding', 'loan'];

/** "2 000,50 $" → 2000.5; anything else stays as typed, so the schema can say it is not valid. */
function parseDecimal(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = value.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.');
  if (s === '') return '';
  const n = Number(s);
  return Number.isFinite(n) ? n : value;
}

/**
 * An offer form as people fill it → the API's body: dollars become cents for money kinds, and no
 * ticked neighbourhood becomes an empty list (a form sends nothing for unticked boxes).
 */
export function offerFormToBody(form: unknown, mode: 'create' | 'edit'): Record<string, unknown> {
  const body = { ...(form as Record<string, unknown>) };
  const n = parseDecimal(body.quantity);
  body.quantity = typeof n === 'number' && MONEY.includes(body.kind) ? Math.round(n * 100) : n;
  body.territories = body.territories ?? [];
  if (mode === 'edit') delete body.organisation;
  return body;
}

/** An offer's values as its edit form shows them (dollars again for money kinds). */
export function offerToFormValues(offer: OfferView): Record<string, unknown> {
  return {
    kind: offer.kind,
    title: offer.title,
    description: offer.description,
    quantity: offer.quantity === null ? '' : offer.unit === 'cents' ? String(offer.quantity / 100) : String(offer.quantity),
    period: offer.period,
    territories: offer.territoriesFromOwner ? [] : offer.territories.map((p) => p.slug),
    skills: offer.skills.join(', '),
    availability: offer.availability,
    status: offer.status,
    language: offer.language,
  };
}
