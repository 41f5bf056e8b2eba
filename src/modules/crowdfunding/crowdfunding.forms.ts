import { parseDecimal } from '../needs/needs.forms.js';

type Form = Record<string, unknown>;

const scaled = (value: unknown, factor: number) => {
  const n = parseDecimal(value);
  return typeof n === 'number' ? Math.round(n * factor) : n;
};
const whole = (value: unknown) => parseDecimal(value);

/** The campaign form as people fill it (dollars) → the API's body (cents). */
export function campaignFormToBody(form: unknown): Form {
  const body = { ...(form as Form) };
  if ('goalCents' in body) body.goalCents = scaled(body.goalCents, 100);
  return body;
}

/** The snapshot form (dollars; backers optional) → the API's body. */
export function snapshotFormToBody(form: unknown): Form {
  const body = { ...(form as Form) };
  if ('raisedCents' in body) body.raisedCents = scaled(body.raisedCents, 100);
  if (body.backers === '' || body.backers === undefined) delete body.backers;
  else body.backers = whole(body.backers);
  return body;
}

/** The matchfunding form ("1" dollar per dollar, a cap in dollars) → percent and cents. */
export function matchFormToBody(form: unknown): Form {
  const body = { ...(form as Form) };
  if ('ratioPercent' in body) body.ratioPercent = scaled(body.ratioPercent, 100);
  if ('capCents' in body) body.capCents = scaled(body.capCents, 100);
  if (body.caisse === '') delete body.caisse;
  return body;
}

/** A campaign's values as its form shows them again (dollars). */
export function campaignToFormValues(c: { url: string; platform: string; goalCents: number; endsOn: string; model: string }): Form {
  return { url: c.url, platform: c.platform, goalCents: String(c.goalCents / 100), endsOn: c.endsOn, model: c.model };
}
