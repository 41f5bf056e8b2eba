import type { ErrorStatusMap } from '../../platform/errors.js';

/** Territories and their rollout: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const territoriesErrors = {
  TERRITORY_NOT_FOUND: 404,
  TERRITORY_OPEN: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof territoriesErrors, true> {}
}
