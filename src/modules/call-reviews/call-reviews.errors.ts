import type { ErrorStatusMap } from '../../platform/errors.js';

/** The call-reviews module's error codes (ADR 0021); messages are `errors.<CODE>` in call-reviews.i18n.ts. */
export const callReviewsErrors = {
  JUROR_NOT_ELIGIBLE: 422,
  JUROR_ALREADY_ADDED: 409,
  JUROR_NOT_FOUND: 404,
  REVIEW_NOT_JUROR: 403,
  REVIEW_CONFLICT: 409,
  VOTE_NOT_ELIGIBLE: 403,
  VOTE_LIMIT_REACHED: 409,
  VOTE_NOT_FOUND: 404,
  AWARD_OVER_BUDGET: 409,
  AWARD_OVER_MAX: 409,
  AWARD_NOT_ELIGIBLE: 409,
  AWARD_NOT_FOUND: 404,
  RESULTS_ALREADY_PUBLISHED: 409,
  RESULTS_NOT_PUBLISHED: 404,
  RESULTS_NO_WINNER: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof callReviewsErrors, true> {}
}
