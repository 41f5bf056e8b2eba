import type { ErrorStatusMap } from '../../platform/errors.js';

/** The delegate programme's error codes (ADR 0011); messages are `errors.<CODE>` in delegates.i18n.ts. */
export const delegatesErrors = {
  DELEGATE_CAMPAIGN_NOT_FOUND: 404,
  DELEGATE_REGISTRATION_CLOSED: 409,
  DELEGATE_ALREADY_APPLIED: 409,
  DELEGATE_APPLICATION_NOT_FOUND: 404,
  DELEGATE_ALREADY_DECIDED: 409,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof delegatesErrors, true> {}
}
