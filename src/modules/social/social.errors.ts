import type { ErrorStatusMap } from '../../platform/errors.js';

/** Follows, comments and reactions: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const socialErrors = {
  FOLLOW_TARGET_NOT_FOUND: 404,
  COMMENT_NOT_FOUND: 404,
  UPDATE_NOT_FOUND: 404,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof socialErrors, true> {}
}
