import type { ErrorStatusMap } from '../../platform/errors.js';

/** Needs of a project: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const needsErrors = {
  NEED_NOT_FOUND: 404,
  NEED_CLOSED: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof needsErrors, true> {}
}
