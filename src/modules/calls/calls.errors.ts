import type { ErrorStatusMap } from '../../platform/errors.js';

/** The calls module's error codes (ADR 0020); messages are `errors.<CODE>` in calls.i18n.ts. */
export const callsErrors = {
  CALL_NOT_FOUND: 404,
  CALL_APPLICATION_NOT_FOUND: 404,
  CALL_FILE_NOT_FOUND: 404,
  CALL_FILE_REQUIRED: 409,
  CALL_PHASE_CLOSED: 409,
  CALL_TRANSITION_NOT_ALLOWED: 409,
  CALL_APPLICATION_EXISTS: 409,
  CALL_NOT_ELIGIBLE: 403,
  CALL_SLUG_TAKEN: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
   
  interface ModuleErrorCodes extends Record<keyof typeof callsErrors, true> {}
}
