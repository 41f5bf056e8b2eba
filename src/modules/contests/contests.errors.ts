import type { ErrorStatusMap } from '../../platform/errors.js';

/** The contests module's error codes and HTTP statuses (messages: `errors.<CODE>` in contests.i18n.ts). */
export const contestsErrors = {
  CONTEST_NOT_FOUND: 404,
  CONTEST_NOT_EDITABLE: 409,
  CONTEST_ALREADY_PUBLISHED: 409,
  CONTEST_PERIOD_ENDED: 409,
  CONTEST_NOT_ENDED: 409,
  CONTEST_ALREADY_DRAWN: 409,
  CONTEST_NOT_DRAWN: 409,
  CONTEST_NOT_A_WINNER: 403,
  CONTEST_CLAIM_CLOSED: 409,
  CONTEST_ALREADY_CLAIMED: 409,
  CONTEST_WRONG_ANSWER: 422,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
   
  interface ModuleErrorCodes extends Record<keyof typeof contestsErrors, true> {}
}
