import type { ErrorStatusMap } from '../../platform/errors.js';

/** Sign-in, sessions and personal access tokens: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const authErrors = {
  ACCOUNT_SUSPENDED: 403,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 400,
  REAUTH_REQUIRED: 401,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof authErrors, true> {}
}
