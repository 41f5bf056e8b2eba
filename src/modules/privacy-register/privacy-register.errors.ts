import type { ErrorStatusMap } from '../../platform/errors.js';

/** The privacy register's error codes (ADR 0028); messages are `errors.<CODE>` in privacy-register.i18n.ts. */
export const privacyRegisterErrors = {
  PRIVACY_INCIDENT_NOT_FOUND: 404,
  PRIVACY_REQUEST_NOT_FOUND: 404,
} as const satisfies ErrorStatusMap;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof privacyRegisterErrors, true> {}
}
