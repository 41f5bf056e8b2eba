import type { ErrorStatusMap } from '../../platform/errors.js';

/** Caisses: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const caissesErrors = {
  CAISSE_NOT_FOUND: 404,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof caissesErrors, true> {}
}
