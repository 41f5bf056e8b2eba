import type { NeedKind } from './needs.domain.js';
import type { NeedView } from './needs.presenter.js';

const MONEY: readonly unknown[] = ['funding', 'loan'];
/** Fields that only mean something for one kind. */
const KIND_FIELDS: Record<string, NeedKind> = { paid: 'expertise', rateCents: 'expertise', loanTermMonths: 'loan', loanRateBps: 'loan', materialMode: 'material', returnDate: 'material' };

/** "2 000,50 $" → 2000.5; anything else stays as typed, so the schema can say it is not valid. */
export function parseDecimal(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = value.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.');
  if (s === '') return '';
  const n = Number(s);
  return Number.isFinite(n) ? n : value;
}

const scaled = (value: unknown, factor: number) => {
  const n = parseDecimal(value);
  return typeof n === 'number' ? Math.round(n * factor) : n;
};

/**
 * A need form as people fill it (dollars, percent, "a, b" skills, a checkbox) → the API's body
 * (cents, basis points). Fields of other kinds (hidden by CSS) are dropped. For an edit, the kind
 * is the need's own and is not sent.
 */
export function needFormToBody(form: unknown, fixedKind?: NeedKind): Record<string, unknown> {
  const body = { ...(form as Record<string, unknown>) };
  const kind = fixedKind ?? body.kind;
  for (const [field, owner] of Object.entries(KIND_FIELDS)) if (kind !== owner) delete body[field];
  if ('quantity' in body) body.quantity = MONEY.includes(kind) ? scaled(body.quantity, 100) : parseDecimal(body.quantity);
  if ('rateCents' in body) body.rateCents = scaled(body.rateCents, 100);
  if ('loanRateBps' in body) body.loanRateBps = scaled(body.loanRateBps, 100);
  if ('loanTermMonths' in body) body.loanTermMonths = parseDecimal(body.loanTermMonths);
  if (kind === 'expertise') body.paid = body.paid ?? 'off';
  // An optional number left empty is "not given", not "missing".
  for (const field of ['rateCents', 'loanRateBps', 'loanTermMonths', 'returnDate', 'deadline']) if (body[field] === '') delete body[field];
  if (fixedKind) delete body.kind;
  return body;
}

const plain = (n: number | null, divisor: number) => (n === null ? '' : String(n / divisor));

/** A need's values as its edit form shows them (dollars and percent again). */
export function needToFormValues(need: NeedView): Record<string, string> {
  return {
    title: need.title,
    description: need.description,
    quantity: need.unit === 'cents' ? plain(need.quantity, 100) : String(need.quantity),
    paid: need.paid ? 'on' : '',
    rateCents: plain(need.rateCents, 100),
    loanTermMonths: plain(need.loanTermMonths, 1),
    loanRateBps: plain(need.loanRateBps, 100),
    materialMode: need.materialMode ?? '',
    returnDate: need.returnDate ?? '',
    skills: need.skills.join(', '),
    deadline: need.deadline ?? '',
  };
}
