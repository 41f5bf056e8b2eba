import type { ErrorStatusMap } from '../../platform/errors.js';

/** Projects, their team, images and status changes: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const projectsErrors = {
  PROJECT_NOT_FOUND: 404,
  TRANSITION_NOT_ALLOWED: 409,
  IMAGE_LIMIT_REACHED: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof projectsErrors, true> {}
}
