import type { ErrorStatusMap } from '../../platform/errors.js';

/** Pledges: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const pledgesErrors = {
  PLEDGE_NOT_FOUND: 404,
  NEED_OVERSUBSCRIBED: 409,
  PLEDGE_ALREADY_OPEN: 409,
  PLEDGE_OWN_PROJECT: 403,
  PARTNER_OUTSIDE_TERRITORY: 403,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof pledgesErrors, true> {}
}
