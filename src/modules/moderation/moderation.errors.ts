import type { ErrorStatusMap } from '../../platform/errors.js';

/** Reports and moderation: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const moderationErrors = {
  REPORT_TARGET_NOT_FOUND: 404,
  MODERATION_STATE: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof moderationErrors, true> {}
}
