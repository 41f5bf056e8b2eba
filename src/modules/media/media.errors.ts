import type { ErrorStatusMap } from '../../platform/errors.js';

/** Uploaded images: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const mediaErrors = {
  IMAGE_INVALID: 422,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof mediaErrors, true> {}
}
