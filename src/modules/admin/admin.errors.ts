import type { ErrorStatusMap } from '../../platform/errors.js';

/** Platform administration: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const adminErrors = {
  USER_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  ROLE_SCOPE_REQUIRED: 400,
  LAST_ADMIN: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof adminErrors, true> {}
}
