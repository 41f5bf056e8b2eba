import { validationError, type FieldIssue } from '../../platform/errors.js';
import { SCORE_MAX, SCORE_MIN } from './call-reviews.domain.js';
import type { TConflictsBody, TReviewBody } from './call-reviews.schemas.js';

type Values = Record<string, unknown>;
type Parsed<T> = { input: T } | { errors: Record<string, FieldIssue> };
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The scoring form's fields (`score-<criterionId>`, `note`) as the API's body; blank scores are left out. */
export function reviewFromForm(body: Values): Parsed<TReviewBody> {
  const errors: Record<string, FieldIssue> = {};
  const scores: TReviewBody['scores'] = [];
  for (const [name, raw] of Object.entries(body)) {
    if (!name.startsWith('score-')) continue;
    const value = str(raw);
    if (value === '') continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < SCORE_MIN || n > SCORE_MAX) errors[name] = { key: 'callReviews.validation.score', params: { min: SCORE_MIN, max: SCORE_MAX } };
    else scores.push({ criterionId: name.slice('score-'.length).slice(0, 40), score: n });
  }
  const note = str(body.note);
  if (note.length > 4000) errors.note = { key: 'validation.tooLong', params: { count: 4000 } };
  return Object.keys(errors).length ? { errors } : { input: { scores, note } };
}

/** The conflicts form (`conflict-<applicationId>` checkboxes, `reason-<applicationId>`): a ticked box needs a reason. */
export function conflictsFromForm(body: Values): Parsed<TConflictsBody> {
  const errors: Record<string, FieldIssue> = {};
  const items: TConflictsBody['items'] = [];
  for (const name of Object.keys(body)) {
    if (!name.startsWith('conflict-')) continue;
    const id = name.slice('conflict-'.length).slice(0, 40);
    const reason = str(body[`reason-${id}`]);
    if (reason.length < 3) errors[`reason-${id}`] = { key: 'callReviews.validation.reason' };
    else if (reason.length > 500) errors[`reason-${id}`] = { key: 'validation.tooLong', params: { count: 500 } };
    else items.push({ applicationId: id, reason });
  }
  return Object.keys(errors).length ? { errors } : { input: { items } };
}

/** The award form's amount in dollars (up to two decimals) as cents. */
export function amountFromForm(body: Values): number {
  const value = str(body.amount).replace(/\s/g, '').replace(',', '.');
  const dollars = Number(value);
  if (value === '' || !Number.isFinite(dollars) || dollars <= 0 || Math.round(dollars * 100) !== Math.round(dollars * 1000) / 10) throw validationError({ amount: { key: 'callReviews.validation.amount' } });
  return Math.round(dollars * 100);
}


