import type { ErrorStatusMap } from '../../platform/errors.js';

/** Private messages: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const messagesErrors = {
  CONVERSATION_NOT_FOUND: 404,
  BLOCKED: 403,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof messagesErrors, true> {}
}
