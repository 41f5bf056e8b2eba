import type { ErrorStatusMap } from '../../platform/errors.js';

/** The personal space (profile, API tokens): error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const meErrors = {
  TOKEN_NOT_FOUND: 404,
  HANDLE_TAKEN: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof meErrors, true> {}
}
