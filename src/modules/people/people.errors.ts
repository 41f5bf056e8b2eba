import type { ErrorStatusMap } from '../../platform/errors.js';

/** Public profiles: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const peopleErrors = {
  PERSON_NOT_FOUND: 404,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof peopleErrors, true> {}
}
