import type { ErrorStatusMap } from '../../platform/errors.js';

/** Notifications and their e-mail settings: error codes (ADR 0011); messages are `errors.<CODE>` in the module's catalogue. */
export const notificationsErrors = {
  NOTIFICATION_NOT_FOUND: 404,
  UNSUBSCRIBE_LINK_INVALID: 400,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof notificationsErrors, true> {}
}
