import type { ErrorStatusMap } from '../../platform/errors.js';

/** Boards: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const boardsErrors = {
  BOARD_NOT_FOUND: 404,
  BOARD_LIMIT_REACHED: 409,
  BOARD_FULL: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof boardsErrors, true> {}
}
